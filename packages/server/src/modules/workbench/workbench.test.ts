import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '@chuangcheng/core';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { noticeOnTask21 } from '../../test/province.ts';
import { createUnit, DAOLI, phonePhoto, postPhoto, report } from '../cases/fixtures.ts';
import { unitId } from '../supervision/fixtures.ts';

const ctx = fileTestContext();
let harbin: Agent;
let qiqihar: Agent;
let liaison: Agent;
let handler: Agent;
let inspector: Agent;
let resident: Agent;
let caseId: string;
let caseNumber: string;
let noticeId: string;
let daoli: string;

const read = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/v1/workbench${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Workbench;
};
const sectionOf = (bench: Workbench, key: string) => bench.sections.find((s) => s.key === key);
const figureOf = (bench: Workbench, key: string) => bench.figures.find((f) => f.key === key);

beforeAll(async () => {
  const housing = await unitId(ctx.db, '省住建厅');
  daoli = await createUnit(ctx, '230102', '道里区城市管理局', await createUnit(ctx, '2301', '哈尔滨市城市管理局'));
  harbin = await buildAgent(ctx, 'city_admin', '2301');
  qiqihar = await buildAgent(ctx, 'city_admin', '2302');
  liaison = await buildAgent(ctx, 'unit_officer', '23', housing);
  handler = await buildAgent(ctx, 'unit_officer', '230102', daoli);
  inspector = await buildAgent(ctx, 'inspector', '2301');
  resident = await buildAgent(ctx, 'resident', '23');

  const photo = await postPhoto(ctx, '/api/v1/public/case-photos', await phonePhoto());
  const reported = await report(ctx, {
    categoryCode: 'event-poster',
    description: '中央大街路口电线杆上贴满小广告',
    ...DAOLI,
    address: '道里区中央大街与西十二道街交口',
    regionCode: '230102001',
    photoIds: [photo.json().id],
  });
  expect(reported.statusCode, reported.body).toBe(201);
  ({ id: caseId, number: caseNumber } = reported.json());

  const notice = await ctx.admin.post('/api/v1/notices', await noticeOnTask21(ctx));
  expect(notice.statusCode, notice.body).toBe(201);
  noticeId = notice.json().id;
});

describe('the 工作台 of each role', () => {
  it("a city office sees the case waiting for dispatch in its city, another city's office does not", async () => {
    const bench = await read(harbin);
    expect(bench.role).toBe('city_admin');
    const cases = sectionOf(bench, 'cases');
    expect(cases).toMatchObject({ link: '/cases/dispatch', total: 1, capped: false });
    expect(cases?.items[0]).toMatchObject({
      id: caseId,
      reference: caseNumber,
      title: '广告乱贴',
      link: `/cases/${caseId}`,
      overdue: false,
    });
    // The complaint and its place with the district, in full.
    expect(cases?.items[0]?.detail).toContain('中央大街路口电线杆上贴满小广告');
    expect(cases?.items[0]?.detail).toContain('道里区中央大街与西十二道街交口');
    expect(figureOf(bench, 'casesInQueue')).toMatchObject({ value: 1, link: '/cases/dispatch' });
    expect(bench.figures.map((f) => f.key)).toEqual(
      expect.arrayContaining(['noticesOverdue', 'approvalsWaiting', 'roundsActive', 'tasksLagging', 'casesOverdue']),
    );
    expect(sectionOf(bench, 'tasks')).toBeUndefined();

    const other = await read(qiqihar);
    expect(sectionOf(other, 'cases')).toMatchObject({ total: 0, items: [] });
  });

  it('a department liaison sees its tasks to report and the notice to answer, as of the session date', async () => {
    const bench = await read(liaison, '?asOf=2019-12-31');
    expect(bench.asOf).toBe('2019-12-31');
    const tasks = sectionOf(bench, 'tasks');
    expect(tasks?.total).toBeGreaterThan(0);
    expect(tasks?.items.map((i) => i.reference)).toContain('2.1');
    expect(tasks?.items.every((i) => i.link === '/workbench')).toBe(true);
    const notices = sectionOf(bench, 'notices');
    expect(notices?.items).toEqual([
      expect.objectContaining({
        id: noticeId,
        detail: '补报进展并说明原因',
        link: `/supervision/notices?id=${noticeId}`,
      }),
    ]);
    expect(figureOf(bench, 'noticesToAnswer')).toMatchObject({ value: 1 });
    expect(sectionOf(bench, 'actionItems')).toMatchObject({ total: 0 });
    // A provincial department handles no street cases: no case queue, and no office figures.
    expect(sectionOf(bench, 'approvals')).toBeUndefined();
    expect(figureOf(bench, 'tasksLagging')).toBeUndefined();
  });

  it('the office that issued the notice sees the tasks lagging on the board as of the session date', async () => {
    const early = await read(ctx.admin, '?asOf=2018-01-02');
    const late = await read(ctx.admin, '?asOf=2020-12-31');
    expect(figureOf(late, 'tasksLagging')?.value).toBeGreaterThan(figureOf(early, 'tasksLagging')?.value ?? 0);
    expect(figureOf(late, 'tasksLagging')).toMatchObject({ alert: true });
  });

  it("a unit handler sees a case once it is dispatched to the unit; the inspector's queue waits for handling", async () => {
    expect(sectionOf(await read(handler), 'cases')).toMatchObject({ total: 0, link: '/cases/unit' });
    const act = (body: Record<string, unknown>) => harbin.post(`/api/v1/cases/${caseId}/actions`, body);
    expect((await act({ action: 'accept' })).statusCode).toBe(200);
    expect((await act({ action: 'dispatch', orgUnitId: daoli })).statusCode).toBe(200);
    const cases = sectionOf(await read(handler), 'cases');
    expect(cases).toMatchObject({ total: 1, link: '/cases/unit' });
    expect(cases?.items[0]).toMatchObject({ id: caseId, link: `/cases/${caseId}` });
    expect(cases?.items[0]?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Out of the office's intake once dispatched.
    expect(sectionOf(await read(harbin), 'cases')).toMatchObject({ total: 0 });
  });

  it('an inspector sees the verification queue and the rounds to score, nothing of the offices', async () => {
    const bench = await read(inspector);
    expect(sectionOf(bench, 'cases')).toMatchObject({ link: '/cases/verify', total: 0 });
    expect(sectionOf(bench, 'rounds')).toMatchObject({ total: 0 });
    expect(sectionOf(bench, 'approvals')).toBeUndefined();
    expect(sectionOf(bench, 'notices')).toBeUndefined();
  });
});

describe('the session\'s "as of" date', () => {
  it('is the end of the 2018-2020 plan, years after it ended, and the workbench uses it when asked for none', async () => {
    const res = await harbin.get('/api/v1/workbench/as-of');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ asOf: '2020-12-31', basis: 'plan_end' });
    expect((await read(harbin)).asOf).toBe('2020-12-31');
  });
});

describe('refusals', () => {
  it('a resident has no workbench; without a session there is none either', async () => {
    expect((await resident.get('/api/v1/workbench')).statusCode).toBe(403);
    expect((await resident.get('/api/v1/workbench/as-of')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/workbench' })).statusCode).toBe(401);
  });

  it("a date that is not a date is refused, naming the field, in the request's language (Chinese by default)", async () => {
    const ask = (language?: string) =>
      ctx.app.inject({
        method: 'GET',
        url: '/api/v1/workbench?asOf=2019-13-45',
        headers: { cookie: harbin.cookie, ...(language ? { 'accept-language': language } : {}) },
      });
    const chinese = await ask();
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      title: '提交的内容有误，请按字段提示修改后重试。',
      errors: [{ field: 'querystring.asOf', message: '应为日期，格式 YYYY-MM-DD' }],
    });
    expect((await ask('zh-CN,zh;q=0.9')).json().errors[0].message).toBe('应为日期，格式 YYYY-MM-DD');
    const english = await ask('en-GB,en;q=0.9');
    expect(english.json()).toMatchObject({
      title: 'The request has invalid fields; correct them as indicated and retry.',
      errors: [{ field: 'querystring.asOf', message: 'expected a date as YYYY-MM-DD' }],
    });
  });
});
