import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { escalateOverdueCases, escalateStages } from './escalations.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { createUnit, DAOLI, phonePhoto, postPhoto, report } from './fixtures.ts';

// Stage clocks (issue 17): each stage escalates once, to its own office; the statistics count by
// report time, with 立案, 返工率 and satisfaction as defined in core's CASE_STATS_DEFINITIONS.

const ctx = fileTestContext();
let dispatcher: Agent;
let officer: Agent;
let inspector: Agent;
let unitId: string;
let cityOfficeId: string;
let provinceOfficeId: string;

beforeAll(async () => {
  // The data set's creation offices (文明办): the dispatch desk and the inspectors sit there.
  const office = (region: string) =>
    ctx.db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'creation_office')
      .where('region_code', '=', region)
      .executeTakeFirstOrThrow();
  cityOfficeId = (await office('2301')).id;
  provinceOfficeId = (await office('23')).id;
  const superior = await createUnit(ctx, '2301', '哈尔滨市城市管理局');
  unitId = await createUnit(ctx, '230102', '道里区城市管理局', superior);
  dispatcher = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
  officer = (await buildUser(ctx, { role: 'unit_officer', regionCode: '230102', orgUnitId: unitId })).agent;
  inspector = (await buildUser(ctx, { role: 'inspector', regionCode: '2301' })).agent;
});

const act = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post(`/api/v1/cases/${id}/actions`, body);

async function newCase(description: string) {
  const res = await report(ctx, { categoryCode: 'event-garbage', description, ...DAOLI, regionCode: '230102' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; deadline: string };
}

async function handled(c: { id: string }) {
  await act(dispatcher, c.id, { action: 'dispatch', orgUnitId: unitId });
  await act(officer, c.id, { action: 'start' });
  const photo = await postPhoto(ctx, '/api/v1/cases/photos', await phonePhoto(800, 600), {
    agent: officer,
    fields: { kind: 'after' },
  });
  const res = await act(officer, c.id, { action: 'handle', note: '已清运', photoIds: [photo.json().id] });
  expect(res.json().status).toBe('handled');
}

const past = () => new Date(Date.now() - 60_000);

async function notes(caseId: string) {
  // Supervision writes the notifications when it receives the cases module's events.
  await drainOutbox(ctx);
  return ctx.db
    .selectFrom('notification')
    .select(['recipient_org_unit_id', 'threshold', 'title'])
    .where('subject_id', '=', caseId)
    .where('threshold', 'like', 'overdue%')
    .execute();
}

describe('escalation at each stage', () => {
  it('受理: a case nobody accepted past its accept deadline goes to the dispatch desk once', async () => {
    const c = await newCase('垃圾堆放无人受理');
    const detail = (await dispatcher.get(`/api/v1/cases/${c.id}`)).json();
    expect(detail).toMatchObject({ stage: 'accept', stageDeadline: expect.any(String) });
    await ctx.db.updateTable('problem_case').set({ accept_deadline: past() }).where('id', '=', c.id).execute();
    expect(await escalateStages(ctx.db)).toBe(1);
    expect(await escalateStages(ctx.db)).toBe(0);
    expect(await notes(c.id)).toEqual([
      expect.objectContaining({ recipient_org_unit_id: cityOfficeId, threshold: 'overdue:accept' }),
    ]);
    const after = (await dispatcher.get(`/api/v1/cases/${c.id}`)).json();
    expect(after).toMatchObject({ colour: 'red', overdue: false });
    expect(after.events.at(-1)).toMatchObject({ kind: 'escalated', note: expect.stringContaining('超过受理立案时限') });
  });

  it('派遣: an accepted case not dispatched in time goes to the dispatch desk once, not to a unit', async () => {
    const c = await newCase('垃圾堆放未派遣');
    const accepted = (await act(dispatcher, c.id, { action: 'accept' })).json();
    expect(accepted).toMatchObject({ stage: 'dispatch' });
    await ctx.db.updateTable('problem_case').set({ dispatch_deadline: past() }).where('id', '=', c.id).execute();
    // The unit's clock has not started: escalating the unit's stage finds nothing.
    await ctx.db.updateTable('problem_case').set({ deadline: past() }).where('id', '=', c.id).execute();
    expect(await escalateOverdueCases(ctx.db)).toBe(0);
    expect(await escalateStages(ctx.db)).toBe(1);
    expect(await escalateStages(ctx.db)).toBe(0);
    expect(await notes(c.id)).toEqual([
      expect.objectContaining({ recipient_org_unit_id: cityOfficeId, threshold: 'overdue:dispatch' }),
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit.filter((a) => a.action === 'case.escalate')).toHaveLength(1);
  });

  it("处置: the unit's limit runs from dispatch, so a late dispatch is not charged to the unit", async () => {
    const c = await newCase('垃圾堆放派遣晚');
    // Reported three days ago; the desk dispatches only now.
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await ctx.db
      .updateTable('problem_case')
      .set({ reported_at: threeDaysAgo, deadline: new Date(threeDaysAgo.getTime() + 3600_000) })
      .where('id', '=', c.id)
      .execute();
    const dispatched = (await act(dispatcher, c.id, { action: 'dispatch', orgUnitId: unitId })).json();
    expect(dispatched).toMatchObject({ stage: 'handle', overdue: false });
    expect(Date.parse(dispatched.deadline)).toBeGreaterThan(Date.now());
    expect(dispatched.stageDeadline).toBe(dispatched.deadline);
    await ctx.db.updateTable('problem_case').set({ deadline: past() }).where('id', '=', c.id).execute();
    expect(await escalateOverdueCases(ctx.db)).toBe(1);
    expect(await escalateOverdueCases(ctx.db)).toBe(0);
    expect((await notes(c.id)).map((n) => n.threshold)).toEqual(['overdue', 'overdue']);
  });

  it("核查: a handled case not verified in time goes to the inspectors' office once", async () => {
    const c = await newCase('垃圾堆放待核查');
    await handled(c);
    const detail = (await inspector.get(`/api/v1/cases/${c.id}`)).json();
    expect(detail).toMatchObject({ stage: 'verify', stageDeadline: expect.any(String) });
    await ctx.db.updateTable('problem_case').set({ verify_deadline: past() }).where('id', '=', c.id).execute();
    expect(await escalateStages(ctx.db)).toBe(1);
    expect(await escalateStages(ctx.db)).toBe(0);
    expect(await notes(c.id)).toEqual([
      expect.objectContaining({
        recipient_org_unit_id: cityOfficeId,
        threshold: 'overdue:verify',
        title: expect.stringContaining('核查员'),
      }),
    ]);
  });

  it('never escalates a paused clock', async () => {
    const c = await newCase('垃圾堆放等待补充');
    await act(dispatcher, c.id, { action: 'accept' });
    await act(dispatcher, c.id, { action: 'pause', reason: '请补充具体位置' });
    await ctx.db.updateTable('problem_case').set({ dispatch_deadline: past() }).where('id', '=', c.id).execute();
    expect(await escalateStages(ctx.db)).toBe(0);
  });
});

describe('statistics as an office counts them', () => {
  it('counts by report month, 立案 only when reviewed, reopening as rework, the latest rating once', async () => {
    // A staff intake of a call reported 40 days ago and entered now: counted in the report's month.
    const reportedAt = new Date(Date.now() - 40 * 86_400_000);
    const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const staff = await dispatcher.post('/api/v1/cases', {
      categoryCode: 'event-dust',
      description: '工地扬尘热线补录',
      ...DAOLI,
      regionCode: '230102',
      channel: 'hotline',
      reportedAt: reportedAt.toISOString(),
      idempotencyKey: crypto.randomUUID(),
    });
    expect(staff.statusCode, staff.body).toBe(201);
    // A city's read by month is the roll-up's, kept by the case events' delivery (decision 0195).
    await drainOutbox(ctx);
    const then = (
      await dispatcher.get(
        `/api/v1/cases/stats?groupBy=month&categoryCode=event-dust&from=${day(reportedAt)}&to=${day(reportedAt)}`,
      )
    ).json();
    expect(then.total).toMatchObject({ cases: 1, accepted: 0 });
    expect(then.rows[0].key).toBe(day(reportedAt).slice(0, 7));
    const today = (
      await dispatcher.get(`/api/v1/cases/stats?groupBy=month&categoryCode=event-dust&from=${day(new Date())}`)
    ).json();
    expect(today.total.cases).toBe(0);

    // A never-reviewed report is not 立案; a closed case reopened by its reporter is rework;
    // rated twice, it counts once with its latest rating.
    await report(ctx, { categoryCode: 'event-muck', description: '渣土未审核', ...DAOLI, regionCode: '230102' });
    const key = crypto.randomUUID();
    const c = (
      await report(
        ctx,
        { categoryCode: 'event-muck', description: '渣土两次评价', ...DAOLI, regionCode: '230102' },
        key,
      )
    ).json();
    const token = c.trackingToken as string;
    await handled(c);
    await act(inspector, c.id, { action: 'verify', passed: true });
    const rate = (satisfaction: number, fixed: boolean) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/cases/${c.number}/rating`,
        headers: { 'x-forwarded-for': '10.9.9.9' },
        payload: { token, satisfaction, fixed },
      });
    expect((await rate(1, false)).json().status).toBe('handled');
    await act(inspector, c.id, { action: 'verify', passed: true });
    expect((await rate(5, true)).statusCode).toBe(200);
    await drainOutbox(ctx);
    const stats = (await dispatcher.get('/api/v1/cases/stats?groupBy=category&categoryCode=event-muck')).json();
    expect(stats.total).toMatchObject({
      cases: 2,
      accepted: 1,
      closed: 1,
      closedOnTime: 1,
      reworkRate: 1,
      satisfaction: 5,
      ratings: 1,
    });
    expect(stats.total.avgHandlingWorkingHours).toEqual(expect.any(Number));
  });
});

describe('the missing-holiday-year warning', () => {
  it('notifies the creation offices each time a deadline falls in a year without a calendar', async () => {
    const staff = await dispatcher.post('/api/v1/cases', {
      categoryCode: 'event-garbage',
      description: '2022年的热线记录补录',
      ...DAOLI,
      regionCode: '230102',
      channel: 'hotline',
      reportedAt: '2022-06-01T02:00:00Z',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(staff.statusCode, staff.body).toBe(201);
    await drainOutbox(ctx);
    const warned = await ctx.db
      .selectFrom('notification')
      .select(['recipient_org_unit_id', 'threshold', 'title'])
      .where('subject_id', '=', staff.json().id)
      .execute();
    expect(warned.map((w) => w.recipient_org_unit_id).sort()).toEqual([cityOfficeId, provinceOfficeId].sort());
    expect(warned[0]).toMatchObject({ threshold: 'calendar-missing:2022', title: expect.stringContaining('2022') });
  });
});

describe('tracking needs the secret token, not only the number (issue 11, item 7)', () => {
  it('refuses a bare number, answers a wrong token like an unknown number, and lists only matching pairs', async () => {
    const key = crypto.randomUUID();
    const c = (
      await report(
        ctx,
        { categoryCode: 'event-poster', description: '我家门口的小广告', ...DAOLI, regionCode: '230102' },
        key,
      )
    ).json();
    const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': '10.8.8.8' } });
    const bare = await get(`/api/v1/public/cases/${c.number}`);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('querystring.token');
    expect(bare.body).not.toContain('小广告');
    const wrong = await get(`/api/v1/public/cases/${c.number}?token=${'x'.repeat(32)}`);
    expect(wrong.statusCode).toBe(404);
    const right = await get(`/api/v1/public/cases/${c.number}?token=${c.trackingToken}`);
    expect(right.json()).toMatchObject({
      number: c.number,
      description: '我家门口的小广告',
      colour: expect.any(String),
    });
    const many = await get(`/api/v1/public/cases?refs=${c.number}.${c.trackingToken},${c.number}.${'y'.repeat(32)}`);
    expect(many.json().items).toEqual([expect.objectContaining({ number: c.number, status: 'submitted' })]);
    expect((await get(`/api/v1/public/cases?numbers=${c.number}`)).statusCode).toBe(400);
  });
});

describe('the statistics Excel export', () => {
  it('carries the figures and a sheet with the definition of each', async () => {
    const res = await dispatcher.get('/api/v1/cases/stats.xlsx?groupBy=category');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const figures = book.getWorksheet('统计')!;
    expect(figures.getRow(2).getCell(3).value).toBe('立案数');
    expect(String(figures.getRow(figures.rowCount).getCell(1).value)).toMatch(/^合计/);
    const definitions = book.getWorksheet('口径说明')!;
    const texts = definitions.getColumn(2).values.map(String).join('\n');
    expect(texts).toContain('按上报时间');
    expect(texts).toContain('只计最近一次评价');
    expect(texts).toContain('未解决');
  });
});
