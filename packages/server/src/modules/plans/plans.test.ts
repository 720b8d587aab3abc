import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { PlanFile } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import { AppError } from '../../http/problem.ts';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { systemActorOfRoot } from '../../bootstrap.ts';
import type { Actor } from '../auth/actor.ts';
import { importPlan, validatePlanFile } from './import.ts';
import { getPlanDocument } from './service.ts';

const SHIPPED = path.join(REPO_ROOT, 'data/plans/heilongjiang-2018-2020.yaml');
const CODE = 'heilongjiang-2018-2020';

const ctx = fileTestContext();
let system: Actor;
beforeAll(async () => {
  system = await systemActorOfRoot(ctx.db);
});

/** A copy of the shipped plan, changed by `edit`, written to a temporary file. */
function variant(edit: (plan: Record<string, unknown>) => void, text?: (yaml: string) => string): string {
  const plan = parseYaml(fs.readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>;
  edit(plan);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-plan-')), 'plan.yaml');
  const yaml = stringifyYaml(plan, { lineWidth: 0 });
  fs.writeFileSync(file, text ? text(yaml) : yaml);
  return file;
}

type Programme = { tasks: { number: string; leadUnits: string[]; targets: { code: string; value: number }[] }[] };

describe('the shipped plan, loaded on first start', () => {
  it('lists every programme, task, unit, target and milestone of the seed', async () => {
    const list = (await ctx.admin.get('/api/v1/plans')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ code: CODE, issuingRegion: { code: '23' }, currentVersion: 1 });
    const plan = (await ctx.admin.get(`/api/v1/plans/${CODE}`)).json();
    expect(plan.programmes.map((p: Programme) => p.tasks.length)).toEqual([7, 4, 3, 4]);
    const tasks = plan.programmes.flatMap((p: Programme) => p.tasks);
    const infrastructure = tasks.find((t: { number: string }) => t.number === '2.1');
    expect(infrastructure.leadUnits.map((u: { name: string }) => u.name)).toEqual(['省住建厅']);
    expect(infrastructure.participatingUnits.map((u: { name: string }) => u.name)).toEqual(['省发改委', '省财政厅']);
    expect(infrastructure.targets[0]).toMatchObject({
      code: 'central-heating-coverage',
      comparator: 'at_least',
      value: 87,
      unit: '%',
    });
    const targetCount =
      plan.goalTargets.length + tasks.reduce((n: number, t: { targets: unknown[] }) => n + t.targets.length, 0);
    expect(targetCount).toBe(21);
    expect(tasks.reduce((n: number, t: { milestones: unknown[] }) => n + t.milestones.length, 0)).toBe(7);
    expect(plan.goalTargets[0]).toMatchObject({ comparator: 'count_between', value: 5, valueMax: 7 });
    expect(plan.workRequirements.veto.categories).toEqual(['党风廉政', '安全生产']);
    // Issue 16: each veto category links to entries of the evaluation negative list.
    expect(plan.workRequirements.veto.negativeList.map((l: { code: string }) => l.code)).toEqual(['N01', 'G15']);
  });

  it('is readable by a unit officer of a city, and audited on import', async () => {
    const officer = await buildUser(ctx, { role: 'unit_officer', regionCode: '2306' });
    expect((await officer.agent.get(`/api/v1/plans/${CODE}`)).statusCode).toBe(200);
    const audit = (await ctx.admin.get('/api/v1/audit?action=plan.import')).json();
    expect(audit.items[0].after).toMatchObject({ code: CODE, version: 1, tasks: 18, targets: 21 });
  });
});

describe('importing plans', () => {
  it('reports an unknown unit and an unknown group with file, line and field, and imports nothing', async () => {
    const file = variant(
      (plan) => {
        const programmes = plan.programmes as Programme[];
        programmes[1]!.tasks[0]!.leadUnits = ['省不存在厅'];
      },
      (yaml) => yaml.replace('pilot-waste-sorting', 'pilot-nowhere'),
    );
    const error = await validatePlanFile(ctx.db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).errors!.map((e) => e.field);
    expect(fields.some((f) => /^plan\.yaml:\d+:programmes\[1\]\.tasks\[0\]\.leadUnits\[0\]$/.test(f))).toBe(true);
    expect(fields.some((f) => /groupCodes\[0\]$/.test(f))).toBe(true);
    expect((await ctx.admin.get(`/api/v1/plans/${CODE}`)).json().currentVersion).toBe(1);
  });

  it('reports schema errors by line, such as a misspelt key', async () => {
    const file = variant(
      () => undefined,
      (yaml) => yaml.replace('reportingCadence:', 'reportingCadance:'),
    );
    const error = (await validatePlanFile(ctx.db, file).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.errors![0]!.field).toMatch(/^plan\.yaml:\d+:plan\.reportingCadance$/);
  });

  it('keeps an identical re-import as the same version, and versions a revision keeping task ids', async () => {
    const again = await importPlan(ctx.db, system, await validatePlanFile(ctx.db, SHIPPED));
    expect(again).toMatchObject({ unchanged: true, version: 1 });

    const before = (await ctx.admin.get(`/api/v1/plans/${CODE}`)).json();
    const taskId = (number: string, plan: { programmes: Programme[] }) =>
      plan.programmes.flatMap((p) => p.tasks).find((t) => t.number === number) as unknown as { id: string } | undefined;
    const revised = variant((plan) => {
      const programmes = plan.programmes as Programme[];
      programmes[1]!.tasks[0]!.targets[0]!.value = 88;
      programmes[3]!.tasks.pop();
    });
    const result = await importPlan(ctx.db, system, await validatePlanFile(ctx.db, revised));
    expect(result).toMatchObject({ unchanged: false, version: 2, tasks: 17, retired: 1 });

    const after = (await ctx.admin.get(`/api/v1/plans/${CODE}`)).json();
    expect(after.currentVersion).toBe(2);
    expect(taskId('2.1', after)!.id).toBe(taskId('2.1', before)!.id);
    expect(taskId('4.4', after)).toBeUndefined();
    expect(after.programmes[1].tasks[0].targets[0].value).toBe(88);
    const versions = (await ctx.admin.get(`/api/v1/plans/${CODE}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // Version 1 is still there, whole, and exports back to the file it came from.
    const first = await getPlanDocument(ctx.db, CODE, 1);
    const shipped = PlanFile.parse(parseYaml(fs.readFileSync(SHIPPED, 'utf8')));
    expect(PlanFile.parse(parseYaml(stringifyYaml(first.document)))).toEqual(shipped);
  });

  it('lets only administrators over the issuing region import', async () => {
    const validated = await validatePlanFile(ctx.db, SHIPPED);
    const inspector: Actor = { ...system, role: 'inspector' };
    await expect(importPlan(ctx.db, inspector, validated)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cityAdmin: Actor = { ...system, role: 'city_admin', regionCode: '2301', regionPath: '23/2301' };
    await expect(importPlan(ctx.db, cityAdmin, validated)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });
});

describe('a city plan', () => {
  it('is read in its city and refused to another city', async () => {
    const file = variant((plan) => {
      const header = plan.plan as Record<string, unknown>;
      header.code = 'harbin-2019';
      header.issuingRegion = '2301';
      plan.goalTargets = [];
      const programmes = plan.programmes as {
        tasks: { leadUnits: string[]; participatingUnits: string[]; targets: unknown[]; milestones: unknown[] }[];
      }[];
      plan.programmes = programmes.slice(0, 1).map((p) => ({
        ...p,
        tasks: p.tasks.slice(0, 1).map((t) => ({
          ...t,
          leadUnits: ['哈尔滨市精神文明办'],
          participatingUnits: [],
          targets: [],
          milestones: [],
        })),
      }));
    });
    const harbinAdmin: Actor = { ...system, role: 'city_admin', regionCode: '2301', regionPath: '23/2301' };
    const result = await importPlan(ctx.db, harbinAdmin, await validatePlanFile(ctx.db, file));
    expect(result).toMatchObject({ code: 'harbin-2019', version: 1, tasks: 1 });
    const harbin = await buildUser(ctx, { role: 'unit_officer', regionCode: '230102' });
    expect((await harbin.agent.get('/api/v1/plans/harbin-2019')).statusCode).toBe(200);
    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    const refused = await daqing.agent.get('/api/v1/plans/harbin-2019');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    const listed = (await daqing.agent.get('/api/v1/plans')).json().items.map((p: { code: string }) => p.code);
    expect(listed).toEqual([CODE]);
    const resident = await buildUser(ctx, { role: 'resident', regionCode: '2301' });
    expect((await resident.agent.get(`/api/v1/plans/${CODE}`)).statusCode).toBe(403);
  });
});
