import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type Agent, type TestContext } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { PDF, upload } from '../attachments/upload-fixture.ts';
import { unitId } from '../supervision/fixtures.ts';
import { fileOn } from './fixtures.ts';

const CODE = 'heilongjiang-2018-2020';
const AS_OF = '2019-05-20';

let ctx: TestContext;
let housing: string; // 省住建厅, lead unit of task 2.1
let infrastructure: string; // task 2.1
let officer: Agent;

beforeAll(async () => {
  ctx = await createTestContext({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cc-reports-')) });
  ({ housing, infrastructure, officer } = await task21WithLiaison(ctx));
});
afterAll(() => ctx.close());

const report = (overrides: Record<string, unknown> = {}) => ({
  period: '2019-04',
  narrative: '4月完成老旧管网改造12公里，集中供热普及率达到85%。',
  measures: '召开推进会，分解任务到市县。',
  figures: [{ label: '集中供热普及率', value: 85, unit: '%' }],
  ...overrides,
});

type MyTaskItem = {
  taskId: string;
  number: string;
  role: string;
  status: string;
  latestReport: unknown;
  draft: unknown;
};

const myTask = async (agent: Agent, id: string): Promise<MyTaskItem> =>
  (await agent.get(`/api/v1/my/tasks?asOf=${AS_OF}`)).json().items.find((t: MyTaskItem) => t.taskId === id);

describe('a unit officer of 省住建厅 reporting on task 2.1', () => {
  it('files a draft with a PDF, submits it, and the ledger and board show it', async () => {
    const mine = (await officer.get(`/api/v1/my/tasks?asOf=${AS_OF}`)).json();
    expect(mine.asOf).toBe(AS_OF);
    expect(mine.items.find((t: MyTaskItem) => t.number === '2.1')).toMatchObject({
      planCode: CODE,
      role: 'lead',
      status: 'behind',
      colour: 'yellow',
      latestReport: null,
      draft: null,
    });

    const created = await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report());
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1, period: '2019-04', orgUnit: { name: '省住建厅' } });

    const attached = await upload(ctx, officer, `/api/v1/reports/${draft.id}/attachments`, '供热改造进展.pdf', PDF);
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ fileName: '供热改造进展.pdf', contentType: 'application/pdf' });

    // A draft is not the latest report anywhere.
    expect(await myTask(officer, infrastructure)).toMatchObject({ latestReport: null, draft: { id: draft.id } });
    const before = (
      await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=${AS_OF}&orgUnitId=${housing}&q=2.1`)
    ).json();
    expect(before.items[0]).toMatchObject({ taskNumber: '2.1', latestReport: null });

    const submitted = await officer.post(`/api/v1/reports/${draft.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', attachments: [{ fileName: '供热改造进展.pdf' }] });
    await fileOn(ctx.db, draft.id, '2019-05-08');
    expect(await myTask(officer, infrastructure)).toMatchObject({ latestReport: { period: '2019-04' }, draft: null });

    const ledger = (await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=${AS_OF}&q=2.1`)).json();
    const row = ledger.items.find((r: { orgUnit: { id: string } }) => r.orgUnit.id === housing);
    // January to March 2019 and all of 2018 were never reported: every missed month counts, so
    // the latest month filed (on time) does not make the row green.
    expect(row).toMatchObject({
      taskNumber: '2.1',
      role: 'lead',
      status: 'behind',
      colour: 'yellow',
      missingPeriods: 15,
      latePeriods: 0,
      latestReport: { period: '2019-04', late: false, excerpt: expect.stringContaining('老旧管网改造') },
    });
    const board = (await ctx.admin.get(`/api/v1/plans/${CODE}/board?asOf=${AS_OF}`)).json();
    expect(board.counts.behind).toBeGreaterThanOrEqual(1);
    expect(board.byProgramme.find((p: { code: string }) => p.code === '2').counts.behind).toBeGreaterThanOrEqual(1);

    const file = await ctx.admin.get(`/api/v1/attachments/${attached.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('供热改造进展.pdf'));
  });

  it('is corrected by a new version; both versions and both submissions stay in history and audit', async () => {
    const first = (await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period: '2019-03' }))).json();
    await upload(ctx, officer, `/api/v1/reports/${first.id}/attachments`, '三月.pdf', PDF);
    await officer.post(`/api/v1/reports/${first.id}/submit`);
    await fileOn(ctx.db, first.id, '2019-04-05');
    expect((await officer.patch(`/api/v1/reports/${first.id}`, { narrative: 'x' })).statusCode).toBe(409);

    const correction = await officer.post(`/api/v1/reports/${first.id}/correct`);
    expect(correction.statusCode).toBe(201);
    const second = correction.json();
    expect(second).toMatchObject({
      status: 'draft',
      version: 2,
      supersedesId: first.id,
      narrative: first.narrative,
      attachments: [{ fileName: '三月.pdf' }],
    });
    // While the correction is a draft, the first version stays in force.
    const ledgerRow = async () =>
      (await ctx.admin.get(`/api/v1/plans/${CODE}/ledger?asOf=${AS_OF}&orgUnitId=${housing}&q=2.1`)).json().items[0];
    expect((await ledgerRow()).latestReport.period).toBe('2019-04');

    await officer.patch(`/api/v1/reports/${second.id}`, { narrative: '更正：3月改造管网10公里。' });
    expect((await officer.post(`/api/v1/reports/${second.id}/submit`)).json()).toMatchObject({ status: 'submitted' });

    const history = (await officer.get(`/api/v1/tasks/${infrastructure}/reports`)).json().items;
    const march = history.filter((r: { period: string }) => r.period === '2019-03');
    expect(march.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
      [2, 'submitted'],
      [1, 'superseded'],
    ]);
    expect(march[1]).toMatchObject({ narrative: first.narrative, attachments: [{ fileName: '三月.pdf' }] });
    expect(march[0].narrative).toBe('更正：3月改造管网10公里。');
    // The evidence travelled with the correction; each version's copy downloads on its own.
    for (const version of march) {
      const file = await ctx.admin.get(`/api/v1/attachments/${version.attachments[0].id}`);
      expect(file.rawPayload.equals(PDF)).toBe(true);
    }

    const audit = (await ctx.admin.get('/api/v1/audit?entityType=progress_report&limit=100')).json().items;
    const submits = audit.filter((a: { action: string }) => a.action === 'report.submit');
    expect(submits.map((a: { entityId: string }) => a.entityId)).toEqual(expect.arrayContaining([first.id, second.id]));
    const corrected = audit.find((a: { action: string }) => a.action === 'report.correct');
    expect(corrected).toMatchObject({ entityId: second.id, before: { id: first.id, status: 'submitted' } });
  });

  it('discarding a correction puts the corrected version back in force', async () => {
    const first = (await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period: '2019-02' }))).json();
    await officer.post(`/api/v1/reports/${first.id}/submit`);
    const second = (await officer.post(`/api/v1/reports/${first.id}/correct`)).json();
    expect((await officer.delete(`/api/v1/reports/${second.id}`)).statusCode).toBe(204);
    const history = (await officer.get(`/api/v1/tasks/${infrastructure}/reports`)).json().items;
    expect(history.filter((r: { period: string }) => r.period === '2019-02')).toMatchObject([
      { id: first.id, status: 'submitted' },
    ]);
  });
});

describe('the default upload limit', () => {
  it('accepts a file larger than the JSON body limit (20 MiB by default)', async () => {
    expect(ctx.config.uploadMaxBytes).toBe(20 * 1024 * 1024);
    const draft = (await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period: '2019-01' }))).json();
    const scan = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const res = await upload(ctx, officer, `/api/v1/reports/${draft.id}/attachments`, '扫描件.pdf', scan);
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeBytes).toBe(scan.length);
  });
});

describe('refusals', () => {
  it('403 for a unit not assigned to the task, and for roles that do not file', async () => {
    const education = await unitId(ctx.db, '省教育厅');
    const other = (await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: education })).agent;
    const refused = await other.post(`/api/v1/tasks/${infrastructure}/reports`, report());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await ctx.admin.post(`/api/v1/tasks/${infrastructure}/reports`, report())).statusCode).toBe(403);
    const history = await other.get(`/api/v1/tasks/${infrastructure}/reports?orgUnitId=${housing}`);
    expect(history.statusCode).toBe(403);
  });

  it('400 naming body.period for a period off the cadence or outside the plan; 409 for a second live report', async () => {
    for (const period of ['2019-Q2', '2021-01', '2017-12']) {
      const res = await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period }));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.period');
    }
    const bad = await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ milestonesDone: ['nope'] }));
    expect(bad.json().errors[0].field).toBe('body.milestonesDone');
    const both = await Promise.all(
      [1, 2].map(() => officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period: '2019-05' }))),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const again = await officer.post(`/api/v1/tasks/${infrastructure}/reports`, report({ period: '2019-05' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('body.period');
  });
});
