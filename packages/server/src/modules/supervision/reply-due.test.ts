import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addDays, buildWorkingCalendar, HolidayYear, replyDueInWorkingDays } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { taskId, unitId } from './fixtures.ts';
import { todayInChina } from './units.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('a 督办单 reply deadline in working days (回复期限“5个工作日”)', () => {
  it('is counted over the holiday calendar the cases module loads; a date or days, not both', async () => {
    const body = {
      taskId: await taskId(ctx.db, '2.1'),
      orgUnitId: await unitId(ctx.db, '省住建厅'),
      reason: '进展滞后',
      requiredAction: '报送整改措施',
    };
    const res = await ctx.admin.post('/api/v1/notices', { ...body, replyWorkingDays: 5 });
    expect(res.statusCode).toBe(201);
    const file = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'data/cases/holidays.yaml'), 'utf8')) as {
      years: unknown[];
    };
    const calendar = buildWorkingCalendar(file.years.map((y) => HolidayYear.parse(y)));
    const expected = replyDueInWorkingDays(calendar, todayInChina(), 5);
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
