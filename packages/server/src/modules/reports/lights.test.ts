import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { addDays, periodBounds, periodsBetween } from '@chuangcheng/core';
import { systemActorOfRoot } from '../../bootstrap.ts';
import { REPO_ROOT } from '../../config.ts';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { importPlan, validatePlanFile } from '../plans/import.ts';
import { taskId, unitId } from '../supervision/fixtures.ts';
import { fileReport } from './fixtures.ts';

/*
 * Lights and cadence as data (issue 18, decision 0133), on task 1.2 of 省司法厅 as of
 * 2019-05-08: every month from 2018-01 to 2019-03 filed on the 8th of the next month. Under
 * the shipped plan's values (reports due 10 days after the month) April's report is not yet
 * due and every report was on time: on track, no card. Re-imported with 每月5日前 (graceDays 5)
 * and a 红牌 at one missed period, the same record reads behind, all 15 reports late, April
 * missing, and a 红牌.
 */
const CODE = 'heilongjiang-2018-2020';
const SHIPPED = path.join(REPO_ROOT, 'data/plans/heilongjiang-2018-2020.yaml');
const AS_OF = '2019-05-08';

const ctx = fileTestContext();
let justice: string;

beforeAll(async () => {
  justice = await unitId(ctx.db, '省司法厅');
  const author = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: justice });
  const task = await taskId(ctx.db, '1.2');
  for (const period of periodsBetween('monthly', '2018-01-01', '2019-03-31')) {
    await fileReport(ctx.db, {
      taskId: task,
      orgUnitId: justice,
      authorId: author.id,
      period,
      filedOn: addDays(periodBounds(period).end, 8),
    });
  }
});

const rowOn = async () => {
  const res = await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=${AS_OF}&orgUnitId=${justice}`);
  expect(res.statusCode).toBe(200);
  return res.json().items[0] as { status: string; missingPeriods: number; latePeriods: number };
};
const boardOn = async () => {
  const res = await ctx.admin.get(`/api/v1/plans/${CODE}/board?asOf=${AS_OF}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    rules: Record<string, unknown>;
    laggingUnits: { id: string; card: string | null; missingPeriods: number }[];
  };
};

describe('a plan’s lights and cadence as data', () => {
  it('reads the shipped values, then other thresholds from a re-imported plan', async () => {
    expect(await rowOn()).toMatchObject({ status: 'on_track', missingPeriods: 0, latePeriods: 0 });
    const before = await boardOn();
    expect(before.rules).toEqual({
      dueSoonDays: 30,
      graceDays: 10,
      yellowCard: { missedPeriods: 1, overdueNotices: 1 },
      redCard: { missedPeriods: 3, overdueNotices: 2 },
    });
    expect(before.laggingUnits.find((u) => u.id === justice)).toBeUndefined();
    // A unit with nothing filed has 15 closed months missing: 红牌 by the default tiers.
    const water = await unitId(ctx.db, '省水利厅');
    expect(before.laggingUnits.find((u) => u.id === water)).toMatchObject({ missingPeriods: 15, card: 'red' });

    const plan = parseYaml(fs.readFileSync(SHIPPED, 'utf8')) as { plan: Record<string, unknown> };
    const rules = {
      dueSoonDays: 60,
      graceDays: 5,
      yellowCard: { missedPeriods: 1, overdueNotices: 1 },
      redCard: { missedPeriods: 1, overdueNotices: 1 },
    };
    plan.plan.supervision = rules;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-plan-')), 'plan.yaml');
    fs.writeFileSync(file, stringifyYaml(plan, { lineWidth: 0 }));
    const system = await systemActorOfRoot(ctx.db);
    const imported = await importPlan(ctx.db, system, await validatePlanFile(ctx.db, file));
    expect(imported).toMatchObject({ version: 2, unchanged: false });

    expect(await rowOn()).toMatchObject({ status: 'behind', missingPeriods: 1, latePeriods: 15 });
    const after = await boardOn();
    expect(after.rules).toEqual(rules);
    expect(after.laggingUnits.find((u) => u.id === justice)).toMatchObject({ missingPeriods: 1, card: 'red' });
  });

  it('refuses a plan file whose 红牌 is below its 黄牌, naming the field', async () => {
    const plan = parseYaml(fs.readFileSync(SHIPPED, 'utf8')) as { plan: Record<string, unknown> };
    plan.plan.supervision = { yellowCard: { missedPeriods: 4, overdueNotices: 1 } };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-plan-')), 'plan.yaml');
    fs.writeFileSync(file, stringifyYaml(plan, { lineWidth: 0 }));
    await expect(validatePlanFile(ctx.db, file)).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: expect.stringContaining('plan.supervision.redCard') }),
      ]),
    });
  });
});
