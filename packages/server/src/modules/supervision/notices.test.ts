import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { addDays } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { escalateOverdueNotices } from './notice-actions.ts';
import { setNoticePrefix } from './office-settings.ts';
import { taskId, unitId } from './fixtures.ts';
import { todayInChina } from './units.ts';

const ctx = fileTestContext();
let housing: string; // 省住建厅, lead unit of task 2.1
let office: string; // 省精神文明办
let infrastructure: string; // task 2.1
let officer: Agent;
const today = todayInChina();
const replyDue = addDays(today, 5);

beforeAll(async () => {
  ({ housing, office, infrastructure, officer } = await task21WithLiaison(ctx));
});

const notice = (overrides: Record<string, unknown> = {}) => ({
  taskId: infrastructure,
  orgUnitId: housing,
  reason: '未按月报送2.1任务进展',
  requiredAction: '补报进展并说明原因',
  replyDue,
  ...overrides,
});

describe('a supervision notice, issued, acknowledged, replied and closed', () => {
  it('walks from the office to the unit and back, audited at every step', async () => {
    // 省住建厅 has filed no report on task 2.1.
    const filed = await ctx.db
      .selectFrom('progress_report')
      .select('id')
      .where('task_id', '=', infrastructure)
      .where('org_unit_id', '=', housing)
      .where('status', '=', 'submitted')
      .execute();
    expect(filed).toEqual([]);
    const issued = await ctx.admin.post('/api/v1/notices', notice());
    expect(issued.statusCode).toBe(201);
    const created = issued.json();
    expect(created).toMatchObject({ status: 'issued', orgUnit: { id: housing, name: '省住建厅' }, replyDue });
    // Numbered in the series of the issuing office, the province's 精神文明办 (no prefix configured yet).
    expect(created.number).toMatch(new RegExp(`^黑龙江省督办〔${today.slice(0, 4)}〕\\d+号$`));
    expect(created.task).toMatchObject({ id: infrastructure, number: '2.1' });

    const inbox = (await officer.get('/api/v1/notifications?unread=true')).json();
    expect(inbox.items.map((n: { subjectId: string }) => n.subjectId)).toContain(created.id);
    const mine = (await officer.get('/api/v1/notices')).json();
    expect(mine.items.map((n: { id: string }) => n.id)).toContain(created.id);

    const acked = await officer.post(`/api/v1/notices/${created.id}/acknowledge`);
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'acknowledged' });
    expect((await officer.post(`/api/v1/notices/${created.id}/acknowledge`)).statusCode).toBe(409);

    const replied = await officer.post(`/api/v1/notices/${created.id}/reply`, { text: '已补报7月进展' });
    expect(replied.json()).toMatchObject({ status: 'replied', replyText: '已补报7月进展' });

    // 审核 and 领导审批 (by another administrator) come before 销号 (notice-closure.test.ts walks the chain).
    const leader = (await buildUser(ctx, { role: 'province_admin', regionCode: '23' })).agent;
    expect((await ctx.admin.post(`/api/v1/notices/${created.id}/review`, { note: '' })).statusCode).toBe(200);
    expect((await leader.post(`/api/v1/notices/${created.id}/approve`, { note: '' })).statusCode).toBe(200);
    const closed = await ctx.admin.post(`/api/v1/notices/${created.id}/close`, { note: '同意办结' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const late = await officer.post(`/api/v1/notices/${created.id}/reply`, { text: 'again' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CONFLICT');

    const audit = (await ctx.admin.get(`/api/v1/audit?entityId=${created.id}`)).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    for (const action of ['notice.issue', 'notice.acknowledge', 'notice.reply', 'notice.close']) {
      expect(actions).toContain(action);
    }
  });

  it('numbers notices one after another, also when issued at once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => ctx.admin.post('/api/v1/notices', notice())));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const numbers = results.map((r) => Number(/〕(\d+)号/.exec(r.json().number)![1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers[3]! - numbers[0]!).toBe(3);
  });
});

describe('numbering per issuing office', () => {
  it("gives each office its own yearly series and prefix: a city's first notice is its No. 1, also when issued at once", async () => {
    const year = today.slice(0, 4);
    const harbinOffice = await unitId(ctx.db, '哈尔滨市精神文明办');
    const task11 = await taskId(ctx.db, '1.1');
    await ctx.db
      .insertInto('plan_task_unit')
      .values({ task_id: task11, org_unit_id: harbinOffice, role: 'participating', position: 10 })
      .execute();
    await setNoticePrefix(ctx.db, '省精神文明办', '黑文明督');
    await setNoticePrefix(ctx.db, harbinOffice, '哈文明督');
    const harbinAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
    const toHarbin = notice({ taskId: task11, orgUnitId: harbinOffice });
    const results = await Promise.all([
      ...[1, 2, 3].map(() => ctx.admin.post('/api/v1/notices', notice())),
      ...[1, 2, 3].map(() => harbinAdmin.post('/api/v1/notices', toHarbin)),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const numbers = results.map((r) => r.json().number as string);
    expect(numbers.slice(3).sort()).toEqual([1, 2, 3].map((n) => `哈文明督〔${year}〕${n}号`));
    const province = numbers.slice(0, 3).map((n) => Number(new RegExp(`^黑文明督〔${year}〕(\\d+)号$`).exec(n)![1]));
    expect(new Set(province).size).toBe(3);
    // The province's series went on from the notices issued before (its earlier prefix kept them).
    expect(Math.min(...province)).toBeGreaterThan(1);

    // Two offices never share a prefix, so their numbers never read alike.
    await expect(setNoticePrefix(ctx.db, harbinOffice, '黑文明督')).rejects.toThrow(/省精神文明办/);
    await expect(setNoticePrefix(ctx.db, harbinOffice, '哈〔督')).rejects.toThrow(/prefix/);
  });

  it('keeps one series for an office whose notices go to several prefectures (the numbers live on the coordinator)', async () => {
    const harbinOffice = await unitId(ctx.db, '哈尔滨市精神文明办');
    const task11 = await taskId(ctx.db, '1.1');
    await ctx.db
      .insertInto('plan_task_unit')
      .values({ task_id: task11, org_unit_id: harbinOffice, role: 'participating', position: 11 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const toProvince = (await ctx.admin.post('/api/v1/notices', notice())).json();
    const toHarbin = (
      await ctx.admin.post('/api/v1/notices', notice({ taskId: task11, orgUnitId: harbinOffice }))
    ).json();
    const seq = (n: string) => Number(/〕(\d+)号$/.exec(n)![1]);
    expect(seq(toHarbin.number)).toBe(seq(toProvince.number) + 1);

    // Each notice is keyed by the prefecture of the unit it is addressed to (a provincial unit: the province's code).
    const rows = await ctx.db
      .selectFrom('supervision_notice')
      .select(['id', 'prefecture_code'])
      .where('id', 'in', [toProvince.id, toHarbin.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.prefecture_code]))).toEqual({
      [toProvince.id]: '23',
      [toHarbin.id]: '2301',
    });
    // The number table holds the series across both, and refuses a number twice.
    const numbers = await ctx.db
      .selectFrom('supervision_notice_number')
      .select(['number', 'notice_id', 'prefecture_code'])
      .where('notice_id', 'in', [toProvince.id, toHarbin.id])
      .orderBy('number_seq')
      .execute();
    expect(numbers).toEqual([
      { number: toProvince.number, notice_id: toProvince.id, prefecture_code: '23' },
      { number: toHarbin.number, notice_id: toHarbin.id, prefecture_code: '2301' },
    ]);
    await expect(
      ctx.db
        .insertInto('supervision_notice_number')
        .values({ number: toHarbin.number, series: '-', notice_id: crypto.randomUUID(), prefecture_code: '2302' })
        .execute(),
    ).rejects.toThrow(/supervision_notice_number_pkey|duplicate key/);
  });
});

describe('the 督办单 as a document', () => {
  it('carries 签发人, 抄送, 督办等级 and 来源, and may be addressed to any unit of the plan', async () => {
    const court = await unitId(ctx.db, '省法院'); // assigned to no task of 2.1
    const res = await ctx.admin.post(
      '/api/v1/notices',
      notice({
        taskId: undefined,
        planCode: 'heilongjiang-2018-2020',
        orgUnitId: court,
        signer: '张明',
        cc: '省委督查室、省政府督查室',
        level: 'urgent',
        source: 'leader_instruction',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      orgUnit: { id: court, name: '省法院' },
      task: null,
      actionItem: null,
      signer: '张明',
      cc: '省委督查室、省政府督查室',
      level: 'urgent',
      source: 'leader_instruction',
    });
    // Without them: 一般, no source, nothing copied.
    const plain = (await ctx.admin.post('/api/v1/notices', notice())).json();
    expect(plain).toMatchObject({ signer: null, cc: '', level: 'general', source: null });
  });
});

describe('refusals', () => {
  it('keeps other organisations, inspectors and other cities out', async () => {
    const id = (await ctx.admin.post('/api/v1/notices', notice())).json().id;
    const other = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省发改委'),
    });
    expect((await other.agent.post(`/api/v1/notices/${id}/acknowledge`)).statusCode).toBe(403);
    expect((await other.agent.post(`/api/v1/notices/${id}/reply`, { text: 'x' })).statusCode).toBe(403);
    expect((await other.agent.get(`/api/v1/notices/${id}`)).statusCode).toBe(403);
    expect((await other.agent.post('/api/v1/notices', notice())).statusCode).toBe(403);

    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
    expect((await inspector.agent.get('/api/v1/notices')).statusCode).toBe(403);
    expect((await inspector.agent.post('/api/v1/notices', notice())).statusCode).toBe(403);

    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    const harbinOffice = await unitId(ctx.db, '哈尔滨市精神文明办');
    const refused = await daqing.agent.post('/api/v1/notices', notice({ orgUnitId: harbinOffice }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    // A provincial department is the province's to supervise.
    const provincial = await daqing.agent.post('/api/v1/notices', notice());
    expect(provincial.json().code).toBe('OUT_OF_SCOPE');
    expect((await daqing.agent.get(`/api/v1/notices/${id}`)).statusCode).toBe(403);
    expect((await daqing.agent.get('/api/v1/notices')).json().items).toEqual([]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const unknownField = await ctx.admin.post('/api/v1/notices', notice({ urgency: 'high' }));
    expect(unknownField.statusCode).toBe(400);
    expect(JSON.stringify(unknownField.json().errors)).toContain('urgency');
    const notAssigned = await ctx.admin.post('/api/v1/notices', notice({ orgUnitId: await unitId(ctx.db, '省法院') }));
    expect(notAssigned.statusCode).toBe(400);
    expect(notAssigned.json().errors[0].field).toBe('body.orgUnitId');
    const neither = await ctx.admin.post('/api/v1/notices', notice({ taskId: undefined }));
    expect(neither.json().errors[0].field).toBe('body.planCode');
    const unknownPlan = await ctx.admin.post('/api/v1/notices', notice({ taskId: undefined, planCode: 'nope' }));
    expect(unknownPlan.json().errors[0].field).toBe('body.planCode');
    const badLevel = await ctx.admin.post('/api/v1/notices', notice({ level: 'very' }));
    expect(badLevel.json().errors[0].field).toBe('body.level');
    for (const replyDue of ['2019-13-45x', '2027-02-30']) {
      const badDate = await ctx.admin.post('/api/v1/notices', notice({ replyDue }));
      expect(badDate.json().errors[0].field).toBe('body.replyDue');
    }
    const reply = await officer.post(
      `/api/v1/notices/${(await ctx.admin.post('/api/v1/notices', notice())).json().id}/reply`,
      {
        text: 'ok',
        files: [],
      },
    );
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors[0].field).toContain('files');
  });
});

describe('escalation', () => {
  it('escalates an overdue notice of a provincial department to 省精神文明办, once', async () => {
    const id = (await ctx.admin.post('/api/v1/notices', notice())).json().id;
    const asOf = addDays(replyDue, 1);
    const overdue = (await ctx.admin.get(`/api/v1/notices?overdue=true&asOf=${asOf}`)).json();
    expect(overdue.items.map((n: { id: string }) => n.id)).toContain(id);

    const runs = await Promise.all([escalateOverdueNotices(ctx.db, asOf), escalateOverdueNotices(ctx.db, asOf)]);
    expect(runs[0]! + runs[1]!).toBeGreaterThan(0);
    const escalated = (await ctx.admin.get(`/api/v1/notices/${id}`)).json();
    expect(escalated.escalatedTo).toEqual({ id: office, name: '省精神文明办' });
    expect(escalated.escalatedAt).not.toBeNull();
    const notes = await ctx.db
      .selectFrom('notification')
      .selectAll()
      .where('subject_id', '=', id)
      .where('threshold', '=', 'escalated')
      .execute();
    expect(notes.map((n) => n.recipient_org_unit_id)).toEqual([office]);
    expect(await escalateOverdueNotices(ctx.db, asOf)).toBe(0);

    // The office's own officer sees the escalated notice; the board reads escalated_to.
    const officeOfficer = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: office });
    const seen = (await officeOfficer.agent.get('/api/v1/notices')).json().items;
    expect(seen.map((n: { id: string }) => n.id)).toContain(id);
    expect((await officeOfficer.agent.get(`/api/v1/notices/${id}`)).statusCode).toBe(200);
    // Closing needs a reply first.
    expect((await ctx.admin.post(`/api/v1/notices/${id}/close`, { note: '' })).statusCode).toBe(409);
  });
});

/** The id of the one action item, due today and owned by `owner`, of a joint meeting recorded today. */
async function actionItemToday(meetingTitle: string, title: string, owner: string): Promise<string> {
  const meeting = await ctx.admin.post('/api/v1/meetings', {
    planCode: 'heilongjiang-2018-2020',
    title: meetingTitle,
    heldOn: today,
    actionItems: [{ title, ownerOrgUnitId: owner, due: today }],
  });
  return meeting.json().actionItems[0].id as string;
}

describe('escalation from the top office', () => {
  it('tells the issuing office when the unit has no higher office to escalate to', async () => {
    const item = await actionItemToday('省创城联席会议', '汇总各市测评问题清单', office);
    const issued = await ctx.admin.post(
      '/api/v1/notices',
      notice({ taskId: undefined, actionItemId: item, orgUnitId: office }),
    );
    expect(issued.statusCode).toBe(201);
    const id = issued.json().id as string;
    expect(await escalateOverdueNotices(ctx.db, addDays(replyDue, 1))).toBeGreaterThan(0);
    const notes = await ctx.db
      .selectFrom('notification')
      .select(['recipient_org_unit_id', 'title'])
      .where('subject_id', '=', id)
      .where('threshold', '=', 'escalated')
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.recipient_org_unit_id).toBe(office);
    expect(notes[0]!.title).toContain('无上级机关可提级，请签发机关督促');
    const after = (await ctx.admin.get(`/api/v1/notices/${id}`)).json();
    expect(after.escalatedTo).toBeNull();
    expect(after.escalatedAt).not.toBeNull();
    expect(await escalateOverdueNotices(ctx.db, addDays(replyDue, 1))).toBe(0);
  });
});

describe('notices about action items', () => {
  it('go only to the unit that owns the item', async () => {
    const item = await actionItemToday('联席会议', '报送供热方案', housing);
    const wrong = await ctx.admin.post(
      '/api/v1/notices',
      notice({ taskId: undefined, actionItemId: item, orgUnitId: office }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.orgUnitId');
    const issued = await ctx.admin.post('/api/v1/notices', notice({ taskId: undefined, actionItemId: item }));
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({ task: null, actionItem: { id: item, title: '报送供热方案' } });
  });
});

describe('notifications', () => {
  it("lists the organisation's notifications and marks them read", async () => {
    await ctx.admin.post('/api/v1/notices', notice());
    const unread = (await officer.get('/api/v1/notifications?unread=true')).json();
    expect(unread.unread).toBeGreaterThan(0);
    const first = unread.items[0];
    expect(first.readAt).toBeNull();

    const other = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: office });
    expect((await other.agent.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await ctx.admin.get('/api/v1/notifications')).statusCode).toBe(403);

    expect((await officer.post(`/api/v1/notifications/${first.id}/read`)).json()).toEqual({ updated: 1 });
    const after = (await officer.get('/api/v1/notifications?unread=true')).json();
    expect(after.unread).toBe(unread.unread - 1);
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect((await officer.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: after.unread });
    expect((await officer.get('/api/v1/notifications?unread=true')).json()).toEqual({ items: [], unread: 0 });
    expect((await officer.get('/api/v1/notifications')).json().items.length).toBe(unread.unread);
  });
});
