import { attachmentLookup } from '../attachments/index.ts';
import {
  type CreateMeetingRequest,
  distributionCode,
  type MeetingDetail,
  MeetingKind,
  type MeetingSummary,
  message,
  type UpdateMeetingRequest,
} from '@chuangcheng/core';
import { presentAttachment } from '../reports/index.ts';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { forbidden, invalid, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { planLookup, planPolicy } from '../plans/index.ts';
import { buildItems, checkUnits, presentItem } from './action-item-view.ts';
import { meetingRepository, type MeetingRow } from './meeting-repository.ts';
import { supervisionPolicy } from './policy.ts';
import { subjectRepository } from './subject-repository.ts';
import { todayInChina } from './units.ts';

const summary = (m: MeetingRow): z.infer<typeof MeetingSummary> => ({
  id: m.id,
  planCode: m.plan_code,
  regionCode: m.region_code,
  kind: MeetingKind.parse(m.kind),
  title: m.title,
  heldOn: m.held_on,
  location: m.location,
});

export async function getMeeting(db: Kysely<Database>, id: string): Promise<MeetingRow> {
  const row = await meetingRepository.findById(db, id);
  if (!row) throw notFound('meeting', id);
  return row;
}

async function detail(db: Kysely<Database>, m: MeetingRow): Promise<MeetingDetail> {
  const today = todayInChina();
  return {
    ...summary(m),
    minutes: m.minutes,
    decisions: m.decisions,
    attendees: await meetingRepository.attendees(db, m),
    actionItems: (await meetingRepository.items(db, { meeting: m })).map((i) => presentItem(i, today)),
    attachments: (await attachmentLookup.listByOwners(db, 'joint_meeting', [m.id])).map(presentAttachment),
  };
}

/** Unit officers read meetings their organisation attended or owns items of; others, meetings in scope. */
async function canReadMeeting(db: Kysely<Database>, actor: Actor, m: MeetingRow): Promise<void> {
  authorize(actor, 'supervision.read');
  if (actor.role !== 'unit_officer') return assertInScope(actor, m.region_path);
  const unit = supervisionPolicy.ownUnit(actor);
  const mine = await meetingRepository.list(db, { unitId: unit });
  if (!mine.some((x) => x.id === m.id)) throw forbidden(message('forbidden.meetingParticipant'));
}

export async function createMeeting(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateMeetingRequest,
  requestId?: string,
) {
  supervisionPolicy.canWriteFor(actor, actor.regionPath);
  const plan = await planLookup.findWithRegionPath(db, input.planCode);
  if (!plan || !planPolicy.isReadable(actor, plan.path)) {
    throw invalid([{ field: 'body.planCode', message: message('field.unknownPlan', { code: input.planCode }) }]);
  }
  await checkUnits(db, actor, input.attendeeOrgUnitIds, (i) => `body.attendeeOrgUnitIds[${i}]`, false);
  // The meeting is held in the actor's region: its prefecture (the province's code for a
  // provincial meeting) is the distribution column of the meeting, its attendees and its items.
  const region = await subjectRepository.regionPrefecture(db, actor.regionCode);
  const key = { prefecture_code: distributionCode(actor.regionCode, region.prefecture_code), id: crypto.randomUUID() };
  const id = key.id;
  const items = await buildItems(db, actor, key, input.actionItems, (i) => `body.actionItems[${i}]`);
  return db.transaction().execute(async (trx) => {
    await meetingRepository.insert(trx, {
      id,
      prefecture_code: key.prefecture_code,
      plan_id: plan.id,
      region_code: actor.regionCode,
      kind: input.kind,
      title: input.title,
      held_on: input.heldOn,
      location: input.location,
      minutes: input.minutes,
      decisions: input.decisions,
      created_by: actor.userId,
    });
    await meetingRepository.setAttendees(trx, key, input.attendeeOrgUnitIds);
    await meetingRepository.insertItems(trx, items);
    const created = await detail(trx, await getMeeting(trx, id));
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'meeting.create',
        entityType: 'joint_meeting',
        entityId: id,
        regionCode: actor.regionCode,
        after: created,
      },
    );
    return created;
  });
}

export async function listMeetings(
  db: Kysely<Database>,
  actor: Actor,
  query: { planCode?: string; kind?: 'joint' | 'liaison' },
) {
  const rows = await meetingRepository.list(db, {
    ...supervisionPolicy.listScope(actor),
    planCode: query.planCode,
    kind: query.kind,
  });
  return { items: rows.map(summary) };
}

export async function readMeeting(db: Kysely<Database>, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await getMeeting(db, id);
  await canReadMeeting(db, actor, m);
  return detail(db, m);
}

export async function updateMeeting(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: UpdateMeetingRequest,
  requestId?: string,
): Promise<MeetingDetail> {
  const m = await getMeeting(db, id);
  supervisionPolicy.canWriteFor(actor, m.region_path);
  if (input.attendeeOrgUnitIds) {
    await checkUnits(db, actor, input.attendeeOrgUnitIds, (i) => `body.attendeeOrgUnitIds[${i}]`, false);
  }
  return db.transaction().execute(async (trx) => {
    const before = await detail(trx, m);
    await meetingRepository.update(trx, m, {
      kind: input.kind,
      title: input.title,
      held_on: input.heldOn,
      location: input.location,
      minutes: input.minutes,
      decisions: input.decisions,
      updated_at: new Date(),
    });
    if (input.attendeeOrgUnitIds) await meetingRepository.setAttendees(trx, m, input.attendeeOrgUnitIds);
    const after = await detail(trx, await getMeeting(trx, id));
    await recordAudit(
      trx,
      { actor, requestId },
      { action: 'meeting.update', entityType: 'joint_meeting', entityId: id, regionCode: m.region_code, before, after },
    );
    return after;
  });
}
