import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { unitIds } from '../../test/province.ts';
import { taskId } from '../supervision/fixtures.ts';
import { fileOn } from './fixtures.ts';

const CODE = 'heilongjiang-2018-2020';
const AS_OF = '2019-05-20';

type Row = {
  taskNumber: string;
  orgUnit: { id: string; name: string };
  status: string;
  colour: string;
  programme: { code: string };
  openNotices: number;
  missingPeriods: number;
};

const ctx = fileTestContext();
let housing: string;
let harbin: string; // 哈尔滨市精神文明办
let daqing: string; // 大庆市精神文明办
let task11: string;
let daqingAdmin: Agent;
let harbinOfficer: Agent;

beforeAll(async () => {
  [housing, harbin, daqing] = await unitIds(ctx, '省住建厅', '哈尔滨市精神文明办', '大庆市精神文明办');
  task11 = await taskId(ctx.db, '1.1');
  // The shipped plan assigns provincial units only; a city office takes part in 1.1 here.
  await ctx.db
    .insertInto('plan_task_unit')
    .values([
      { task_id: task11, org_unit_id: harbin, role: 'participating', position: 10 },
      { task_id: task11, org_unit_id: daqing, role: 'participating', position: 11 },
    ])
    .execute();
  daqingAdmin = await buildAgent(ctx, 'city_admin', '2306');
  harbinOfficer = await buildAgent(ctx, 'unit_officer', '2301', harbin);
});

const ledger = async (agent: Agent, query = '') =>
  (await agent.get(`/api/v1/plans/${CODE}/ledger?asOf=${AS_OF}${query}`)).json().items as Row[];

describe('the ledger (台账)', () => {
  it('has one row per task and unit, filterable by programme, status, unit and text', async () => {
    const all = await ledger(ctx.admin);
    const assignments = await ctx.db.selectFrom('plan_task_unit').select('task_id').execute();
    expect(all).toHaveLength(assignments.length);
    expect(all.filter((r) => r.taskNumber === '2.1').map((r) => r.orgUnit.name)).toEqual([
      '省住建厅',
      '省发改委',
      '省财政厅',
    ]);
    const programme2 = await ledger(ctx.admin, '&programme=2');
    expect(programme2.length).toBeGreaterThan(0);
    expect(programme2.every((r) => r.programme.code === '2')).toBe(true);
    const behind = await ledger(ctx.admin, '&status=behind');
    expect(behind.every((r) => r.status === 'behind' && r.colour === 'yellow')).toBe(true);
    expect((await ledger(ctx.admin, `&orgUnitId=${housing}`)).every((r) => r.orgUnit.id === housing)).toBe(true);
    expect((await ledger(ctx.admin, `&q=${encodeURIComponent('大庆')}`)).map((r) => r.orgUnit.id)).toEqual([daqing]);
    const bad = await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?status=late`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.status');
  });

  it('shows a city administrator only the units of their city', async () => {
    const rows = await ledger(daqingAdmin);
    expect(rows.map((r) => r.orgUnit.id)).toEqual([daqing]);
    expect(rows.some((r) => r.orgUnit.id === housing)).toBe(false);
  });

  it("refuses a city administrator another city's reports (403 OUT_OF_SCOPE)", async () => {
    const draft = await harbinOfficer.post(`/api/v1/tasks/${task11}/reports`, {
      period: '2019-04',
      narrative: '哈尔滨',
    });
    expect(draft.statusCode).toBe(201);
    await harbinOfficer.post(`/api/v1/reports/${draft.json().id}/submit`);
    const refused = await daqingAdmin.get(`/api/v1/tasks/${task11}/reports?orgUnitId=${harbin}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    expect((await ctx.admin.get(`/api/v1/tasks/${task11}/reports?orgUnitId=${harbin}`)).json().items).toHaveLength(1);
    // Without a unit named, every unit's reports within the scope.
    expect((await daqingAdmin.get(`/api/v1/tasks/${task11}/reports`)).json().items).toEqual([]);
    const all = (await ctx.admin.get(`/api/v1/tasks/${task11}/reports`)).json().items;
    expect(all.map((r: { orgUnit: { id: string } }) => r.orgUnit.id)).toEqual([harbin]);
  });

  it('shows a unit officer only their own unit', async () => {
    const rows = await ledger(harbinOfficer);
    expect(rows.map((r) => r.orgUnit.id)).toEqual([harbin]);
    const other = await harbinOfficer.get(`/api/v1/plans/${CODE}/ledger?orgUnitId=${housing}`);
    expect(other.statusCode).toBe(403);
  });

  it('exports the same rows to Excel in the office layout', async () => {
    const rows = await ledger(ctx.admin);
    const res = await ctx.admin.get(`/api/v1/plans/${CODE}/ledger.xlsx?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain(AS_OF);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      ...'序号 工程 任务编号 任务 责任单位 牵头/配合 完成时限 状态 最近报告期 报告时间 进展情况 未报期数 未办结督办单 迟报期数 逾期节点'.split(
        ' ',
      ),
    ]);
    expect(sheet.rowCount).toBe(rows.length + 2);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const first = sheet.getRow(3);
    expect([first.getCell(1).value, first.getCell(3).value, first.getCell(5).value]).toEqual([
      1,
      rows[0]!.taskNumber,
      rows[0]!.orgUnit.name,
    ]);
    const housingRow = rows.findIndex((r) => r.taskNumber === '2.1' && r.orgUnit.id === housing);
    const status = sheet.getRow(housingRow + 3).getCell(8);
    expect(status.value).toBe('进度滞后');
    expect(status.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } });
  });
});

describe('the supervision board', () => {
  it('counts by status and programme, ranks lagging units and lists overdue notices', async () => {
    const [plan] = await ctx.db.selectFrom('plan').select('id').execute();
    const [admin] = await ctx.db.selectFrom('app_user').select('id').where('username', '=', 'admin').execute();
    await ctx.db
      .insertInto('supervision_notice')
      .values({
        id: crypto.randomUUID(),
        number: '督办〔2019〕1号',
        plan_id: plan!.id,
        task_id: await taskId(ctx.db, '2.1'),
        org_unit_id: housing,
        region_code: '23',
        prefecture_code: '23',
        reason: '未按月报送',
        required_action: '补报',
        reply_due: '2019-05-10',
        status: 'issued',
        issued_by: admin!.id,
        issued_at: new Date('2019-05-01T09:00:00+08:00'),
      })
      .execute();
    const board = (await ctx.admin.get(`/api/v1/plans/${CODE}/board?asOf=${AS_OF}`)).json();
    const rows = await ledger(ctx.admin);
    expect(board.total).toBe(rows.length);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(board.counts)).toBe(rows.length);
    expect(board.byProgramme.map((p: { code: string }) => p.code)).toEqual(['1', '2', '3', '4']);
    expect(board.laggingUnits.length).toBeGreaterThan(0);
    const score = (u: { overdue: number; milestoneMissed: number; behind: number }) =>
      u.overdue * 1_000_000 + u.milestoneMissed * 1000 + u.behind;
    expect(score(board.laggingUnits[0])).toBeGreaterThanOrEqual(score(board.laggingUnits.at(-1)));
    expect(board.overdueNotices).toMatchObject([
      { number: '督办〔2019〕1号', orgUnit: { name: '省住建厅' }, task: { number: '2.1' } },
    ]);
    expect(rows.find((r) => r.taskNumber === '2.1' && r.orgUnit.id === housing)!.openNotices).toBe(1);
    // The notice is the province's: 大庆's board does not show it.
    const daqingBoard = (await daqingAdmin.get(`/api/v1/plans/${CODE}/board?asOf=${AS_OF}`)).json();
    expect(daqingBoard).toMatchObject({ total: 1, overdueNotices: [] });
  });
});

describe('milestones and corrections in the derived status', () => {
  it('clears an overdue milestone once a report in force declares it delivered, and not after a correction withdraws it', async () => {
    const officer = (await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: housing })).agent;
    const task22 = await taskId(ctx.db, '2.2');
    const row = async () => (await ledger(ctx.admin)).find((r) => r.taskNumber === '2.2' && r.orgUnit.id === housing)!;
    // The pilot cities' 2018 milestones passed on 2018-12-31 with nothing reported: a missed
    // milestone, not the task overdue (its deadline is ahead).
    expect(await row()).toMatchObject({
      status: 'milestone_missed',
      colour: 'red',
      missedMilestones: [
        { code: 'waste-sorting-implementation-plans', due: '2018-12-31' },
        { code: 'waste-sorting-demonstration-areas', due: '2018-12-31' },
      ],
    });
    // What the ledger shows on AS_OF is what was filed by then: the reports below are filed on 2019-05-06.

    const delivered = ['waste-sorting-implementation-plans', 'waste-sorting-demonstration-areas'];
    let december = '';
    for (const period of [
      ...Array.from({ length: 12 }, (_, i) => `2018-${String(i + 1).padStart(2, '0')}`),
      '2019-01',
      '2019-02',
      '2019-03',
      '2019-04',
    ]) {
      const created = await officer.post(`/api/v1/tasks/${task22}/reports`, {
        period,
        narrative: `${period} 推进垃圾分类试点`,
        measures: '',
        figures: [],
        milestonesDone: period === '2018-12' ? delivered : [],
      });
      expect(created.statusCode).toBe(201);
      expect((await officer.post(`/api/v1/reports/${created.json().id}/submit`)).statusCode).toBe(200);
      await fileOn(ctx.db, created.json().id, '2019-05-06');
      if (period === '2018-12') december = created.json().id;
    }
    expect(await row()).toMatchObject({ status: 'on_track', missingPeriods: 0 });

    // A correction that withdraws the claim counts only once it is submitted.
    const correction = (await officer.post(`/api/v1/reports/${december}/correct`)).json();
    expect((await officer.patch(`/api/v1/reports/${correction.id}`, { milestonesDone: [] })).statusCode).toBe(200);
    expect((await row()).status).toBe('on_track');
    expect((await officer.post(`/api/v1/reports/${correction.id}/submit`)).statusCode).toBe(200);
    await fileOn(ctx.db, correction.id, '2019-05-15');
    expect((await row()).status).toBe('milestone_missed');
  });
});
