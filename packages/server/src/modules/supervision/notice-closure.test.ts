import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { notifiedOf } from './fixtures.ts';
import { todayInChina } from './units.ts';

/* The 办结 chain of a 督办单 (issue 18): 申请办结 → 审核 → 领导审批 → 销号, 退回重办, 延期申请. */

const ctx = fileTestContext();
let housing: string; // 省住建厅
let office: string; // 省精神文明办, the issuing office of the province's notices
let infrastructure: string;
let officer: Agent; // 省住建厅's liaison
let leader: Agent; // a second province administrator, who approves
let daqingAdmin: Agent;
const today = todayInChina();
const replyDue = addDays(today, 10);

beforeAll(async () => {
  ({ housing, office, infrastructure, officer } = await task21WithLiaison(ctx));
  leader = await buildAgent(ctx, 'province_admin', '23');
  daqingAdmin = await buildAgent(ctx, 'city_admin', '2306');
});

const issue = async () => {
  const res = await ctx.admin.post('/api/v1/notices', {
    taskId: infrastructure,
    orgUnitId: housing,
    reason: '集中供热普及率进展滞后',
    requiredAction: '说明原因并报送整改措施',
    replyDue,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; number: string; ackDue: string; status: string };
};

const notified = (recipient: string, subjectId: string) => notifiedOf(ctx, recipient, subjectId);

describe('the 办结 chain', () => {
  it('walks 申请办结 → 审核 → 领导审批 → 销号, with 退回重办 in between, audited and told', async () => {
    const notice = await issue();
    // 签收 within two days by default.
    expect(notice).toMatchObject({ status: 'issued', ackDue: addDays(today, 2), ackOverdue: false });
    const at = (action: string, agent: Agent, body: object = {}) =>
      agent.post(`/api/v1/notices/${notice.id}/${action}`, body);

    // The reply applies for closure; the issuing office hears of it.
    expect((await at('reply', officer, { text: '已制定整改方案，附件为方案全文。' })).json().status).toBe('replied');
    expect((await notified(office, notice.id)).map((n) => n.threshold)).toContain('reply:reply:0');
    // Closing needs the chain first; the unit does not review its own reply.
    expect((await at('close', ctx.admin, { note: '' })).statusCode).toBe(409);
    expect((await at('review', officer)).statusCode).toBe(403);
    expect((await at('review', daqingAdmin)).json().code).toBe('OUT_OF_SCOPE');

    expect((await at('review', ctx.admin, { note: '材料齐全' })).json()).toMatchObject({ status: 'reviewed' });
    // The reviewer does not approve too.
    const self = await at('approve', ctx.admin);
    expect(self.statusCode).toBe(403);
    expect((await at('approve', leader, { note: '同意' })).json()).toMatchObject({ status: 'approved' });

    // The leader finds the measures weak after all: back to the unit, with the reason and a new date.
    const newDue = addDays(today, 20);
    expect((await at('return', leader, {})).json().errors[0].field).toBe('body.reason');
    const returned = await at('return', leader, { reason: '整改措施不具体，请补充时间表', replyDue: newDue });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnedCount: 1,
      returnReason: '整改措施不具体，请补充时间表',
      replyDue: newDue,
      reviewedAt: null,
      approvedAt: null,
    });
    const told = await notified(housing, notice.id);
    expect(told.find((n) => n.threshold === 'return:return:1')!.title).toContain('整改措施不具体');
    expect((await at('review', ctx.admin)).statusCode).toBe(409);

    // Done again, and through the chain to 销号.
    expect((await at('reply', officer, { text: '补充时间表：12月底前完成。' })).json().status).toBe('replied');
    await at('review', ctx.admin);
    await at('approve', leader);
    const closed = await at('close', ctx.admin, { note: '销号' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await notified(housing, notice.id)).map((n) => n.threshold)).toContain('close:close');

    const audit = (await ctx.admin.get(`/api/v1/audit?entityId=${notice.id}&limit=100`)).json().items;
    const actions = audit.map((a: { action: string }) => a.action);
    for (const action of ['notice.reply', 'notice.review', 'notice.approve', 'notice.return', 'notice.close']) {
      expect(actions).toContain(action);
    }
  });
});

describe('延期申请', () => {
  it('is asked by the unit with a reason and a later date, and granted or refused by the office', async () => {
    const notice = await issue();
    const ask = (body: object, agent = officer) => agent.post(`/api/v1/notices/${notice.id}/extension`, body);
    const decide = (body: object, agent: Agent = ctx.admin) =>
      agent.post(`/api/v1/notices/${notice.id}/extension/decision`, body);

    const early = await ask({ requestedDue: replyDue, reason: '需协调财政资金' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('body.requestedDue');
    expect((await ask({ requestedDue: addDays(replyDue, 15), reason: '需协调财政资金' }, ctx.admin)).statusCode).toBe(
      403,
    );

    const first = await ask({ requestedDue: addDays(replyDue, 15), reason: '需协调财政资金' });
    expect(first.json().extension).toEqual({
      requestedDue: addDays(replyDue, 15),
      reason: '需协调财政资金',
      status: 'pending',
      note: null,
    });
    expect((await notified(office, notice.id)).map((n) => n.threshold)).toContain(
      `request_extension:extension:${addDays(replyDue, 15)}`,
    );
    expect((await ask({ requestedDue: addDays(replyDue, 20), reason: '再议' })).statusCode).toBe(409);
    expect((await decide({ approve: true }, daqingAdmin)).json().code).toBe('OUT_OF_SCOPE');
    expect((await decide({ approve: true }, officer)).statusCode).toBe(403);
    expect((await decide({ approve: false })).json().errors[0].field).toBe('body.note');

    const refused = await decide({ approve: false, note: '时限不能超过月底' });
    expect(refused.json()).toMatchObject({ replyDue, extension: { status: 'refused', note: '时限不能超过月底' } });
    expect((await decide({ approve: true })).statusCode).toBe(409);

    await ask({ requestedDue: addDays(replyDue, 5), reason: '资金本月下达' });
    const granted = await decide({ approve: true, note: '' });
    expect(granted.json()).toMatchObject({ replyDue: addDays(replyDue, 5), extension: { status: 'approved' } });
    const told = (await notified(housing, notice.id)).map((n) => n.threshold);
    expect(told).toEqual(
      expect.arrayContaining([
        `refuse_extension:extension:${addDays(replyDue, 15)}`,
        `approve_extension:extension:${addDays(replyDue, 5)}`,
      ]),
    );
    const audit = (await ctx.admin.get(`/api/v1/audit?entityId=${notice.id}&limit=100`)).json().items;
    const actions = audit.map((a: { action: string }) => a.action);
    for (const action of ['notice.request-extension', 'notice.refuse-extension', 'notice.approve-extension']) {
      expect(actions).toContain(action);
    }
  });

  it('refuses a 签收 deadline after the reply date', async () => {
    const res = await ctx.admin.post('/api/v1/notices', {
      taskId: infrastructure,
      orgUnitId: housing,
      reason: '未报送',
      requiredAction: '补报',
      replyDue,
      ackDue: addDays(replyDue, 1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.ackDue');
  });
});
