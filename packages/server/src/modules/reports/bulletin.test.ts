import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, periodBounds, periodsBetween } from '@chuangcheng/core';
import { runText, unzipEntry } from '../../test/docx.ts';
import { pdfText } from '../../test/pdf.ts';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { taskId, unitId } from '../supervision/fixtures.ts';
import { fileReport } from './fixtures.ts';

/*
 * The monthly 督查通报 of May 2019 for the province, reasoned by hand on the seed plan (50
 * units on 107 task × unit rows (97 before task 4.2 gained the ten units directly under the provincial government), monthly reporting from 2018-01, every deadline 2020-12-31,
 * task 2.2 with milestones on 2018-12-31). As of 2019-05-31 April's report fell due (05-10):
 *   省司法厅 (1.2 only) filed every month on time            → on track, 红榜, ranked first;
 *   省商务厅 (1.5 only) filed every month on time, but a 督办单 is overdue since 05-20
 *                                                             → on track, 黑榜, ranked second;
 *   省水利厅 (2.4 only) filed every month, April late (05-20) → on track, 黑榜 (迟报), third;
 *   every other row filed nothing                             → behind (省农委 on 2.2: milestone missed).
 * A notice to 省法院 was issued on 05-08 and closed on 05-15.
 */
const CODE = 'heilongjiang-2018-2020';
const URL = `/api/v1/plans/${CODE}/bulletin.docx`;

/** The number, title, scope, period and figures of May's bulletin, the same in the Word file and the PDF. */
const MAY_2019 = [
  '黑文明督通〔2019〕5号（第5期）',
  '关于2019年5月创建工作推进情况的督查通报',
  '通报范围：黑龙江省',
  '通报期间：2019年5月1日至2019年5月31日',
  '任务推进：责任单位承担任务共107项次，已完成0项次，正常推进3项次，进度滞后104项次，逾期未完成0项次。',
  '进展报送：本期应报107份，已报3份，其中按时报送2份、迟报1份，未报104份。',
  '督查督办：本期下发督办单2份，办结销号1份；截至期末逾期未反馈督办单1份，逾期未完成会议议定事项0项。',
];

const ctx = fileTestContext();
let authorId: string;
let overdueNumber: string;

beforeAll(async () => {
  authorId = (
    await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: await unitId(ctx.db, '省司法厅') })
  ).id;
  const file = async (unit: string, task: string, period: string, filedOn: string) =>
    fileReport(ctx.db, {
      taskId: await taskId(ctx.db, task),
      orgUnitId: await unitId(ctx.db, unit),
      authorId,
      period,
      filedOn,
    });
  for (const period of periodsBetween('monthly', '2018-01-01', '2019-04-30')) {
    const onTime = addDays(periodBounds(period).end, 5);
    await file('省司法厅', '1.2', period, onTime);
    await file('省商务厅', '1.5', period, onTime);
    await file('省水利厅', '2.4', period, period === '2019-04' ? '2019-05-20' : onTime);
  }
  await ctx.db
    .insertInto('supervision_office_setting')
    .values({ org_unit_id: await unitId(ctx.db, '省精神文明办'), notice_prefix: '黑文明督' })
    .execute();
  const issue = async (unit: string) => {
    const res = await ctx.admin.post('/api/v1/notices', {
      taskId: await taskId(ctx.db, '1.5'),
      orgUnitId: await unitId(ctx.db, unit),
      reason: '进展滞后',
      requiredAction: '报送整改措施',
      replyDue: '2030-01-01',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const overdue = await issue('省商务厅');
  overdueNumber = overdue.number;
  await ctx.db
    .updateTable('supervision_notice')
    .set({ issued_at: new Date('2019-05-06T10:00:00+08:00'), reply_due: '2019-05-20' })
    .where('id', '=', overdue.id)
    .execute();
  const closed = await issue('省法院');
  await ctx.db
    .updateTable('supervision_notice')
    .set({
      issued_at: new Date('2019-05-08T10:00:00+08:00'),
      reply_due: '2019-05-13',
      replied_at: new Date('2019-05-10T10:00:00+08:00'),
      closed_at: new Date('2019-05-15T10:00:00+08:00'),
      status: 'closed',
    })
    .where('id', '=', closed.id)
    .execute();
});

/** The document's paragraphs' text and its table rows (cells joined by |). */
async function open(query: string) {
  const res = await ctx.admin.get(`${URL}?${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml.document');
  const xml = unzipEntry(res.rawPayload, 'word/document.xml');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runText(c[0])).join('|'),
  );
  return { text: runText(xml), rows, disposition: String(res.headers['content-disposition']) };
}

describe('the monthly 督查通报 as a Word file', () => {
  it('carries the figures, ranking and 红黑榜 of the month as of its last day', async () => {
    const { text, rows, disposition } = await open('period=2019-05');
    expect(disposition).toContain(encodeURIComponent('督查通报-黑龙江省-2019-05.docx'));
    for (const expected of [
      '督 查 通 报',
      ...MAY_2019,
      `逾期督办单：${overdueNumber}（省商务厅，反馈时限2019-05-20）`,
      '省精神文明办',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('红榜：省司法厅黑榜：');
    const black = text.slice(text.indexOf('黑榜：省'), text.indexOf('四、逾期事项'));
    expect(black.startsWith('黑榜：省商务厅（督办单逾期未反馈）、省水利厅（迟报）、')).toBe(true);
    expect(black).toContain('省住建厅（未报）');
    expect(black).not.toContain('省司法厅');
    expect(black).not.toContain('省法院（督办单');

    // Header, then one row per unit: 50 units, best first.
    expect(rows).toHaveLength(51);
    expect(rows[0]).toBe('名次|责任单位|应报|按时|迟报|未报|按时率|已完成|滞后|逾期');
    expect(rows.slice(1, 4)).toEqual([
      '1|省司法厅|1|1|0|0|100%|0|0|0',
      '2|省商务厅|1|1|0|0|100%|0|0|0',
      '3|省水利厅|1|0|1|0|0%|0|0|0',
    ]);
    expect(rows.slice(4).every((row) => /^\d+\|[^|]+\|(\d+)\|0\|0\|\1\|0%\|0\|\1\|0$/.test(row))).toBe(true);

    // The same figures as the board on the same day.
    const board = (await ctx.admin.get(`/api/v1/plans/${CODE}/board?asOf=2019-05-31`)).json();
    expect(board.total).toBe(107);
    expect(board.counts.on_track + board.counts.due_soon).toBe(3);
    expect(board.counts.behind + board.counts.milestone_missed).toBe(104);
    expect(board.overdueNotices.map((n: { number: string }) => n.number)).toEqual([overdueNumber]);
  });

  it('numbers a weekly bulletin in its own series by ISO week', async () => {
    const { text } = await open('period=2019-W21&region=23');
    expect(text).toContain('黑文明督周通〔2019〕21号（第21期）');
    expect(text).toContain('关于2019年第21周创建工作推进情况的督查通报');
    expect(text).toContain('通报期间：2019年5月20日至2019年5月26日');
    expect(text).toContain('本期应报0份');
  });

  it('is refused outside the actor’s scope, to unit officers, and for a bad period', async () => {
    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await daqing.agent.get(`${URL}?period=2019-05&region=23`)).statusCode).toBe(403);
    const own = await daqing.agent.get(`${URL}?period=2019-05`);
    expect(own.statusCode).toBe(200);
    // The shipped plan is the province's: its responsible units are provincial departments, none
    // of them in 大庆市, so a city's bulletin has no task rows and says why instead of bare zeros.
    const cityText = runText(unzipEntry(own.rawPayload, 'word/document.xml'));
    expect(cityText).toContain('本计划的责任单位均不在大庆市');
    expect(cityText).toContain('责任单位承担任务共0项次');
    const officer = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省司法厅'),
    });
    expect((await officer.agent.get(`${URL}?period=2019-05`)).statusCode).toBe(403);
    const bad = await ctx.admin.get(`${URL}?period=2019-13`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('period');
    expect((await ctx.admin.get(`${URL}?period=2019-05&region=9999`)).statusCode).toBe(404);
  });
});

describe('the monthly 督查通报 as a PDF', () => {
  it('carries the same figures, ranking and 红黑榜 as the Word file', async () => {
    const res = await ctx.admin.get(`/api/v1/plans/${CODE}/bulletin.pdf?period=2019-05`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('督查通报-黑龙江省-2019-05.pdf'));
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const expected of [
      '督查通报',
      ...MAY_2019,
      '名次责任单位应报按时迟报未报按时率已完成滞后逾期',
      '1省司法厅1100100%000',
      '2省商务厅1100100%000',
      '3省水利厅10100%000',
      '红榜：省司法厅',
      '黑榜：省商务厅（督办单逾期未反馈）、省水利厅（迟报）、',
      `逾期督办单：${overdueNumber}（省商务厅，反馈时限2019-05-20）`,
      '省精神文明办2019年5月31日',
    ]) {
      expect(text).toContain(expected);
    }
    // All 50 units are ranked, over as many pages as it takes.
    expect(text).toContain('50省');
  });

  it('is refused like the Word file: to unit officers and outside the actor’s scope', async () => {
    const officer = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省司法厅'),
    });
    expect((await officer.agent.get(`/api/v1/plans/${CODE}/bulletin.pdf?period=2019-05`)).statusCode).toBe(403);
    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await daqing.agent.get(`/api/v1/plans/${CODE}/bulletin.pdf?period=2019-05&region=23`)).statusCode).toBe(
      403,
    );
  });
});
