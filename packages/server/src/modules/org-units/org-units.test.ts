import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import type { AppError } from '../../http/problem.ts';
import { systemActor } from '../auth/actor.ts';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { importOrgUnitsFile } from './import.ts';

const ctx = fileTestContext();

const UNITS_FILE = path.join(REPO_ROOT, 'data/org-units/heilongjiang.yaml');
const province = systemActor('23', '23');

/** Every page of a listing, following nextCursor. */
async function listAll(agent: Agent, query = ''): Promise<OrgUnit[]> {
  const items: OrgUnit[] = [];
  let cursor: string | null = null;
  do {
    const res = await agent.get(`/api/v1/org-units?limit=10${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

async function unitByCode(code: string): Promise<OrgUnit> {
  const res = await ctx.admin.get(`/api/v1/org-units?q=${code}`);
  return res.json().items.find((u: OrgUnit) => u.code === code);
}

const newUnit = (overrides: Record<string, unknown> = {}) => ({
  code: `test-${Math.random().toString(36).slice(2, 10)}`,
  name: `测试单位${Math.random().toString(36).slice(2, 6)}`,
  kind: 'department',
  regionCode: '230102',
  ...overrides,
});

describe('the units of the Heilongjiang plan', () => {
  it('lists every unit to the province, page by page, provincial units first', async () => {
    const all = await listAll(ctx.admin);
    expect(all).toHaveLength(63);
    expect(new Set(all.map((u) => u.id)).size).toBe(63);
    expect(all[0]!.regionCode).toBe('23');
    const xcb = all.find((u) => u.name === '省委宣传部')!;
    expect(xcb).toMatchObject({
      code: 'hlj-prov-xcb',
      kind: 'department',
      regionCode: '23',
      regionName: '黑龙江省',
      parentId: null,
    });
    const police = all.find((u) => u.code === 'hlj-prov-gat')!;
    expect(all.find((u) => u.code === 'hlj-prov-jjzd')!.parentId).toBe(police.id);
    expect(all.find((u) => u.code === 'hlj-prov-wmb')).toMatchObject({
      shortName: '省文明办',
      kind: 'creation_office',
    });
  });

  it('searches by name, short name and code, within a region', async () => {
    const res = await ctx.admin.get(`/api/v1/org-units?q=${encodeURIComponent('文明办')}&regionCode=2301`);
    expect(res.json().items.map((u: OrgUnit) => u.name)).toEqual(['哈尔滨市精神文明办']);
    expect((await ctx.admin.get('/api/v1/org-units?q=hlj-prov-fy')).json().items.map((u: OrgUnit) => u.name)).toEqual([
      '省法院',
    ]);
  });

  it('shows a city administrator only the units of their city', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    expect((await listAll(harbin.agent)).map((u) => u.name)).toEqual(['哈尔滨市精神文明办']);
    const daqing = await harbin.agent.get('/api/v1/org-units?regionCode=2306');
    expect(daqing.statusCode).toBe(403);
    expect(daqing.json().code).toBe('OUT_OF_SCOPE');
    const provincial = await unitByCode('hlj-prov-xcb');
    expect((await harbin.agent.get(`/api/v1/org-units/${provincial.id}`)).statusCode).toBe(403);
    const own = await unitByCode('hlj-2301-wmb');
    expect((await harbin.agent.get(`/api/v1/org-units/${own.id}`)).json()).toEqual({ ...own, predecessors: [] });
  });

  it('refuses a request without a session, and residents', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/org-units' })).statusCode).toBe(401);
    const resident = await buildUser(ctx, { role: 'resident', regionCode: '2301' });
    expect((await resident.agent.get('/api/v1/org-units')).statusCode).toBe(403);
  });
});

describe('creating and changing units', () => {
  it('lets a 哈尔滨 administrator create and rename a unit in 哈尔滨, audited', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const office = await unitByCode('hlj-2301-wmb');
    const body = newUnit({ name: '道里区精神文明办', kind: 'creation_office', parentId: office.id });
    const created = await harbin.agent.post('/api/v1/org-units', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: body.code,
      regionName: '道里区',
      parentId: office.id,
      shortName: null,
    });

    const renamed = await harbin.agent.patch(`/api/v1/org-units/${created.json().id}`, { shortName: '道里区文明办' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '道里区精神文明办', shortName: '道里区文明办' });

    const audit = (await ctx.admin.get(`/api/v1/audit?entityType=org_unit&entityId=${created.json().id}`)).json().items;
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['org_unit.update', 'org_unit.create']);
    expect(audit[0].before.short_name).toBeNull();
    expect(audit[0].after.short_name).toBe('道里区文明办');
    expect(audit[0].actorName).toBe(harbin.username);
  });

  it('refuses a 哈尔滨 administrator in 大庆, inspectors and anonymous callers', async () => {
    const harbin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const daqing = await harbin.agent.post('/api/v1/org-units', newUnit({ regionCode: '2306' }));
    expect(daqing.statusCode).toBe(403);
    expect(daqing.json().code).toBe('OUT_OF_SCOPE');
    const daqingOffice = await unitByCode('hlj-2306-wmb');
    expect((await harbin.agent.patch(`/api/v1/org-units/${daqingOffice.id}`, { name: '改名' })).statusCode).toBe(403);

    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
    const byInspector = await inspector.agent.post('/api/v1/org-units', newUnit());
    expect(byInspector.statusCode).toBe(403);
    expect(byInspector.json().code).toBe('FORBIDDEN');

    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/v1/org-units', payload: newUnit() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 409 for a taken code or a name already used in the region', async () => {
    const takenCode = await ctx.admin.post('/api/v1/org-units', newUnit({ code: 'hlj-prov-xcb' }));
    expect(takenCode.statusCode).toBe(409);
    expect(takenCode.json().errors[0].field).toBe('body.code');
    const takenName = await ctx.admin.post('/api/v1/org-units', newUnit({ name: '省委宣传部', regionCode: '23' }));
    expect(takenName.statusCode).toBe(409);
    expect(takenName.json().errors[0].field).toBe('body.name');
    // The same name in another region is another unit.
    expect(
      (await ctx.admin.post('/api/v1/org-units', newUnit({ name: '省委宣传部', regionCode: '2301' }))).statusCode,
    ).toBe(201);
  });

  it('names unknown fields, unknown regions and parent loops', async () => {
    const extra = await ctx.admin.post('/api/v1/org-units', { ...newUnit(), leader: '张三' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.map((e: { field: string }) => e.field)).toContain('body.leader');

    const region = await ctx.admin.post('/api/v1/org-units', newUnit({ regionCode: '2399' }));
    expect(region.statusCode).toBe(400);
    expect(region.json().errors).toEqual([{ field: 'body.regionCode', message: '没有行政区划 2399' }]);

    const parent = (await ctx.admin.post('/api/v1/org-units', newUnit())).json();
    const child = (await ctx.admin.post('/api/v1/org-units', newUnit({ parentId: parent.id }))).json();
    const loop = await ctx.admin.patch(`/api/v1/org-units/${parent.id}`, { parentId: child.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].field).toBe('body.parentId');
  });
});

describe('importing an org-units file', () => {
  it('re-imports the shipped file without changing ids or writing audit rows', async () => {
    const before = await unitByCode('hlj-prov-zjt');
    const count = async () => (await ctx.admin.get('/api/v1/audit?entityType=org_unit&limit=500')).json().items.length;
    const audited = await count();
    expect(await importOrgUnitsFile(ctx.db, province, UNITS_FILE)).toEqual({ orgUnits: 63 });
    expect((await unitByCode('hlj-prov-zjt')).id).toBe(before.id);
    expect(await count()).toBe(audited);
  });

  it('names the line of every problem and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-units-'));
    const file = path.join(dir, 'bad-units.yaml');
    fs.writeFileSync(
      file,
      [
        'units:',
        '  - code: test-import-ok',
        '    name: 导入测试单位',
        '    kind: department',
        "    regionCode: '2301'",
        '  - code: test-import-bad',
        '    name: 导入测试单位二',
        '    kind: department',
        "    regionCode: '2398'",
        '    parentCode: no-such-unit',
        '',
      ].join('\n'),
    );
    const error = (await importOrgUnitsFile(ctx.db, province, file).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.errors).toEqual([
      { field: 'bad-units.yaml:9:units[1].regionCode', message: 'unknown region code 2398' },
      { field: 'bad-units.yaml:10:units[1].parentCode', message: 'unknown org unit no-such-unit' },
    ]);
    expect(error.detail).toContain('bad-units.yaml:9: units[1].regionCode: unknown region code 2398');
    expect(await unitByCode('test-import-ok')).toBeUndefined();

    fs.writeFileSync(file, 'units:\n  - code: Bad Code\n    name: x\n    kind: ministry\n    regionCode: 2301\n');
    const schema = (await importOrgUnitsFile(ctx.db, province, file).catch((e: unknown) => e)) as AppError;
    expect(schema.errors!.map((e) => e.field)).toEqual([
      'bad-units.yaml:2:units[0].code',
      'bad-units.yaml:4:units[0].kind',
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('merging units (issue 16: the 2018 reform merged 省文化厅 and 省旅游委 into 文化和旅游厅)', () => {
  it('keeps each merged unit with its tasks under its own name, and rolls it up to the successor', async () => {
    const created = await ctx.admin.post('/api/v1/org-units', {
      code: 'hlj-prov-whhlyt',
      name: '省文化和旅游厅',
      kind: 'department',
      regionCode: '23',
    });
    expect(created.statusCode, created.body).toBe(201);
    const successor = created.json() as OrgUnit;
    const culture = await unitByCode('hlj-prov-wht');
    const tourism = await unitByCode('hlj-prov-lyw');

    // Refusals first, nothing written: into itself, an unknown unit, out of scope (path and body).
    const itself = await ctx.admin.post(`/api/v1/org-units/${culture.id}/merge`, {
      successorId: culture.id,
      mergedOn: '2018-11-01',
    });
    expect(itself.statusCode).toBe(400);
    expect(itself.json().errors[0].field).toBe('body.successorId');
    const harbin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
    const outOfScope = await harbin.post(`/api/v1/org-units/${culture.id}/merge`, {
      successorId: successor.id,
      mergedOn: '2018-11-01',
    });
    expect(outOfScope.statusCode).toBe(403);
    const harbinUnit = (await harbin.post('/api/v1/org-units', newUnit({ regionCode: '2301' }))).json() as OrgUnit;
    const bodyOutOfScope = await harbin.post(`/api/v1/org-units/${harbinUnit.id}/merge`, {
      successorId: successor.id,
      mergedOn: '2018-11-01',
    });
    expect(bodyOutOfScope.statusCode).toBe(403);
    expect((await unitByCode('hlj-prov-wht')).mergedInto).toBeNull();

    for (const unit of [culture, tourism]) {
      const merged = await ctx.admin.post(`/api/v1/org-units/${unit.id}/merge`, {
        successorId: successor.id,
        mergedOn: '2018-11-01',
      });
      expect(merged.statusCode, merged.body).toBe(200);
      // Kept under its own name, pointing to the successor.
      expect(merged.json()).toMatchObject({
        name: unit.name,
        mergedInto: { id: successor.id, name: '省文化和旅游厅', on: '2018-11-01' },
      });
    }
    const detail = (await ctx.admin.get(`/api/v1/org-units/${successor.id}`)).json();
    expect(detail.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['省文化厅', '省旅游委'].sort());

    const again = await ctx.admin.post(`/api/v1/org-units/${culture.id}/merge`, {
      successorId: successor.id,
      mergedOn: '2018-12-01',
    });
    expect(again.statusCode).toBe(409);
    // A merged unit is no successor: merge into the live one.
    const intoMerged = await ctx.admin.post(`/api/v1/org-units/${harbinUnit.id}/merge`, {
      successorId: tourism.id,
      mergedOn: '2019-01-01',
    });
    expect(intoMerged.statusCode).toBe(400);
    expect(intoMerged.json().errors[0].field).toBe('body.successorId');

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', culture.id)
      .where('action', '=', 'org_unit.merge')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
