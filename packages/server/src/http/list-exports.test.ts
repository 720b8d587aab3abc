import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../test/harness.ts';
import { exportedSheet } from '../test/xlsx.ts';
import { createUnit, DAOLI, report } from '../modules/cases/fixtures.ts';

// The Excel exports of the lists an office prints or forwards: each reads its list's own service,
// so a test compares the sheet with what the same person gets from the list endpoint.

const ctx = fileTestContext();
let daqingAdmin: Agent;
let harbinAdmin: Agent;
let officer: Agent;
let unitId: string;

type Page<T> = { items: T[]; nextCursor: string | null };

/** Every row of a list as this agent sees it, page by page. */
async function listAll<T>(agent: Agent, url: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await agent.get(`${url}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page<T>;
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** The first sheet of an export: its title, header and data rows as plain values. */
const readSheet = async (agent: Agent, url: string) => exportedSheet(await agent.get(url));

beforeAll(async () => {
  const unit = await createUnit(ctx, '230102', '道里区城市管理局');
  unitId = unit;
  daqingAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2306' })).agent;
  harbinAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
  officer = (await buildUser(ctx, { role: 'unit_officer', regionCode: '230102', orgUnitId: unit })).agent;
  for (const description of ['中央大街路口电线杆上贴满小广告', '兆麟公园门口垃圾堆放三天无人清理']) {
    const res = await report(ctx, {
      categoryCode: 'event-poster',
      description,
      ...DAOLI,
      address: '中央大街与西十二道街交口',
      regionCode: '230102001',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});

describe('list exports (Excel)', () => {
  it('cases: the list with its filters, the place with city and district, labels not codes', async () => {
    const listed = await listAll<{ number: string; placeName: string }>(ctx.admin, '/api/v1/cases?q=小广告');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.placeName).toBe('哈尔滨市 道里区 兆麟街道');
    const sheet = await readSheet(ctx.admin, '/api/v1/cases/export.xlsx?q=小广告');
    expect(sheet.title).toMatch(/^案件列表（导出时间 .*，共 1 条）$/);
    expect(sheet.header.slice(0, 4)).toEqual(['案件编号', '问题类别', '问题描述', '所在区域']);
    expect(sheet.rows).toHaveLength(1);
    const [number, , description, place, address, channel, status] = sheet.rows[0]!;
    expect([number, description, place, address, channel, status]).toEqual([
      listed[0]!.number,
      '中央大街路口电线杆上贴满小广告',
      '哈尔滨市 道里区 兆麟街道',
      '中央大街与西十二道街交口',
      '群众随手拍',
      '待受理',
    ]);
    expect(sheet.frozen).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Without a filter: both cases, the same as the list.
    expect((await readSheet(ctx.admin, '/api/v1/cases/export.xlsx')).rows).toHaveLength(2);
  });

  it('cases: scope as in the list (大庆 sees none of 哈尔滨); a queue needs its permission', async () => {
    expect((await readSheet(daqingAdmin, '/api/v1/cases/export.xlsx')).rows).toHaveLength(0);
    expect((await readSheet(harbinAdmin, '/api/v1/cases/export.xlsx')).rows).toHaveLength(2);
    const outside = await daqingAdmin.get('/api/v1/cases/export.xlsx?regionCode=2301');
    expect(outside.statusCode).toBe(403);
    expect((await officer.get('/api/v1/cases/export.xlsx?queue=dispatch')).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/v1/cases/export.xlsx' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('units: the rows of the list in scope, the unit type as a word', async () => {
    const listed = await listAll<{ name: string; kind: string }>(daqingAdmin, '/api/v1/org-units');
    const sheet = await readSheet(daqingAdmin, '/api/v1/org-units/export.xlsx');
    expect(sheet.header).toEqual(['单位名称', '简称', '类型', '所属区域', '单位代码']);
    expect(sheet.rows.map((r) => r[0])).toEqual(listed.map((u) => u.name));
    const all = await readSheet(ctx.admin, '/api/v1/org-units/export.xlsx');
    expect(all.rows.length).toBeGreaterThan(sheet.rows.length);
    const kinds = new Set(all.rows.map((r) => r[2]));
    expect(kinds).toContain('群团组织');
    expect([...kinds].filter((k) => /^[a-z_]+$/.test(String(k)))).toEqual([]);
    const outside = await daqingAdmin.get('/api/v1/org-units/export.xlsx?regionCode=2301');
    expect(outside.statusCode).toBe(403);
  });

  it('users: the accounts in scope with role names; refused to whoever may not list accounts', async () => {
    const listed = await listAll<{ username: string }>(harbinAdmin, '/api/v1/users');
    const sheet = await readSheet(harbinAdmin, '/api/v1/users/export.xlsx');
    expect(sheet.header).toEqual(['用户名', '姓名', '角色', '管辖区域', '所属单位', '状态', '创建时间']);
    expect(sheet.rows.map((r) => r[0])).toEqual(listed.map((u) => u.username));
    expect(sheet.rows.map((r) => r[2])).toContain('单位联络员');
    const admins = await readSheet(ctx.admin, '/api/v1/users/export.xlsx?q=admin');
    expect(admins.rows.find((r) => r[0] === 'admin')?.[2]).toBe('省级管理员');
    expect((await officer.get('/api/v1/users/export.xlsx')).statusCode).toBe(403);
  });

  it('audit: the entries in scope with the region by name; refused without audit.read', async () => {
    const listed = await listAll<{ id: number; regionName: string | null }>(harbinAdmin, '/api/v1/audit');
    const sheet = await readSheet(harbinAdmin, '/api/v1/audit/export.xlsx');
    expect(sheet.rows.map((r) => r[0])).toEqual(listed.map((e) => e.id));
    const withRegion = listed.find((e) => e.regionName);
    expect(withRegion?.regionName).toMatch(/[\u4e00-\u9fa5]/);
    expect((await officer.get('/api/v1/audit/export.xlsx')).statusCode).toBe(403);
    const bad = await ctx.admin.get('/api/v1/audit/export.xlsx?from=not-a-date');
    expect(bad.statusCode).toBe(400);
  });

  it('titles: one row per region and title as in the list, the title and state by name, in scope', async () => {
    for (const code of ['2301', '2306']) {
      const res = await ctx.admin.post(`/api/v1/evaluation/regions/${code}/titles`, {
        title: 'national_nominated',
        change: 'awarded',
        effectiveOn: '2015-01-01',
        reason: '全国文明城市提名城市',
        decisionRef: '文明委〔2015〕1号',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    type Listed = { regionName: string; titles: { title: string; status: string }[] };
    const listed = await listAll<Listed>(ctx.admin, '/api/v1/evaluation/titles?at=2020-01-01');
    const sheet = await readSheet(ctx.admin, '/api/v1/evaluation/titles/export.xlsx?at=2020-01-01');
    expect(sheet.title).toContain('截至 2020-01-01');
    expect(sheet.header).toEqual(['地区', '称号', '状态', '起始日期', '截止日期', '限制申报至', '原因']);
    expect(sheet.rows.map((r) => r[0])).toEqual(listed.flatMap((r) => r.titles.map(() => r.regionName)));
    expect(sheet.rows).toContainEqual(expect.arrayContaining(['哈尔滨市', '全国文明城市提名城市', '保留']));
    const daqing = await readSheet(daqingAdmin, '/api/v1/evaluation/titles/export.xlsx?at=2020-01-01');
    expect(new Set(daqing.rows.map((r) => r[0]))).toEqual(new Set(['大庆市']));
    expect((await daqingAdmin.get('/api/v1/evaluation/titles/export.xlsx?under=2301')).statusCode).toBe(403);
  });

  it('case settings: dispatch rules in scope, categories with their limits, the holiday calendar', async () => {
    const rule = await ctx.admin.post('/api/v1/cases/dispatch-rules', {
      regionCode: '230102',
      categoryCode: 'event-poster',
      orgUnitId: unitId,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const rules = (await harbinAdmin.get('/api/v1/cases/dispatch-rules')).json().items as { regionName: string }[];
    const ruleSheet = await readSheet(harbinAdmin, '/api/v1/cases/dispatch-rules/export.xlsx');
    expect(ruleSheet.title).toMatch(new RegExp(`^案件派遣规则（导出时间 .*，共 ${rules.length} 条）$`));
    expect(ruleSheet.header).toEqual(['行政区划代码', '行政区划', '问题类别', '处置单位']);
    expect(ruleSheet.rows).toContainEqual(['230102', rules[0]!.regionName, '广告乱贴', '道里区城市管理局']);
    // Another city's administrator gets the rules in his scope only: none of Harbin's.
    expect((await readSheet(daqingAdmin, '/api/v1/cases/dispatch-rules/export.xlsx')).rows).toEqual([]);

    const categories = (await ctx.admin.get('/api/v1/cases/categories')).json().items as {
      code: string;
      parentCode: string | null;
    }[];
    const categorySheet = await readSheet(officer, '/api/v1/cases/categories/export.xlsx');
    expect(categorySheet.header).toEqual([
      '大类',
      '类别代码',
      '问题类别',
      '类型',
      '说明',
      '处置时限',
      '计时规则',
      '默认处置部门',
      '关键词',
      '状态',
    ]);
    expect(categorySheet.rows).toHaveLength(categories.filter((c) => c.parentCode !== null).length);
    const poster = categorySheet.rows.find((row) => row[1] === 'event-poster')!;
    expect(poster[3]).toBe('事件');
    expect(String(poster[5])).toMatch(/^\d+ (小时|个工作日)$/);
    expect(String(poster[8])).toContain('小广告');

    const holidays = (await ctx.admin.get('/api/v1/cases/holidays')).json().items as { year: number }[];
    const holidaySheet = await readSheet(ctx.admin, '/api/v1/cases/holidays/export.xlsx');
    expect(holidaySheet.header).toEqual(['年份', '放假日期', '调休上班日期', '依据']);
    expect(holidaySheet.rows.map((row) => row[0])).toEqual(holidays.map((y) => y.year));
    expect(holidaySheet.rows.map((row) => row[0])).toContain(2026);
    expect(String(holidaySheet.rows.find((row) => row[0] === 2026)![1])).toContain('2026-10-01');
  });

  it('rounds and incidents: the rows of the list with its filters and scope, states and kinds as words', async () => {
    const frameworks = await ctx.admin.get('/api/v1/evaluation/frameworks');
    const frameworkId = (frameworks.json().items as { id: string }[])[0]!.id;
    for (const [code, name] of [
      ['2301', '2019年度哈尔滨市日常考核'],
      ['2306', '2019年度大庆市日常考核'],
    ]) {
      const round = await ctx.admin.post('/api/v1/evaluation/rounds', {
        name,
        kind: 'routine',
        frameworkId,
        year: 2019,
        periodStart: '2019-01-01',
        periodEnd: '2019-03-31',
        testDate: '2019-04-15',
        ownerRegionCode: code,
        regions: [{ code, cityGroup: code === '2301' ? 'capital' : 'prefecture' }],
      });
      expect(round.statusCode, round.body).toBe(201);
      const incident = await ctx.admin.post('/api/v1/evaluation/incidents', {
        regionCode: code,
        frameworkId,
        category: 'G15',
        occurredOn: '2019-03-10',
        title: `${name}期间商场火灾`,
        description: '造成重大人员伤亡',
      });
      expect(incident.statusCode, incident.body).toBe(201);
    }
    const listed = await listAll<{ name: string }>(ctx.admin, '/api/v1/evaluation/rounds?year=2019');
    const rounds = await readSheet(ctx.admin, '/api/v1/evaluation/rounds/export.xlsx?year=2019');
    expect(rounds.title).toContain('2019年度测评轮次');
    expect(rounds.header.slice(0, 4)).toEqual(['测评轮次', '类型', '年度', '状态']);
    expect(rounds.rows.map((r) => r[0])).toEqual(listed.map((r) => r.name));
    expect(rounds.rows).toContainEqual(expect.arrayContaining(['2019年度大庆市日常考核', '日常考核', 2019, '计划中']));
    const daqingRounds = await readSheet(daqingAdmin, '/api/v1/evaluation/rounds/export.xlsx');
    expect(daqingRounds.rows.map((r) => r[0])).toContain('2019年度大庆市日常考核');
    expect(daqingRounds.rows.map((r) => r[0])).not.toContain('2019年度哈尔滨市日常考核');

    const incidents = await readSheet(daqingAdmin, '/api/v1/evaluation/incidents/export.xlsx');
    expect(incidents.header.slice(0, 4)).toEqual(['发生日期', '地区', '负面清单类别', '事件']);
    expect(incidents.rows.map((r) => r[1])).toEqual(['大庆市']);
    expect(incidents.rows[0]![3]).toBe('2019年度大庆市日常考核期间商场火灾');
    const all = await readSheet(ctx.admin, '/api/v1/evaluation/incidents/export.xlsx?regionCode=2301');
    expect(all.rows.map((r) => r[1])).toEqual(['哈尔滨市']);
  });
});

describe('numbered pages with totals', () => {
  it('users, units, cases and audit: page n of the same order, total of what the filters select', async () => {
    for (const url of ['/api/v1/users', '/api/v1/org-units', '/api/v1/cases', '/api/v1/audit']) {
      const all = await listAll<{ id: string | number }>(ctx.admin, url);
      expect(all.length, url).toBeGreaterThanOrEqual(2);
      const first = (await ctx.admin.get(`${url}?page=1&limit=1`)).json();
      const second = (await ctx.admin.get(`${url}?page=2&limit=1`)).json();
      expect(first.total, url).toBe(all.length);
      expect([first.items[0].id, second.items[0].id], url).toEqual([all[0]!.id, all[1]!.id]);
      // Without a page the answer stays as it was: a cursor, no count.
      expect((await ctx.admin.get(`${url}?limit=1`)).json().total, url).toBeUndefined();
    }
    // The evaluation lists (rounds and incidents recorded above), in scope: 大庆 counts only its own.
    for (const url of ['/api/v1/evaluation/rounds', '/api/v1/evaluation/incidents']) {
      for (const agent of [ctx.admin, daqingAdmin]) {
        const all = await listAll<{ id: string }>(agent, url);
        expect(all.length, url).toBeGreaterThanOrEqual(1);
        const pages = [];
        for (let page = 1; page <= all.length; page++) {
          const res = (await agent.get(`${url}?page=${page}&limit=1`)).json();
          expect(res.total, url).toBe(all.length);
          pages.push(res.items[0].id);
        }
        expect(pages, url).toEqual(all.map((r) => r.id));
      }
    }
    expect((await daqingAdmin.get('/api/v1/evaluation/incidents?page=1')).json().total).toBe(1);
    // Titles: one row per titled region (哈尔滨 and 大庆 above), ordered by code; 大庆 sees its own.
    const regions = await listAll<{ regionCode: string }>(ctx.admin, '/api/v1/evaluation/titles');
    expect(regions.length).toBeGreaterThanOrEqual(2);
    const second = (await ctx.admin.get('/api/v1/evaluation/titles?page=2&limit=1')).json();
    expect(second.total).toBe(regions.length);
    expect(second.items.map((r: { regionCode: string }) => r.regionCode)).toEqual([regions[1]!.regionCode]);
    const own = (await daqingAdmin.get('/api/v1/evaluation/titles?page=1')).json();
    expect([own.total, own.items.map((r: { regionCode: string }) => r.regionCode)]).toEqual([1, ['2306']]);
    expect((await ctx.admin.get('/api/v1/evaluation/rounds?page=1&year=2019')).json().total).toBe(2);
    const filtered = (await ctx.admin.get('/api/v1/cases?page=1&limit=10&q=小广告')).json();
    expect(filtered.total).toBe(1);
    expect((await daqingAdmin.get('/api/v1/cases?page=1')).json().total).toBe(0);
    const bad = await ctx.admin.get('/api/v1/users?page=0');
    expect(bad.statusCode).toBe(400);
  });

  it('cases sort by deadline or by report time on request', async () => {
    const byDeadline = (await ctx.admin.get('/api/v1/cases?page=1&sort=deadline')).json().items as {
      deadline: string;
    }[];
    const deadlines = byDeadline.map((c) => c.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const byCreated = (await ctx.admin.get('/api/v1/cases?page=1&sort=created')).json().items as {
      createdAt: string;
    }[];
    const created = byCreated.map((c) => c.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });
});
