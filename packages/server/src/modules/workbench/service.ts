import type { Kysely } from 'kysely';
import {
  can,
  type Workbench,
  type WorkbenchFigure,
  type WorkbenchItem,
  type WorkbenchSection,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { listMyTasks } from '../reports/index.ts';
import { readBoard } from '../reports/index.ts';
import { listPlans } from '../plans/index.ts';
import { listNotices } from '../supervision/index.ts';
import { myActionItems } from '../supervision/index.ts';
import { listInstructions } from '../supervision/index.ts';
import { listCases } from '../cases/index.ts';
import { approvalQueue } from '../indicators/index.ts';
import { listRounds, readRound } from '../evaluation/index.ts';
import { readSessionAsOf } from './as-of.ts';

type Db = Kysely<Database>;

/** Items counted per section; past it the count shows "200+". Shown per section: the first five. */
const CAP = 200;
const SHOWN = 5;

function section(key: WorkbenchSection['key'], link: string, all: WorkbenchItem[], capped = false): WorkbenchSection {
  return {
    key,
    link,
    total: Math.min(all.length, CAP),
    capped: capped || all.length > CAP,
    items: all.slice(0, SHOWN),
  };
}

function figure(
  key: WorkbenchFigure['key'],
  from: { total: number; capped: boolean; link: string },
  late = false,
): WorkbenchFigure {
  return { key, value: from.total, capped: from.capped, alert: late && from.total > 0, link: from.link };
}

const byDue = (a: WorkbenchItem, b: WorkbenchItem) =>
  Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999');

/** Tasks of the actor's unit with a report to file or a deadline ahead, the late ones first. */
async function tasksSection(db: Db, actor: Actor, asOf: string) {
  const tasks = await listMyTasks(db, actor, asOf);
  const items = tasks
    .filter((task) => task.status !== 'done')
    .map<WorkbenchItem>((task) => ({
      id: task.taskId,
      reference: task.number,
      title: task.title,
      detail: task.missingPeriods.length > 0 ? task.missingPeriods.join(', ') : null,
      due: task.missingPeriods.length > 0 ? task.deadline : task.nextDue,
      overdue: task.status === 'overdue' || task.missingPeriods.length > 0,
      link: '/workbench',
    }))
    .sort(byDue);
  return section('tasks', '/workbench', items);
}

/** An officer answers notices not yet replied to; an office closes replied ones and chases late ones. */
async function noticesSection(db: Db, actor: Actor, asOf: string) {
  const officer = actor.role === 'unit_officer';
  const notices = await listNotices(db, actor, { asOf, limit: 500 });
  const items = notices
    .filter((n) =>
      officer ? n.status === 'issued' || n.status === 'acknowledged' : n.status === 'replied' || n.overdue,
    )
    .map<WorkbenchItem>((n) => ({
      id: n.id,
      reference: n.number,
      title: n.task ? `${n.task.number} ${n.task.title}` : (n.actionItem?.title ?? n.reason),
      detail: officer ? n.requiredAction : n.orgUnit.name,
      due: n.replyDue,
      overdue: n.overdue,
      link: `/supervision/notices?id=${n.id}`,
    }))
    .sort(byDue);
  return section('notices', '/supervision/notices', items);
}

/**
 * 领导批示: a lead unit signs for and reports on its open instructions (批示待办); an office accepts
 * or returns reported ones and chases overdue ones (批示待审).
 */
async function instructionsSection(db: Db, actor: Actor, office: boolean) {
  const page = (query: { status?: 'pending_sign' | 'in_progress' | 'reported'; overdue?: 'true' }) =>
    listInstructions(db, actor, { ...query, page: 1, limit: CAP }).then((p) => p.items);
  const found = office
    ? [...(await page({ status: 'reported' })), ...(await page({ overdue: 'true' }))]
    : [...(await page({ status: 'pending_sign' })), ...(await page({ status: 'in_progress' }))].filter(
        (i) => i.leadUnit.id === actor.orgUnitId,
      );
  const items = found
    .map<WorkbenchItem>((i) => ({
      id: i.id,
      reference: `${i.leaderPost}${i.leaderName}`,
      title: i.content,
      detail: office ? i.leadUnit.name : i.documentTitle || null,
      due: i.replyDue,
      overdue: i.overdue,
      link: `/supervision/instructions?id=${i.id}`,
    }))
    .sort(byDue);
  return section('instructions', '/supervision/instructions', items);
}

async function actionItemsSection(db: Db, actor: Actor) {
  const { items: actionItems } = await myActionItems(db, actor);
  const items = actionItems
    .filter((item) => item.status === 'open')
    .map<WorkbenchItem>((item) => ({
      id: item.id,
      reference: item.title,
      title: item.description || item.title,
      detail: null,
      due: item.due,
      overdue: item.derivedStatus === 'overdue',
      link: '/workbench',
    }))
    .sort(byDue);
  return section('actionItems', '/workbench', items);
}

/** The case queue the role works: intake for offices, the unit's queue, verification for inspectors. */
async function casesSection(db: Db, actor: Actor, queue: 'dispatch' | 'unit' | 'verify') {
  const { items: cases, nextCursor } = await listCases(db, actor, { queue, limit: CAP });
  const items = cases.map<WorkbenchItem>((c) => ({
    id: c.id,
    reference: c.number,
    title: c.categoryName,
    detail: [c.description, [c.regionName, c.address].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
    due: (c.stageDeadline ?? c.deadline).slice(0, 10),
    overdue: c.overdue || c.colour === 'red',
    link: `/cases/${c.id}`,
  }));
  return section('cases', `/cases/${queue}`, items, nextCursor !== null);
}

async function approvalsSection(db: Db, actor: Actor) {
  const queue = await approvalQueue(db, actor, { limit: CAP });
  const items = queue.items.map<WorkbenchItem>((entry) => ({
    id: `${entry.dataSet.code}/${entry.region.code}/${entry.period}`,
    reference: entry.period,
    title: entry.dataSet.name,
    detail: entry.region.name,
    due: null,
    overdue: false,
    link: '/data-approvals',
  }));
  return section('approvals', '/data-approvals', items, queue.nextCursor !== null);
}

/** Rounds under way: a scorer's go to the scoring workbench, an office's to the round. */
async function roundsSection(db: Db, actor: Actor) {
  const { items: rounds } = await listRounds(db, actor, { limit: 50 });
  const active = rounds.filter((r) => r.status === 'open' || r.status === 'scoring' || r.status === 'under_review');
  const items: WorkbenchItem[] = [];
  for (const round of active) {
    const scorer = (await readRound(db, actor, round.id)).assignments.some((a) => a.userId === actor.userId);
    if (!scorer && !can(actor.role, 'evaluation.manage')) continue;
    if (scorer && round.status === 'under_review' && !can(actor.role, 'evaluation.manage')) continue;
    items.push({
      id: round.id,
      reference: String(round.year),
      title: round.name,
      detail: round.status,
      due: round.periodEnd,
      overdue: false,
      link: scorer ? `/evaluation/rounds/${round.id}/score` : `/evaluation/rounds/${round.id}`,
    });
  }
  return section('rounds', '/evaluation/rounds', items.sort(byDue));
}

/** Tasks behind or overdue on the supervision board of every plan the actor reads, as of the date. */
async function laggingTasks(db: Db, actor: Actor, asOf: string) {
  let total = 0;
  let link = '/supervision';
  for (const plan of await listPlans(db, actor)) {
    const board = await readBoard(db, actor, plan.code, asOf);
    total += board.counts.behind + board.counts.overdue;
    link = `/supervision?plan=${encodeURIComponent(plan.code)}`;
  }
  return { total, capped: false, link };
}

/**
 * The 工作台: what needs this person today and the few numbers their role watches. Every part is
 * read through the owning module's service with the actor, so each keeps its own role and scope
 * rules: the workbench shows nothing the person could not open on the page it links to.
 */
export async function readWorkbench(db: Db, actor: Actor, asOfInput?: string): Promise<Workbench> {
  // Every staff role has a workbench; residents have the public pages.
  authorize(actor, 'org.read');
  const asOf = asOfInput ?? (await readSessionAsOf(db, actor)).asOf;
  const sections: WorkbenchSection[] = [];
  const figures: WorkbenchFigure[] = [];
  const office = can(actor.role, 'supervision.write');

  if (can(actor.role, 'report.write') && actor.orgUnitId) {
    const tasks = await tasksSection(db, actor, asOf);
    sections.push(tasks);
    figures.push(
      figure(
        'tasksToReport',
        tasks,
        tasks.items.some((i) => i.overdue),
      ),
    );
  }
  if (can(actor.role, 'supervision.read') && (office || actor.orgUnitId)) {
    const notices = await noticesSection(db, actor, asOf);
    sections.push(notices);
    figures.push(
      figure(
        office ? 'noticesOverdue' : 'noticesToAnswer',
        notices,
        notices.items.some((i) => i.overdue),
      ),
    );
  }
  if (can(actor.role, 'supervision.read') && (office || (can(actor.role, 'report.write') && actor.orgUnitId))) {
    const instructions = await instructionsSection(db, actor, office);
    sections.push(instructions);
    figures.push(
      figure(
        office ? 'instructionsToReview' : 'instructionsToDo',
        instructions,
        instructions.items.some((i) => i.overdue),
      ),
    );
  }
  if (can(actor.role, 'report.write') && actor.orgUnitId) {
    const items = await actionItemsSection(db, actor);
    sections.push(items);
    figures.push(
      figure(
        'actionItemsOpen',
        items,
        items.items.some((i) => i.overdue),
      ),
    );
  }
  const queue = can(actor.role, 'case.dispatch')
    ? 'dispatch'
    : can(actor.role, 'case.handle') && actor.orgUnitId
      ? 'unit'
      : can(actor.role, 'case.verify')
        ? 'verify'
        : null;
  if (queue) {
    const cases = await casesSection(db, actor, queue);
    sections.push(cases);
    figures.push(figure('casesInQueue', cases));
  }
  if (can(actor.role, 'case.read') && (actor.role !== 'unit_officer' || actor.orgUnitId)) {
    const overdue = await listCases(db, actor, { overdue: 'true', limit: CAP });
    const total = overdue.items.length;
    figures.push({
      key: 'casesOverdue',
      value: total,
      capped: overdue.nextCursor !== null,
      alert: total > 0,
      link: '/cases',
    });
  }
  if (can(actor.role, 'data.approve')) {
    const approvals = await approvalsSection(db, actor);
    sections.push(approvals);
    figures.push(figure('approvalsWaiting', approvals));
  }
  if (can(actor.role, 'evaluation.score') || can(actor.role, 'evaluation.manage')) {
    const rounds = await roundsSection(db, actor);
    sections.push(rounds);
    figures.push(figure('roundsActive', rounds));
  }
  if (office) figures.push(figure('tasksLagging', await laggingTasks(db, actor, asOf), true));
  return { asOf, role: actor.role, figures, sections };
}
