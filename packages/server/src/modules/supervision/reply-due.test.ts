import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addDays, buildWorkingCalendar, HolidayYear, replyDueInWorkingDays } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import { fileTestContext } from '../../test/harness.ts';
import { noticeOnTask21, task21WithLiaison } from '../../test/province.ts';
import { todayInChina } from './units.ts';

const ctx = fileTestContext();

/** The calendar the server counts over, read here from the same file. */
function calendar() {
  const file = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'data/cases/holidays.yaml'), 'utf8')) as {
    years: unknown[];
  };
  return buildWorkingCalendar(file.years.map((y) => HolidayYear.parse(y)));
}

describe('a 督办单 reply deadline in working days (回复期限“5个工作日”)', () => {
  it('is counted over the holiday calendar the cases module loads; a date or days, not both', async () => {
    const body = await noticeOnTask21(ctx, { replyDue: undefined });
    const res = await ctx.admin.post('/api/v1/notices', { ...body, replyWorkingDays: 5 });
    expect(res.statusCode).toBe(201);
    const expected = replyDueInWorkingDays(calendar(), todayInChina(), 5);
    expect(res.json().replyDue).toBe(expected);
    // Five working days are at least five calendar days.
    expect(expected >= addDays(todayInChina(), 5)).toBe(true);

    const both = await ctx.admin.post('/api/v1/notices', { ...body, replyWorkingDays: 5, replyDue: expected });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('body.replyWorkingDays');
    const neither = await ctx.admin.post('/api/v1/notices', body);
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('body.replyDue');
    const tooMany = await ctx.admin.post('/api/v1/notices', { ...body, replyWorkingDays: 61 });
    expect(tooMany.statusCode).toBe(400);
    const count = await ctx.db
      .selectFrom('supervision_notice')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count!.n)).toBe(1);
  });
});

describe('签收, 延期 and 退回重办 deadlines in working days (decision 0142)', () => {
  it('sets the 签收 deadline in working days, within the reply date, and names the field when wrong', async () => {
    const body = await noticeOnTask21(ctx, { replyDue: undefined, replyWorkingDays: 10 });
    const res = await ctx.admin.post('/api/v1/notices', { ...body, ackWorkingDays: 2 });
    expect(res.statusCode).toBe(201);
    expect(res.json().ackDue).toBe(replyDueInWorkingDays(calendar(), todayInChina(), 2));
    const both = await ctx.admin.post('/api/v1/notices', { ...body, ackWorkingDays: 2, ackDue: todayInChina() });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('body.ackWorkingDays');
    const pastReply = await ctx.admin.post('/api/v1/notices', { ...body, replyWorkingDays: 2, ackWorkingDays: 5 });
    expect(pastReply.statusCode).toBe(400);
    expect(pastReply.json().errors[0].field).toBe('body.ackWorkingDays');
    expect(both.json().errors[0].message).toBe('日期和工作日数只能填写一项');
    const english = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      payload: { ...body, ackWorkingDays: 2, ackDue: todayInChina() },
      headers: { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken, 'accept-language': 'en' },
    });
    expect(english.json().errors[0].message).toBe('give a date or a number of working days, not both');
  });

  it('extends by working days after the current reply date, and returns with a new date in working days', async () => {
    const { officer } = await task21WithLiaison(ctx);
    const body = await noticeOnTask21(ctx, { replyDue: addDays(todayInChina(), 10) });
    const notice = (await ctx.admin.post('/api/v1/notices', body)).json();
    const at = (action: string, body: object, agent = officer) =>
      agent.post(`/api/v1/notices/${notice.id}/${action}`, body);
    const both = await at('extension', {
      requestedWorkingDays: 5,
      requestedDue: addDays(notice.replyDue, 9),
      reason: '需协调',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('body.requestedWorkingDays');
    const neither = await at('extension', { reason: '需协调' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('body.requestedDue');
    const extended = replyDueInWorkingDays(calendar(), notice.replyDue, 5);
    const asked = await at('extension', { requestedWorkingDays: 5, reason: '需协调省财政厅资金' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().extension).toMatchObject({ requestedDue: extended, status: 'pending' });
    const granted = await at('extension/decision', { approve: true }, ctx.admin);
    expect(granted.json().replyDue).toBe(extended);

    expect((await at('reply', { text: '已报送整改方案' })).statusCode).toBe(200);
    const again = replyDueInWorkingDays(calendar(), todayInChina(), 3);
    const returned = await at('return', { reason: '整改措施不具体', replyWorkingDays: 3 }, ctx.admin);
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', replyDue: again });
    expect((await at('reply', { text: '已补充时间表' })).statusCode).toBe(200);
    const twice = await at('return', { reason: 'x', replyWorkingDays: 3, replyDue: again }, ctx.admin);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('body.replyWorkingDays');
    expect((await ctx.admin.get(`/api/v1/notices/${notice.id}`)).json().status).toBe('replied');
  });
});
