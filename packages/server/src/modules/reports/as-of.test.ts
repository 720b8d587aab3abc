import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, periodBounds, periodsBetween } from '@chuangcheng/core';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { provincialMeeting, unitId } from '../supervision/fixtures.ts';
import { fileReport } from './fixtures.ts';

/*
 * Issue 18's faults of the ledger and the board, each reasoned by hand on task 2.1 (monthly
 * reporting from 2018-01, deadline 2020-12-31): a view as of D is what was on record on D.
 */
const CODE = 'heilongjiang-2018-2020';

const ctx = fileTestContext();
let task21: string;
let housing: string; // 省住建厅, lead unit of 2.1
let development: string; // 省发改委, participating in 2.1
let authorId: string;
let daqingAdmin: Agent;

beforeAll(async () => {
  ({ infrastructure: task21, housing, officerId: authorId } = await task21WithLiaison(ctx));
  development = await unitId(ctx.db, '省发改委');
  daqingAdmin = await buildAgent(ctx, 'city_admin', '2306');
});

/** Files a report on task 2.1 for a period on a given day (10:00 in China), as the record would show it. */
const file = (orgUnitId: string, period: string, filedOn: string, extra: { completed?: boolean } = {}) =>
  fileReport(ctx.db, { taskId: task21, orgUnitId, authorId, period, filedOn, ...extra });

type Row = {
  orgUnit: { id: string };
  taskNumber: string;
  status: string;
  colour: string;
  missingPeriods: number;
  latePeriods: number;
  latestReport: { period: string; late: boolean } | null;
};

const rowOn = async (asOf: string, unit: string) => {
  const res = await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=${asOf}&orgUnitId=${unit}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as Row[]).find((r) => r.taskNumber === '2.1')!;
};

describe('a view as of a day is a point in time', () => {
  it('counts only reports filed by that day and periods up to it, and marks late reports', async () => {
    // 2018-01 … 2019-03 filed on time (the 5th of the next month); April filed on 05-25, after
    // its deadline (05-10); then a report for 2020-12 declaring completion, filed on 2021-01-05.
    for (const period of periodsBetween('monthly', '2018-01-01', '2019-03-31')) {
      await file(housing, period, addDays(periodBounds(period).end, 5));
    }
    const april = await file(housing, '2019-04', '2019-05-25');
    await file(housing, '2020-12', '2021-01-05', { completed: true });

    // On 05-20 April's report was not yet filed: behind, one month missing, latest is March.
    expect(await rowOn('2019-05-20', housing)).toMatchObject({
      status: 'behind',
      missingPeriods: 1,
      latePeriods: 0,
      latestReport: { period: '2019-03', late: false },
    });
    // On 06-01 it was, late: counted, and marked.
    expect(await rowOn('2019-06-01', housing)).toMatchObject({
      status: 'on_track',
      missingPeriods: 0,
      latePeriods: 1,
      latestReport: { period: '2019-04', late: true },
    });
    // In 2020-10 the completion report did not exist and its period had not come: not done.
    // Months 2019-05 … 2020-09 are missing (September's deadline, 10-10, has passed): 8 + 9.
    expect(await rowOn('2020-10-15', housing)).toMatchObject({ status: 'behind', missingPeriods: 17 });
    // Once filed, it is done.
    expect((await rowOn('2021-02-01', housing)).status).toBe('done');

    // The same questions give the same answers later: nothing filed since changes 2019-05-20.
    await file(housing, '2019-05', '2021-03-01');
    expect((await rowOn('2019-05-20', housing)).missingPeriods).toBe(1);

    // The report history marks the late report too.
    const history = (await ctx.admin.get(`/api/v1/tasks/${task21}/reports?orgUnitId=${housing}`)).json().items as {
      id: string;
      late: boolean;
    }[];
    expect(history.find((r) => r.id === april)!.late).toBe(true);
    // April and May (filed 2021-03-01); 2020-12, filed 2021-01-05, was within its deadline (01-10).
    expect(history.filter((r) => r.late)).toHaveLength(2);
  });
});

describe('every missed month counts', () => {
  it('keeps a unit that filed May but missed the months before it behind, not green', async () => {
    await file(development, '2019-05', '2019-06-05');
    const row = await rowOn('2019-06-20', development);
    // 2018-01 … 2019-04: sixteen months missing, May filed.
    expect(row).toMatchObject({ status: 'behind', colour: 'yellow', missingPeriods: 16 });
  });
});

describe('overdue action items', () => {
  it('appear on the board and in the ledger (and its Excel export) while overdue on the day asked', async () => {
    const meetingId = await provincialMeeting(ctx.db, {
      title: '省创城联席会议（第二次）',
      held_on: '2019-04-10',
      created_by: authorId,
      created_at: new Date('2019-04-10T16:00:00+08:00'),
    });
    const itemId = crypto.randomUUID();
    await ctx.db
      .insertInto('action_item')
      .values({
        id: itemId,
        prefecture_code: '23',
        meeting_id: meetingId,
        title: '报送老旧供热管网改造计划',
        owner_org_unit_id: housing,
        due: '2019-05-01',
        status: 'open',
        created_at: new Date('2019-04-10T16:00:00+08:00'),
      })
      .execute();
    const board = async (asOf: string, agent = ctx.admin) =>
      (await agent.get(`/api/v1/plans/${CODE}/board?asOf=${asOf}`)).json();

    expect((await board('2019-04-20')).overdueActionItems).toEqual([]);
    const overdue = (await board('2019-05-20')).overdueActionItems;
    expect(overdue).toEqual([
      {
        id: itemId,
        title: '报送老旧供热管网改造计划',
        due: '2019-05-01',
        daysOverdue: 19,
        meeting: { id: meetingId, title: '省创城联席会议（第二次）', heldOn: '2019-04-10' },
        orgUnit: { id: housing, name: '省住建厅' },
      },
    ]);
    // A provincial department's item is not 大庆's.
    expect((await board('2019-05-20', daqingAdmin)).overdueActionItems).toEqual([]);

    const ledger = (await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=2019-05-20`)).json();
    expect(ledger.overdueActionItems.map((i: { id: string }) => i.id)).toEqual([itemId]);
    const xlsx = await ctx.admin.get(`/api/v1/plans/${CODE}/ledger.xlsx?asOf=2019-05-20`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('逾期会议议定事项')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      1,
      '报送老旧供热管网改造计划',
      '省住建厅',
      '2019-05-01',
      19,
      '省创城联席会议（第二次）（2019-04-10）',
    ]);

    // Completed on 05-25: still overdue as of 05-20, no longer as of 06-01.
    await ctx.db
      .updateTable('action_item')
      .set({ status: 'done', completed_at: new Date('2019-05-25T10:00:00+08:00') })
      .where('id', '=', itemId)
      .execute();
    expect((await board('2019-05-20')).overdueActionItems).toHaveLength(1);
    expect((await board('2019-06-01')).overdueActionItems).toEqual([]);
  });
});
