import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type ActionItem, type ActionItemInput, message } from '@chuangcheng/core';
import { buildItems, presentItem } from './action-item-view.ts';
import { meetingRepository } from './meeting-repository.ts';
import { getMeeting } from './meetings.ts';
import { supervisionPolicy } from './policy.ts';
import { todayInChina } from './units.ts';

/** Adds action items to a meeting after it was recorded. */
export async function addActionItems(
  db: Kysely<Database>,
  actor: Actor,
  meetingId: string,
  items: readonly ActionItemInput[],
  requestId?: string,
): Promise<ActionItem[]> {
  const m = await getMeeting(db, meetingId);
  supervisionPolicy.canWriteFor(actor, m.region_path);
  const rows = await buildItems(db, actor, m, items, (i) => `body.items[${i}]`);
  return db.transaction().execute(async (trx) => {
    await meetingRepository.insertItems(trx, rows);
    const today = todayInChina();
    const created = (await meetingRepository.items(trx, { meeting: m })).filter((r) => rows.some((x) => x.id === r.id));
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'meeting.add_action_items',
        entityType: 'joint_meeting',
        entityId: meetingId,
        regionCode: m.region_code,
        after: created.map((r) => presentItem(r, today)),
      },
    );
    return created.map((r) => presentItem(r, today));
  });
}

/** The owner unit's officer, or the office over the meeting's region, marks an item done. */
export async function completeActionItem(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  note: string,
  requestId?: string,
): Promise<ActionItem> {
  const item = await meetingRepository.findItem(db, id);
  if (!item) throw notFound('actionItem', id);
  const m = await getMeeting(db, item.meeting_id);
  supervisionPolicy.canCompleteActionItem(actor, item, m.region_path);
  return db.transaction().execute(async (trx) => {
    if (!(await meetingRepository.completeItem(trx, item, actor.userId, note))) {
      throw conflict(message('actionItem.done', { title: item.title }));
    }
    const after = presentItem((await meetingRepository.findItem(trx, id, item.prefecture_code))!, todayInChina());
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'action_item.complete',
        entityType: 'action_item',
        entityId: id,
        regionCode: m.region_code,
        before: { status: item.status },
        after,
      },
    );
    return after;
  });
}

/** The open and done action items the actor's organisation owns. */
export async function myActionItems(db: Kysely<Database>, actor: Actor): Promise<{ items: ActionItem[] }> {
  authorize(actor, 'report.write');
  const unit = supervisionPolicy.ownUnit(actor);
  const today = todayInChina();
  return { items: (await meetingRepository.items(db, { ownerId: unit })).map((r) => presentItem(r, today)) };
}
