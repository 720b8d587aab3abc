import type { Kysely } from 'kysely';
import { message, daysBetween, supervisionRulesOf, TaskStatus, unitCard } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { planPolicy } from '../plans/index.ts';
import { planLookup } from '../plans/index.ts';
import { regionLookup } from '../regions/index.ts';
import { endOfDayInChina, loadAssignmentStatuses, today, type AssignmentStatus } from './assignments.ts';
import { supervisionLookup } from '../supervision/index.ts';
import { ledgerRepository } from './ledger-repository.ts';
import type { Board, Ledger, LedgerQuery, LedgerRow } from './ledger-schema.ts';
import { reportPolicy } from './policy.ts';

const EXCERPT_CHARS = 120;

/** A plan the actor may read, and which of its task × unit rows they see. */
async function getLedgerScope(db: Kysely<Database>, actor: Actor, code: string, orgUnitId?: string) {
  const plan = await planLookup.findByCode(db, code);
  if (!plan) throw notFound('plan', code);
  const region = await regionLookup.findByCode(db, plan.issuing_region_code);
  planPolicy.canRead(actor, region!.path);
  const filter = reportPolicy.ledgerFilter(actor);
  if (orgUnitId) {
    if (filter.orgUnitId && filter.orgUnitId !== orgUnitId) throw forbidden(message('forbidden.ownLedger'));
    filter.orgUnitId = orgUnitId;
  }
  return { plan, filter };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

function presentRow(row: AssignmentStatus, narratives: Map<string, string>): LedgerRow {
  return {
    programme: { code: row.programme_code, title: row.programme_title },
    taskId: row.task_id,
    taskNumber: row.number,
    taskTitle: row.title,
    orgUnit: { id: row.org_unit_id, name: row.org_unit_name },
    role: row.role,
    deadline: row.deadline,
    status: row.status,
    colour: row.colour,
    missingPeriods: row.missingPeriods.length,
    latePeriods: row.latePeriods.length,
    missedMilestones: row.missedMilestones,
    latestReport: row.latest
      ? {
          id: row.latest.id,
          period: row.latest.period,
          submittedAt: row.latest.submitted_at!.toISOString(),
          excerpt: excerpt(narratives.get(row.latest.id) ?? ''),
          late: row.latest.late,
        }
      : null,
    openNotices: row.openNotices,
  };
}

/** The ledger (台账): one row per task and assigned unit in the actor's scope, filtered. */
export async function readLedger(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  query: LedgerQuery,
): Promise<Ledger> {
  const asOf = query.asOf ?? today();
  const { plan, filter } = await getLedgerScope(db, actor, code, query.orgUnitId);
  const [rows, actionItems] = await Promise.all([
    loadAssignmentStatuses(db, plan, asOf, filter),
    supervisionLookup.listOverdueActionItems(db, plan.id, asOf, endOfDayInChina(asOf), filter),
  ]);
  const needle = query.q?.trim().toLowerCase();
  const items = rows
    .filter((r) => !query.programme || r.programme_code === query.programme)
    .filter((r) => !query.status || r.status === query.status)
    .filter(
      (r) => !needle || [r.number, r.title, r.org_unit_name].some((field) => field.toLowerCase().includes(needle)),
    );
  const latestIds = items.flatMap((r) => (r.latest ? [r.latest.id] : []));
  const narratives = new Map((await ledgerRepository.listNarratives(db, latestIds)).map((n) => [n.id, n.narrative]));
  return {
    plan: { code: plan.code, name: plan.name },
    asOf,
    items: items.map((r) => presentRow(r, narratives)),
    overdueActionItems: actionItems
      .filter((a) => !needle || [a.title, a.org_unit_name].some((field) => field.toLowerCase().includes(needle)))
      .map((a) => presentActionItem(a, asOf)),
  };
}

type ActionItemRow = Awaited<ReturnType<typeof supervisionLookup.listOverdueActionItems>>[number];

function presentActionItem(row: ActionItemRow, asOf: string): Ledger['overdueActionItems'][number] {
  return {
    id: row.id,
    title: row.title,
    due: row.due,
    daysOverdue: daysBetween(row.due, asOf),
    meeting: { id: row.meeting_id, title: row.meeting_title, heldOn: row.held_on },
    orgUnit: { id: row.org_unit_id, name: row.org_unit_name },
  };
}

const zeroCounts = () => Object.fromEntries(TaskStatus.options.map((s) => [s, 0])) as Board['counts'];

/** The supervision board: counts by status and programme, lagging units, overdue notices. */
export async function readBoard(db: Kysely<Database>, actor: Actor, code: string, asOfInput?: string): Promise<Board> {
  const asOf = asOfInput ?? today();
  const { plan, filter } = await getLedgerScope(db, actor, code);
  const filedBefore = endOfDayInChina(asOf);
  const [rows, notices, actionItems] = await Promise.all([
    loadAssignmentStatuses(db, plan, asOf, filter),
    supervisionLookup.listOverdueNotices(db, plan.id, asOf, filedBefore, filter),
    supervisionLookup.listOverdueActionItems(db, plan.id, asOf, filedBefore, filter),
  ]);
  const counts = zeroCounts();
  const programmes = new Map<string, Board['byProgramme'][number]>();
  const lagging = new Map<string, Board['laggingUnits'][number]>();
  const laggingUnit = (id: string, name: string) => {
    let unit = lagging.get(id);
    if (!unit) {
      unit = {
        id,
        name,
        behind: 0,
        milestoneMissed: 0,
        overdue: 0,
        missingPeriods: 0,
        overdueNotices: 0,
        card: null,
        tasks: [],
      };
      lagging.set(id, unit);
    }
    return unit;
  };
  const rules = supervisionRulesOf(plan.supervision_rules);
  for (const row of rows) {
    counts[row.status]++;
    let programme = programmes.get(row.programme_code);
    if (!programme) {
      programme = { code: row.programme_code, title: row.programme_title, total: 0, counts: zeroCounts() };
      programmes.set(row.programme_code, programme);
    }
    programme.total++;
    programme.counts[row.status]++;
    if (row.status !== 'behind' && row.status !== 'overdue' && row.status !== 'milestone_missed') continue;
    const unit = laggingUnit(row.org_unit_id, row.org_unit_name);
    if (row.status === 'milestone_missed') unit.milestoneMissed++;
    else unit[row.status]++;
    unit.missingPeriods += row.missingPeriods.length;
    unit.tasks.push(row.number);
  }
  for (const notice of notices) laggingUnit(notice.org_unit_id, notice.org_unit_name).overdueNotices++;
  // Cards by the plan's tiers (decision 0133).
  for (const unit of lagging.values())
    unit.card = unitCard(rules, { missedPeriods: unit.missingPeriods, overdueNotices: unit.overdueNotices });
  const laggingUnits = [...lagging.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.milestoneMissed - a.milestoneMissed ||
      b.behind - a.behind ||
      b.missingPeriods - a.missingPeriods ||
      b.overdueNotices - a.overdueNotices ||
      a.name.localeCompare(b.name),
  );
  return {
    plan: { code: plan.code, name: plan.name },
    asOf,
    rules,
    total: rows.length,
    counts,
    byProgramme: [...programmes.values()],
    laggingUnits,
    overdueNotices: notices.map((n) => ({
      id: n.id,
      number: n.number,
      status: n.status,
      replyDue: n.reply_due,
      orgUnit: { id: n.org_unit_id, name: n.org_unit_name },
      task: n.task_id ? { id: n.task_id, number: n.task_number!, title: n.task_title! } : null,
    })),
    overdueActionItems: actionItems.map((a) => presentActionItem(a, asOf)),
  };
}
