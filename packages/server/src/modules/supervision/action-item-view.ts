import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { type ActionItem, type ActionItemInput, daysBetween, message, statusColour } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/problem.ts';
import { assertInScope, type Actor } from '../auth/index.ts';
import type { ActionItemRow, MeetingKey } from './meeting-repository.ts';
import { findUnits } from './units.ts';
import { supervisionPolicy } from './policy.ts';

const DUE_SOON_DAYS = 30;

/** An action item with its status derived like a task's: done, on track, due soon or overdue. */
export function presentItem(row: ActionItemRow, today: string): ActionItem {
  const daysLeft = daysBetween(today, row.due);
  const derivedStatus =
    row.status === 'done' ? 'done' : daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
  return {
    id: row.id,
    meetingId: row.meeting_id,
    title: row.title,
    description: row.description,
    owner: { id: row.owner_org_unit_id, name: row.owner_name },
    due: row.due,
    status: row.status === 'done' ? 'done' : 'open',
    derivedStatus,
    colour: statusColour(derivedStatus),
    daysLeft,
    completionNote: row.completion_note,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
}

/** Checks that every unit exists (400 naming the field) and, when `inScope`, lies in the actor's scope. */
export async function checkUnits(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly string[],
  field: (index: number) => string,
  inScope: boolean,
): Promise<void> {
  const found = await findUnits(db, ids);
  ids.forEach((id, index) => {
    const unit = found.find((u) => u.id === id);
    if (!unit) throw invalid([{ field: field(index), message: message('field.unknownOrganisation', { id }) }]);
    if (inScope) assertInScope(actor, unit.region_path);
    else supervisionPolicy.canInvite(actor, unit.region_path);
  });
}

/** Validates new action items and builds their rows, which carry their meeting's prefecture. */
export async function buildItems(
  db: Kysely<Database>,
  actor: Actor,
  meeting: MeetingKey,
  items: readonly ActionItemInput[],
  field: (index: number) => string,
): Promise<Insertable<Database['action_item']>[]> {
  await checkUnits(
    db,
    actor,
    items.map((i) => i.ownerOrgUnitId),
    (i) => `${field(i)}.ownerOrgUnitId`,
    true,
  );
  return items.map((i) => ({
    id: crypto.randomUUID(),
    prefecture_code: meeting.prefecture_code,
    meeting_id: meeting.id,
    title: i.title,
    description: i.description,
    owner_org_unit_id: i.ownerOrgUnitId,
    due: i.due,
    status: 'open',
  }));
}
