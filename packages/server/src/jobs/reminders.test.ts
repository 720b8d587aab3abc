import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildUser, fileTestContext } from '../test/harness.ts';
import { task21 } from '../test/province.ts';
import { taskId, unitId } from '../modules/supervision/fixtures.ts';
import { todayInChina } from '../modules/supervision/units.ts';
import { runReminders } from './reminders.ts';
import { firstLoggedPass, servedJobs } from '../test/serve-jobs.ts';

const ctx = fileTestContext();
let housing: string;
let infrastructure: string;

beforeAll(async () => {
  ({ housing, infrastructure } = await task21(ctx));
});

const countAll = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const thresholdsOf = async (subjectId: string, recipient = housing) =>
  (
    await ctx.db
      .selectFrom('notification')
      .select('threshold')
      .where('subject_id', '=', subjectId)
      .where('recipient_org_unit_id', '=', recipient)
      .orderBy('threshold')
      .execute()
  ).map((r) => r.threshold);

describe('the reminder job', () => {
  it('does not flood units with the reminders of a plan that ended years ago', async () => {
    // The shipped plan ends in 2020; a first start in 2026 used to push 194 task reminders.
    const before = await countAll();
    expect((await runReminders(ctx.db, '2026-12-06')).tasks).toBe(0);
    expect(await countAll()).toBe(before);
  });

  it('reminds about a missing report after the grace days, once, however often it runs', async () => {
    const first = await runReminders(ctx.db, '2019-06-15');
    expect(first.tasks).toBeGreaterThan(0);
    expect(await thresholdsOf(infrastructure)).toEqual(['missing-2019-05']);
    const after = await countAll();
    expect(await runReminders(ctx.db, '2019-06-15')).toEqual({ tasks: 0, notices: 0, actionItems: 0, escalated: 0 });
    expect(await countAll()).toBe(after);

    // Within the grace days, June is not yet missing; May's reminder is not repeated.
    await runReminders(ctx.db, '2019-07-05');
    expect(await thresholdsOf(infrastructure)).toEqual(['missing-2019-05']);
  });

  it('creates each reminder once when two runs race', async () => {
    const before = await countAll();
    const runs = await Promise.all([runReminders(ctx.db, '2019-09-20'), runReminders(ctx.db, '2019-09-20')]);
    const created = (await countAll()) - before;
    expect(created).toBeGreaterThan(0);
    expect(runs[0]!.tasks + runs[1]!.tasks).toBe(created);
    await Promise.all([runReminders(ctx.db, '2019-09-20'), runReminders(ctx.db, '2019-09-20')]);
    expect((await countAll()) - before).toBe(created);
    expect(await thresholdsOf(infrastructure)).toContain('missing-2019-08');
  });

  it('skips a period the unit has reported, and warns 30 and 7 days before the deadline', async () => {
    const author = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: housing });
    await ctx.db
      .insertInto('progress_report')
      .values({
        id: crypto.randomUUID(),
        task_id: infrastructure,
        org_unit_id: housing,
        region_code: '23',
        prefecture_code: '23',
        period: '2020-10',
        version: 1,
        status: 'submitted',
        figures: '[]',
        milestones_done: '[]',
        author_id: author.id,
        // Filed on time, before the day the reminder runs: as of 2020-11-15 it is in force.
        submitted_at: new Date('2020-11-05T10:00:00+08:00'),
      })
      .execute();
    const deadline = (
      await ctx.db
        .selectFrom('plan_target')
        .select((eb) => eb.fn.max('deadline').as('d'))
        .where('task_id', '=', infrastructure)
        .executeTakeFirstOrThrow()
    ).d as string;
    await runReminders(ctx.db, '2020-11-15');
    let seen = await thresholdsOf(infrastructure);
    expect(seen).not.toContain('missing-2020-10');
    await runReminders(ctx.db, addDays(deadline, -20));
    await runReminders(ctx.db, addDays(deadline, -5));
    await runReminders(ctx.db, addDays(deadline, 1));
    seen = await thresholdsOf(infrastructure);
    expect(seen).toEqual(expect.arrayContaining(['due-30', 'due-7', 'overdue']));
  });

  it('reminds about each milestone before and after its date, without calling the task overdue', async () => {
    // Task 2.2's pilot-city milestones fall on 2018-12-31; its deadline is 2020-12-31.
    const waste = await taskId(ctx.db, '2.2');
    // Earlier runs here went past 2020-12-31; start 2.2's reminders afresh.
    await ctx.db.deleteFrom('notification').where('subject_id', '=', waste).execute();
    await runReminders(ctx.db, '2018-12-26');
    expect(await thresholdsOf(waste)).toEqual(
      expect.arrayContaining([
        'milestone-waste-sorting-demonstration-areas-due-7',
        'milestone-waste-sorting-implementation-plans-due-7',
      ]),
    );
    await runReminders(ctx.db, '2019-01-02');
    const seen = await thresholdsOf(waste);
    expect(seen).toEqual(
      expect.arrayContaining([
        'milestone-waste-sorting-demonstration-areas-missed',
        'milestone-waste-sorting-implementation-plans-missed',
      ]),
    );
    expect(seen).not.toContain('overdue');
  });

  it('does not report a month under correction as missing', async () => {
    // 省发改委 filed October 2019 on time, then opened a correction (still a draft): the
    // October report stays in force, as the ledger counts it.
    const development = await unitId(ctx.db, '省发改委');
    const author = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: development });
    const original = crypto.randomUUID();
    const row = {
      task_id: infrastructure,
      org_unit_id: development,
      region_code: '23',
      prefecture_code: '23',
      period: '2019-10',
      figures: '[]',
      milestones_done: '[]',
      author_id: author.id,
    };
    await ctx.db
      .insertInto('progress_report')
      .values([
        {
          ...row,
          id: original,
          version: 1,
          status: 'superseded',
          submitted_at: new Date('2019-11-05T10:00:00+08:00'),
        },
        { ...row, id: crypto.randomUUID(), version: 2, status: 'draft', supersedes_id: original },
      ])
      .execute();
    await runReminders(ctx.db, '2019-11-15');
    expect(await thresholdsOf(infrastructure, development)).not.toContain('missing-2019-10');
    const ledger = (
      await ctx.admin.get(`/api/v1/plans/heilongjiang-2018-2020/ledger?asOf=2019-11-15&orgUnitId=${development}`)
    ).json();
    const inLedger = ledger.items.find((r: { taskNumber: string }) => r.taskNumber === '2.1');
    expect(inLedger.latestReport.period).toBe('2019-10');
  });

  it('reminds about notice replies and escalates overdue ones', async () => {
    const replyDue = addDays(todayInChina(), 5);
    const issued = await ctx.admin.post('/api/v1/notices', {
      taskId: infrastructure,
      orgUnitId: housing,
      reason: '未报送',
      requiredAction: '补报',
      replyDue,
    });
    const id = issued.json().id as string;
    expect((await runReminders(ctx.db, addDays(replyDue, -2))).notices).toBeGreaterThan(0);
    const late = await runReminders(ctx.db, addDays(replyDue, 1));
    expect(late.escalated).toBe(1);
    // Not acknowledged by its 签收 deadline (two days after issue) either.
    expect(await thresholdsOf(id)).toEqual(['ack-overdue', 'issued', 'overdue', 'reply-due-3']);
    expect(await thresholdsOf(id, await unitId(ctx.db, '省精神文明办'))).toEqual(['escalated']);
    expect((await runReminders(ctx.db, addDays(replyDue, 1))).escalated).toBe(0);
  });
});

describe("reminders on the plan's own thresholds and on old data", () => {
  it("keys the early deadline reminder by the plan's due-soon days", async () => {
    const plan = await ctx.db
      .selectFrom('plan')
      .select(['id', 'supervision_rules'])
      .where('code', '=', 'heilongjiang-2018-2020')
      .executeTakeFirstOrThrow();
    const waste = await taskId(ctx.db, '2.4');
    await ctx.db
      .updateTable('plan')
      .set({ supervision_rules: JSON.stringify({ ...(plan.supervision_rules as object), dueSoonDays: 45 }) })
      .where('id', '=', plan.id)
      .execute();
    try {
      const deadline = (
        await ctx.db
          .selectFrom('plan_target')
          .select((eb) => eb.fn.max('deadline').as('d'))
          .where('task_id', '=', waste)
          .executeTakeFirstOrThrow()
      ).d as string;
      const water = await unitId(ctx.db, '省水利厅');
      await ctx.db.deleteFrom('notification').where('subject_id', '=', waste).execute();
      // 40 days before: inside 45 days, outside the default 30.
      await runReminders(ctx.db, addDays(deadline, -40));
      await runReminders(ctx.db, addDays(deadline, -40));
      expect((await thresholdsOf(waste, water)).filter((t) => t.startsWith('due-'))).toEqual(['due-45']);
      await runReminders(ctx.db, addDays(deadline, -3));
      expect((await thresholdsOf(waste, water)).filter((t) => t.startsWith('due-'))).toEqual(['due-45', 'due-7']);
    } finally {
      await ctx.db
        .updateTable('plan')
        .set({ supervision_rules: JSON.stringify(plan.supervision_rules) })
        .where('id', '=', plan.id)
        .execute();
    }
  });

  it('does not push reminders for notices and action items that went overdue long before a first start', async () => {
    // Old data: a 督办单 unacknowledged and unanswered since 2019, and a meeting's item overdue since 2019.
    const notice = (
      await ctx.admin.post('/api/v1/notices', {
        taskId: infrastructure,
        orgUnitId: housing,
        reason: '进展滞后',
        requiredAction: '报送整改措施',
        replyDue: addDays(todayInChina(), 10),
      })
    ).json();
    await ctx.db
      .updateTable('supervision_notice')
      .set({ issued_at: new Date('2019-05-06T10:00:00+08:00'), ack_due: '2019-05-08', reply_due: '2019-05-20' })
      .where('id', '=', notice.id)
      .execute();
    const meeting = (
      await ctx.admin.post('/api/v1/meetings', {
        planCode: 'heilongjiang-2018-2020',
        title: '2019年第二次联席会议',
        heldOn: '2019-05-10',
        attendeeOrgUnitIds: [housing],
        decisions: '限期整改',
        actionItems: [{ title: '报送整改情况', ownerOrgUnitId: housing, due: '2019-05-31' }],
      })
    ).json();
    const item = meeting.actionItems[0].id as string;
    const counts = await runReminders(ctx.db, todayInChina());
    expect(counts.notices).toBe(0);
    expect(counts.actionItems).toBe(0);
    expect((await thresholdsOf(notice.id)).filter((t) => t !== 'issued')).toEqual([]);
    expect(await thresholdsOf(item)).toEqual([]);
  });
});

describe('the schedule in serve', () => {
  it('runs at once and then on its interval, and not at all when the interval is 0', async () => {
    expect(servedJobs('reminders', 0)).toEqual([]);
    const logged = await firstLoggedPass(ctx, servedJobs('reminders', 60));
    expect(logged).toMatchObject({ job: 'reminders', asOf: todayInChina() });
  });
});
