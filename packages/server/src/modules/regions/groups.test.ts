import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegionGroup } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import { AppError } from '../../http/problem.ts';
import { systemActor } from '../auth/actor.ts';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { importGroupsFile } from './import-groups.ts';

const ctx = fileTestContext();

const GROUPS_FILE = path.join(REPO_ROOT, 'data/regions/heilongjiang-groups.yaml');
const province = systemActor('23', '23');

async function groups(agent = ctx.admin): Promise<RegionGroup[]> {
  const res = await agent.get('/api/v1/region-groups');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const memberNames = (list: RegionGroup[], code: string) =>
  list.find((g) => g.code === code)?.members.map((m) => m.name);

async function auditRows(entityId: string) {
  const res = await ctx.admin.get(`/api/v1/audit?entityType=region_group&entityId=${entityId}`);
  return res.json().items as {
    action: string;
    before: { memberCodes: string[] } | null;
    after: { memberCodes: string[] } | null;
  }[];
}

describe('the groups of the Heilongjiang plan', () => {
  it('lists the six belts, the circle, the pilot cities and the groups targets are scoped to, members by name', async () => {
    const list = await groups();
    expect(list.map((g) => g.code).sort()).toEqual([
      'belt-border-opening',
      'belt-ha-da-qi-ling',
      'belt-ha-jia-shuang-he',
      'belt-ha-mu-ji-qi',
      'belt-ha-sui-hei',
      'belt-ha-sui-yi',
      'circle-metropolitan',
      'city-statistics-units',
      'county-domain-units',
      'national-poverty-counties',
      'pilot-waste-sorting',
      'pm25-noncompliant-2015',
    ]);
    expect(list.filter((g) => g.kind === 'belt')).toHaveLength(6);
    expect(memberNames(list, 'belt-ha-da-qi-ling')).toEqual(['哈尔滨市', '齐齐哈尔市', '大庆市', '大兴安岭地区']);
    expect(memberNames(list, 'belt-ha-mu-ji-qi')).toEqual(['哈尔滨市', '鸡西市', '七台河市', '牡丹江市']);
    expect(memberNames(list, 'pilot-waste-sorting')).toEqual(['哈尔滨市', '齐齐哈尔市', '大庆市', '牡丹江市']);
    const circle = list.find((g) => g.code === 'circle-metropolitan')!;
    expect(circle.kind).toBe('circle');
    expect(circle.members).toHaveLength(12);
    expect(circle.members.map((m) => m.code)).not.toContain('2327');
    expect(list.every((g) => (g.description ?? '').length > 0)).toBe(true);
  });

  it('shows every member to a city inspector, even outside their scope', async () => {
    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '2306' });
    expect(memberNames(await groups(inspector.agent), 'belt-ha-sui-hei')).toEqual(['哈尔滨市', '黑河市', '绥化市']);
  });

  it('refuses a request without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/region-groups' });
    expect(res.statusCode).toBe(401);
  });
});

describe('changing groups', () => {
  const body = {
    code: 'custom-test-east',
    name: '东部测试组',
    kind: 'custom',
    description: '测试用',
    memberCodes: ['2308', '2305'],
  };

  it('creates, replaces and deletes a group, auditing each write', async () => {
    const created = await ctx.admin.post('/api/v1/region-groups', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().members).toEqual([
      { code: '2305', name: '双鸭山市' },
      { code: '2308', name: '佳木斯市' },
    ]);
    expect((await ctx.admin.post('/api/v1/region-groups', body)).statusCode).toBe(409);

    const { code: _code, ...rest } = body;
    const replaced = await ctx.admin.put(`/api/v1/region-groups/${body.code}`, { ...rest, memberCodes: ['2304'] });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().members).toEqual([{ code: '2304', name: '鹤岗市' }]);

    const deleted = await ctx.admin.delete(`/api/v1/region-groups/${body.code}`);
    expect(deleted.statusCode).toBe(204);
    expect((await groups()).map((g) => g.code)).not.toContain(body.code);
    expect((await ctx.admin.delete(`/api/v1/region-groups/${body.code}`)).statusCode).toBe(404);

    const trail = await auditRows(body.code);
    expect(trail.map((r) => r.action)).toEqual(['region_group.delete', 'region_group.update', 'region_group.create']);
    expect(trail[1]!.before!.memberCodes).toEqual(['2305', '2308']);
    expect(trail[1]!.after!.memberCodes).toEqual(['2304']);
    expect(trail[0]!.after).toBeNull();

    // Each write tells the cockpit (a group's members are the units a target scoped to it counts).
    const events = await ctx.db
      .selectFrom('outbox_event')
      .select(['payload'])
      .where('name', '=', 'region-group.written')
      .orderBy('id')
      .execute();
    expect(events.filter((e) => (e.payload as { groupCode: string }).groupCode === body.code)).toHaveLength(3);
  });

  it('names unknown members, unknown fields and missing groups', async () => {
    const unknownMember = await ctx.admin.post('/api/v1/region-groups', {
      ...body,
      code: 'custom-bad',
      memberCodes: ['2301', '2399'],
    });
    expect(unknownMember.statusCode).toBe(400);
    expect(unknownMember.json().errors).toEqual([{ field: 'body.memberCodes.1', message: '没有行政区划 2399' }]);

    const extra = await ctx.admin.post('/api/v1/region-groups', { ...body, code: 'custom-bad', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.map((e: { field: string }) => e.field)).toContain('body.colour');

    const { code: _code, ...rest } = body;
    expect((await ctx.admin.put('/api/v1/region-groups/no-such-group', rest)).statusCode).toBe(404);
  });

  it('lets only province administrators write', async () => {
    const cityAdmin = await buildUser(ctx, { role: 'city_admin', regionCode: '2301' });
    const res = await cityAdmin.agent.post('/api/v1/region-groups', { ...body, code: 'custom-city' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await cityAdmin.agent.delete('/api/v1/region-groups/pilot-waste-sorting')).statusCode).toBe(403);
  });
});

describe('importing a groups file', () => {
  it('re-imports the shipped file idempotently and restores edited members', async () => {
    const { code: _c, members: _m, ...belt } = (await groups()).find((g) => g.code === 'belt-ha-sui-yi')!;
    await ctx.admin.put('/api/v1/region-groups/belt-ha-sui-yi', { ...belt, memberCodes: ['2301'] });
    expect(await importGroupsFile(ctx.db, province, GROUPS_FILE)).toEqual({ groups: 12 });
    expect(memberNames(await groups(), 'belt-ha-sui-yi')).toEqual(['哈尔滨市', '伊春市', '绥化市']);
    const before = (await auditRows('belt-ha-sui-yi')).length;
    await importGroupsFile(ctx.db, province, GROUPS_FILE);
    expect((await auditRows('belt-ha-sui-yi')).length).toBe(before);
  });

  it('names the line of every problem and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-groups-'));
    const file = path.join(dir, 'bad-groups.yaml');
    fs.writeFileSync(
      file,
      [
        'groups:',
        '  - code: custom-valid',
        '    name: 合法的组',
        '    kind: custom',
        "    members: ['2301']",
        '  - code: custom-broken',
        '    name: 有误的组',
        '    kind: custom',
        '    colour: red',
        '    members:',
        "      - '2302'",
        "      - '2398'",
        '',
      ].join('\n'),
    );
    const error = await importGroupsFile(ctx.db, province, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('IMPORT_FAILED');
    expect(appError.errors).toEqual([
      { field: 'bad-groups.yaml:9:groups[1].colour', message: expect.stringContaining('unknown field') },
    ]);

    // With the schema satisfied, the unknown region is reported on its own line.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    colour: red\n', ''));
    const second = (await importGroupsFile(ctx.db, province, file).catch((e: unknown) => e)) as AppError;
    expect(second.errors).toEqual([
      { field: 'bad-groups.yaml:11:groups[1].members[1]', message: 'unknown region code 2398' },
    ]);
    expect(second.detail).toContain('bad-groups.yaml:11: groups[1].members[1]: unknown region code 2398');
    expect((await groups()).map((g) => g.code)).not.toContain('custom-valid');
    fs.rmSync(dir, { recursive: true });
  });
});
