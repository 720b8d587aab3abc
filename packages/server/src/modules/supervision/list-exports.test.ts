import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { provincialLiaisons, unitIds } from '../../test/province.ts';
import { exportedSheet } from '../../test/xlsx.ts';
import { taskId } from './fixtures.ts';
import { todayInChina } from './units.ts';

// The Excel exports of the 督办单 and 会议 lists: the rows the same person sees in the list, with the
// list's filters, headers in the request's language, and nothing for a caller out of scope.

const ctx = fileTestContext();
let housing: string;
let finance: string;
let housingOfficer: Agent;
let financeOfficer: Agent;
let daqingAdmin: Agent;
let resident: Agent;
const today = todayInChina();
const PLAN = 'heilongjiang-2018-2020';

type Sheet = { title: string; header: unknown[]; rows: unknown[][] };

async function sheetOf(agent: Agent, url: string, language?: string): Promise<Sheet> {
  const headers = { cookie: agent.cookie, ...(language ? { 'accept-language': language } : {}) };
  return exportedSheet(await ctx.app.inject({ method: 'GET', url, headers }));
}

beforeAll(async () => {
  [housing, finance] = await unitIds(ctx, '省住建厅', '省财政厅');
  [housingOfficer, financeOfficer] = await provincialLiaisons(ctx, housing, finance);
  daqingAdmin = await buildAgent(ctx, 'city_admin', '2306');
  resident = await buildAgent(ctx, 'resident', '2306');
  const task = await taskId(ctx.db, '2.1');
  for (const [reason, orgUnitId] of [
    ['未按月报送2.1任务进展', housing],
    ['改造资金未落实', finance],
  ] as const) {
    const res = await ctx.admin.post('/api/v1/notices', {
      ...(orgUnitId === housing ? { taskId: task } : { planCode: PLAN }),
      orgUnitId,
      reason,
      requiredAction: '补报进展并说明原因',
      replyDue: addDays(today, 5),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const [title, heldOn] of [
    ['全省创城工作联席会议（第一次）', addDays(today, -30)],
    ['全省创城工作联席会议（第二次）', today],
  ] as const) {
    const res = await ctx.admin.post('/api/v1/meetings', {
      planCode: PLAN,
      title,
      heldOn,
      location: '省委宣传部',
      attendeeOrgUnitIds: [housing],
      minutes: '通报各成员单位进展',
      decisions: '集中供热覆盖率年底前达标',
      actionItems: [{ title: '制定供热改造方案', ownerOrgUnitId: housing, due: addDays(today, 5) }],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});

describe('the notices export', () => {
  it('holds the rows of the list, with its filters, labels not codes', async () => {
    const listed = (await ctx.admin.get('/api/v1/notices?limit=500')).json().items as {
      number: string;
      reason: string;
    }[];
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const all = await sheetOf(ctx.admin, '/api/v1/notices/export.xlsx');
    expect(all.title).toMatch(new RegExp(`^督办单台账（导出时间 .*，共 ${listed.length} 条）$`));
    expect(all.header.slice(0, 5)).toEqual(['督办单编号', '督办等级', '承办单位', '督办事项', '督办事由']);
    expect(all.rows.map((r) => r[0])).toEqual(listed.map((n) => n.number));
    expect(all.rows.map((r) => r[4])).toEqual(listed.map((n) => n.reason));
    expect(all.rows.every((r) => r[8] === '已下发')).toBe(true);

    const byUnit = (await ctx.admin.get(`/api/v1/notices?orgUnitId=${finance}`)).json().items as { number: string }[];
    expect(byUnit).toHaveLength(1);
    const filtered = await sheetOf(ctx.admin, `/api/v1/notices/export.xlsx?orgUnitId=${finance}`);
    expect(filtered.rows.map((r) => [r[0], r[2]])).toEqual([[byUnit[0]!.number, '省财政厅']]);
  });

  it('answers in English when asked, and gives a unit only its own notices', async () => {
    const english = await sheetOf(ctx.admin, '/api/v1/notices/export.xlsx', 'en-US,en;q=0.9');
    expect(english.header.slice(0, 3)).toEqual(['Number', 'Level', 'Unit']);
    expect(english.rows[0]![8]).toBe('Issued');
    const own = await sheetOf(housingOfficer, '/api/v1/notices/export.xlsx');
    expect(own.rows.map((r) => r[2])).toEqual(['省住建厅']);
  });

  it('refuses out-of-scope callers', async () => {
    // A city outside the province's own notices: its list and its export are both empty.
    expect((await daqingAdmin.get('/api/v1/notices')).json().items).toEqual([]);
    expect((await sheetOf(daqingAdmin, '/api/v1/notices/export.xlsx')).rows).toEqual([]);
    expect((await resident.get('/api/v1/notices/export.xlsx')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notices/export.xlsx' })).statusCode).toBe(401);
    expect((await ctx.admin.get('/api/v1/notices/export.xlsx?status=nonsense')).statusCode).toBe(400);
  });
});

describe('the meetings export', () => {
  it('holds the rows of the list, newest first, labels not codes', async () => {
    const listed = (await ctx.admin.get(`/api/v1/meetings?planCode=${PLAN}`)).json().items as {
      title: string;
      heldOn: string;
    }[];
    const newestFirst = [...listed].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
    const sheet = await sheetOf(ctx.admin, `/api/v1/meetings/export.xlsx?planCode=${PLAN}`);
    expect(sheet.title).toMatch(new RegExp(`^会议台账（导出时间 .*，共 ${listed.length} 条）$`));
    expect(sheet.header).toEqual(['召开日期', '会议类型', '会议名称', '会议地点']);
    expect(sheet.rows.map((r) => [r[0], r[2]])).toEqual(newestFirst.map((m) => [m.heldOn, m.title]));
    expect(sheet.rows[0]!.slice(0, 4)).toEqual([today, '联席会议', '全省创城工作联席会议（第二次）', '省委宣传部']);
    const english = await sheetOf(ctx.admin, `/api/v1/meetings/export.xlsx?planCode=${PLAN}`, 'en');
    expect(english.header).toEqual(['Held on', 'Type', 'Title', 'Location']);
    expect(english.rows[0]![1]).toBe('Joint meeting');
  });

  it('refuses out-of-scope callers', async () => {
    const attended = await sheetOf(housingOfficer, `/api/v1/meetings/export.xlsx?planCode=${PLAN}`);
    expect(attended.rows.length).toBe(
      (await housingOfficer.get(`/api/v1/meetings?planCode=${PLAN}`)).json().items.length,
    );
    expect(attended.rows.length).toBeGreaterThanOrEqual(2);
    // 省财政厅 attended neither meeting; 大庆 is outside the province's meetings.
    expect((await sheetOf(financeOfficer, `/api/v1/meetings/export.xlsx?planCode=${PLAN}`)).rows).toEqual([]);
    expect((await daqingAdmin.get(`/api/v1/meetings?planCode=${PLAN}`)).json().items).toEqual([]);
    expect((await sheetOf(daqingAdmin, `/api/v1/meetings/export.xlsx?planCode=${PLAN}`)).rows).toEqual([]);
    expect((await resident.get('/api/v1/meetings/export.xlsx')).statusCode).toBe(403);
  });
});
