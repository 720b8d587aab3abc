import { z } from 'zod';
import { IsoDate } from '../evaluation.ts';
import { NoticeStatus } from '../supervision.ts';
import { AttachmentView } from './attachments.ts';

/**
 * The supervision module's notices (督办单) and in-app notifications: request and response shapes
 * shared by the server (validation, OpenAPI) and the web app (types, forms).
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const UnitRef = z.object({ id: z.string(), name: z.string() });

/** 督办等级: 一般, 重点, 特急. */
export const NoticeLevel = z.enum(['general', 'key', 'urgent']);
export type NoticeLevel = z.infer<typeof NoticeLevel>;
/** 来源: 领导批示, 会议议定, 上级交办. */
export const NoticeSource = z.enum(['leader_instruction', 'meeting_decision', 'higher_assignment']);
export type NoticeSource = z.infer<typeof NoticeSource>;

/** A path naming one record by its id. */
export const IdParams = z.strictObject({ id: z.string().uuid() });

export const IssueNoticeRequest = z.strictObject({
  taskId: z.string().uuid().optional(),
  actionItemId: z.string().uuid().optional(),
  orgUnitId: z.string().uuid(),
  reason: Text(2000),
  requiredAction: Text(2000),
  /** 反馈时限: a date, or give `replyWorkingDays` instead (one of the two). */
  replyDue: IsoDate.optional(),
  /** 反馈时限 in working days after today ("5个工作日"), over the holiday calendar (decision 0134). */
  replyWorkingDays: z.int().min(1).max(60).optional(),
  /** 签收 deadline; two days from today by default, never after the reply date. */
  ackDue: IsoDate.optional(),
  /** 签收 deadline in working days after today, instead of `ackDue` (decision 0142). */
  ackWorkingDays: z.int().min(1).max(30).optional(),
  /** A notice about neither a task nor an action item names its plan. */
  planCode: z.string().trim().min(1).max(100).optional(),
  /** 签发人, as printed. */
  signer: z.string().trim().max(50).optional(),
  /** 抄送, as printed (e.g. 省委督查室、省政府督查室). */
  cc: z.string().trim().max(500).optional(),
  /** 督办等级: 一般, 重点, 特急. */
  level: NoticeLevel.default('general'),
  /** 来源: 领导批示, 会议议定, 上级交办. */
  source: NoticeSource.optional(),
});
export type IssueNoticeRequest = z.infer<typeof IssueNoticeRequest>;

export const NoticeListQuery = z.strictObject({
  status: NoticeStatus.optional(),
  orgUnitId: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  asOf: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const ReplyRequest = z.strictObject({ text: Text(5000) });
export const NoteRequest = z.strictObject({ note: z.string().trim().max(2000).default('') });
/** 退回重办: why, and optionally a new reply date. */
export const ReturnRequest = z.strictObject({
  reason: Text(2000),
  replyDue: IsoDate.optional(),
  /** The new reply date in working days after today, instead of `replyDue` (decision 0142). */
  replyWorkingDays: z.int().min(1).max(60).optional(),
});
/** 延期申请: the later reply date asked for (a date, or working days beyond the current one), and why. */
export const ExtensionRequest = z.strictObject({
  requestedDue: IsoDate.optional(),
  /** 延期N个工作日: N working days after the current reply date (decision 0142). */
  requestedWorkingDays: z.int().min(1).max(60).optional(),
  reason: Text(2000),
});
/** The office's decision on a pending extension; a refusal gives its reason in `note`. */
export const ExtensionDecision = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).default(''),
});

export const Notice = z.object({
  id: z.string(),
  number: z.string(),
  planId: z.string(),
  task: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  actionItem: z.object({ id: z.string(), title: z.string() }).nullable(),
  orgUnit: UnitRef,
  regionCode: z.string(),
  reason: z.string(),
  requiredAction: z.string(),
  replyDue: z.string(),
  status: NoticeStatus,
  overdue: z.boolean(),
  issuedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  escalatedTo: UnitRef.nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  signer: z.string().nullable(),
  cc: z.string(),
  level: NoticeLevel,
  source: NoticeSource.nullable(),
  /** The 领导批示 this notice was issued for, if any. */
  instructionId: z.string().nullable(),
  /** 签收 deadline; null on notices issued before it existed. */
  ackDue: z.string().nullable(),
  /** Not acknowledged (nor replied to) by its 签收 deadline. */
  ackOverdue: z.boolean(),
  reviewedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** How often the reply was sent back (退回重办), and the latest reason. */
  returnedCount: z.number(),
  returnReason: z.string().nullable(),
  extension: z
    .object({
      requestedDue: z.string(),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'refused']),
      note: z.string().nullable(),
    })
    .nullable(),
  /** Evidence sent with the reply; present on a single notice, not in lists. */
  attachments: z.array(AttachmentView).optional(),
});
export type Notice = z.infer<typeof Notice>;
export const NoticeList = z.object({ items: z.array(Notice) });
export type NoticeList = z.infer<typeof NoticeList>;

export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** An in-app notification of the actor's organisation (a reminder, an escalation, a notice). */
export const AppNotification = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  threshold: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type AppNotification = z.infer<typeof AppNotification>;
export const NotificationList = z.object({ items: z.array(AppNotification), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationList>;
/** How many notifications a "mark read" changed. */
export const NotificationsUpdated = z.object({ updated: z.number() });

/** A path naming one organisational unit. */
export const OrgUnitPathParams = z.strictObject({ orgUnitId: z.string().uuid() });

/** An issuing office's 督办单 number prefix (decision 0081), e.g. 黑文明督. */
export const NoticePrefix = z.object({ orgUnitId: z.string(), name: z.string(), prefix: z.string() });
export type NoticePrefix = z.infer<typeof NoticePrefix>;
export const NoticePrefixList = z.object({ items: z.array(NoticePrefix) });
export const NoticePrefixRequest = z.strictObject({ prefix: z.string().trim().min(1).max(20) });

/** The mobile numbers a unit's reminders are texted to (decision 0143), masked when read. */
export const SmsContacts = z.object({ orgUnitId: z.string(), name: z.string(), phones: z.array(z.string()) });
export type SmsContacts = z.infer<typeof SmsContacts>;
export const SmsContactsRequest = z.strictObject({ phones: z.array(z.string().trim()).max(10) });
