import { z } from 'zod';
import { IsoDate } from '../evaluation.ts';
import { StatusColour } from '../supervision.ts';
import { AttachmentView } from './attachments.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const UnitRef = z.object({ id: z.string(), name: z.string() });

export const ActionItemInput = z.strictObject({
  title: Text(500),
  description: z.string().max(5000).default(''),
  ownerOrgUnitId: z.string().uuid(),
  due: IsoDate,
});
export type ActionItemInput = z.infer<typeof ActionItemInput>;

/** 联席会议 (joint) or 联络员例会 (liaison, the liaison officers' routine meeting). */
export const MeetingKind = z.enum(['joint', 'liaison']);

export const CreateMeetingRequest = z.strictObject({
  planCode: z.string().min(1).max(80),
  kind: MeetingKind.default('joint'),
  title: Text(500),
  heldOn: IsoDate,
  location: z.string().max(500).nullable().default(null),
  attendeeOrgUnitIds: z.array(z.string().uuid()).max(200).default([]),
  minutes: z.string().max(50_000).default(''),
  decisions: z.string().max(50_000).default(''),
  actionItems: z.array(ActionItemInput).max(200).default([]),
});
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

export const UpdateMeetingRequest = z.strictObject({
  kind: MeetingKind.optional(),
  title: Text(500).optional(),
  heldOn: IsoDate.optional(),
  location: z.string().max(500).nullable().optional(),
  attendeeOrgUnitIds: z.array(z.string().uuid()).max(200).optional(),
  minutes: z.string().max(50_000).optional(),
  decisions: z.string().max(50_000).optional(),
});
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

export const MeetingListQuery = z.strictObject({
  planCode: z.string().min(1).max(80).optional(),
  kind: MeetingKind.optional(),
});

export const ActionItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  description: z.string(),
  owner: UnitRef,
  due: z.string(),
  status: z.enum(['open', 'done']),
  derivedStatus: z.enum(['done', 'on_track', 'due_soon', 'overdue']),
  colour: StatusColour,
  daysLeft: z.number(),
  completionNote: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;
export const ActionItemList = z.object({ items: z.array(ActionItem) });
export type ActionItemList = z.infer<typeof ActionItemList>;

export const MeetingSummary = z.object({
  id: z.string(),
  planCode: z.string(),
  regionCode: z.string(),
  kind: MeetingKind,
  title: z.string(),
  heldOn: z.string(),
  location: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingDetail = MeetingSummary.extend({
  minutes: z.string(),
  decisions: z.string(),
  attendees: z.array(UnitRef),
  actionItems: z.array(ActionItem),
  /** Minutes, sign-in sheets and other files of the meeting. */
  attachments: z.array(AttachmentView),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export type MeetingList = z.infer<typeof MeetingList>;
/** More action items for a recorded meeting. */
export const AddActionItemsRequest = z.strictObject({ items: z.array(ActionItemInput).min(1).max(200) });
