import { addDays } from '@chuangcheng/core';
import { taskId, unitId } from '../modules/supervision/fixtures.ts';
import { todayInChina } from '../modules/supervision/units.ts';
import { buildUser, type Agent, type TestContext } from './harness.ts';

/*
 * The province's worked example, shared by the supervision, reports, attachments and jobs tests:
 * in the seed plan 省住建厅 is the lead unit of task 2.1 (推进城市基础设施建设, reported monthly),
 * and 省精神文明办 is the office that issues the province's 督办单.
 */

/** The province's 13 prefecture-level units (12 cities and 大兴安岭地区) by region code, in code order. */
export const PREFECTURE_CODES = [
  '2301',
  '2302',
  '2303',
  '2304',
  '2305',
  '2306',
  '2307',
  '2308',
  '2309',
  '2310',
  '2311',
  '2312',
  '2327',
];

/** The seed units and the task of the worked example. */
export type Task21 = {
  /** 省住建厅, the lead unit of task 2.1. */
  housing: string;
  /** 省精神文明办, the issuing office of the province's notices. */
  office: string;
  /** Task 2.1 of the seed plan. */
  infrastructure: string;
};

/** Looks up 省住建厅, 省精神文明办 and task 2.1 in the seed data. */
export async function task21(ctx: TestContext): Promise<Task21> {
  return {
    housing: await unitId(ctx.db, '省住建厅'),
    office: await unitId(ctx.db, '省精神文明办'),
    infrastructure: await taskId(ctx.db, '2.1'),
  };
}

/** The worked example with a new liaison (unit_officer) of 省住建厅, signed in. */
export async function task21WithLiaison(ctx: TestContext): Promise<Task21 & { officer: Agent; officerId: string }> {
  const seed = await task21(ctx);
  const liaison = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: seed.housing });
  return { ...seed, officer: liaison.agent, officerId: liaison.id };
}

/** Seed units by the names the plan uses: their ids, in the order given. */
export async function unitIds<const Names extends readonly string[]>(
  ctx: TestContext,
  ...names: Names
): Promise<{ [K in keyof Names]: string }> {
  const ids: string[] = [];
  for (const name of names) ids.push(await unitId(ctx.db, name));
  return ids as unknown as { [K in keyof Names]: string };
}

/** A new signed-in liaison (unit_officer) of each provincial unit given, created one after another. */
export async function provincialLiaisons<const Units extends readonly string[]>(
  ctx: TestContext,
  ...orgUnitIds: Units
): Promise<{ [K in keyof Units]: Agent }> {
  const agents: Agent[] = [];
  for (const orgUnitId of orgUnitIds) {
    agents.push((await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId })).agent);
  }
  return agents as unknown as { [K in keyof Units]: Agent };
}

/**
 * The body of a 督办单 to 省住建厅 on task 2.1 for not reporting monthly, its reply due in five days;
 * `fields` replace or add to these.
 */
export async function noticeOnTask21(ctx: TestContext, fields: Record<string, unknown> = {}) {
  return {
    taskId: await taskId(ctx.db, '2.1'),
    orgUnitId: await unitId(ctx.db, '省住建厅'),
    reason: '未按月报送2.1任务进展',
    requiredAction: '补报进展并说明原因',
    replyDue: addDays(todayInChina(), 5),
    ...fields,
  };
}
