import crypto from 'node:crypto';
import { addDays } from '@chuangcheng/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type Agent, type TestContext } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { provincialMeeting, unitId } from '../supervision/fixtures.ts';
import { sweepStaleUploads } from './storage.ts';
import { filesUnder, PDF, PNG, upload } from './upload-fixture.ts';

const MAX_BYTES = 4096;

let ctx: TestContext;
let uploads: string;
let housing: string; // 省住建厅, lead unit of task 2.1
let infrastructure: string; // task 2.1
let officer: Agent;
let draftId: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-attachments-'));
  uploads = path.join(dataDir, 'uploads');
  ctx = await createTestContext({ dataDir, uploadMaxBytes: MAX_BYTES });
  ({ housing, infrastructure, officer } = await task21WithLiaison(ctx));
  const draft = await officer.post(`/api/v1/tasks/${infrastructure}/reports`, {
    period: '2019-06',
    narrative: '六月进展',
  });
  draftId = draft.json().id;
});
afterAll(() => ctx.close());

const reportUrl = () => `/api/v1/reports/${draftId}/attachments`;

describe('evidence attachments on a draft report', () => {
  it('stores a PNG under uploads/<yyyy>/<uuid> with its sha256', async () => {
    const res = await upload(ctx, officer, reportUrl(), '现场照片.PNG', PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: crypto.createHash('sha256').update(PNG).digest('hex'),
    });
    expect(filesUnder(uploads).filter((f) => /^\d{4}\/[0-9a-f-]{36}$/.test(f))).toHaveLength(1);
  });

  it('refuses wrong types and oversized files, leaving no file on disk and the report unchanged', async () => {
    const before = filesUnder(uploads);
    const reportBefore = (
      await ctx.db.selectFrom('progress_report').selectAll().where('id', '=', draftId).execute()
    )[0];
    const cases: [string, Buffer, number, string][] = [
      ['tool.exe', Buffer.from('MZ\x90\x00'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['fake.pdf', PNG, 415, 'UNSUPPORTED_FILE_TYPE'],
      ['data.csv', Buffer.from([0x61, 0x00, 0x62]), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 413, 'FILE_TOO_LARGE'],
    ];
    for (const [name, content, status, code] of cases) {
      const res = await upload(ctx, officer, reportUrl(), name, content);
      expect(res.statusCode, name).toBe(status);
      expect(res.json()).toMatchObject({ code, errors: [{ field: 'body.file' }] });
    }
    const wrongField = await upload(ctx, officer, reportUrl(), 'a.pdf', PDF, 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().errors[0].field).toBe('body.file');
    const json = await officer.post(reportUrl(), { file: 'x' });
    expect(json.statusCode).toBe(400);

    expect(filesUnder(uploads)).toEqual(before);
    const rows = await ctx.db.selectFrom('attachment').select('id').where('owner_id', '=', draftId).execute();
    expect(rows).toHaveLength(1);
    const reportAfter = (await ctx.db.selectFrom('progress_report').selectAll().where('id', '=', draftId).execute())[0];
    expect(reportAfter).toEqual(reportBefore);
  });

  it('refuses another unit, a submitted report, and readers outside the scope', async () => {
    const education = await unitId(ctx.db, '省教育厅');
    const other = (await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: education })).agent;
    expect((await upload(ctx, other, reportUrl(), 'a.pdf', PDF)).statusCode).toBe(403);
    const [stored] = await ctx.db.selectFrom('attachment').select('id').where('owner_id', '=', draftId).execute();
    expect((await other.get(`/api/v1/attachments/${stored!.id}`)).statusCode).toBe(403);
    const daqing = (await buildUser(ctx, { role: 'city_admin', regionCode: '2306' })).agent;
    const outside = await daqing.get(`/api/v1/attachments/${stored!.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');

    await officer.post(`/api/v1/reports/${draftId}/submit`);
    expect((await upload(ctx, officer, reportUrl(), 'late.pdf', PDF)).statusCode).toBe(409);
  });

  it('discarding a draft removes its files', async () => {
    const draft = (await officer.post(`/api/v1/tasks/${infrastructure}/reports`, { period: '2019-07' })).json();
    const res = await upload(ctx, officer, `/api/v1/reports/${draft.id}/attachments`, 'b.pdf', PDF);
    const count = filesUnder(uploads).length;
    expect((await officer.delete(`/api/v1/reports/${draft.id}`)).statusCode).toBe(204);
    expect(filesUnder(uploads)).toHaveLength(count - 1);
    expect((await ctx.admin.get(`/api/v1/attachments/${res.json().id}`)).statusCode).toBe(404);
  });
});

describe('evidence on notice replies and joint meetings', () => {
  it("lets the notice's own unit attach, and supervision.write in scope attach to a meeting", async () => {
    const replyDue = addDays(new Date().toISOString().slice(0, 10), 7);
    const notice = await ctx.admin.post('/api/v1/notices', {
      taskId: infrastructure,
      orgUnitId: housing,
      reason: '未按月报送',
      requiredAction: '补报',
      replyDue,
    });
    expect(notice.statusCode).toBe(201);
    const noticeUrl = `/api/v1/notices/${notice.json().id}/attachments`;
    expect((await upload(ctx, officer, noticeUrl, '整改说明.pdf', PDF)).statusCode).toBe(201);
    expect((await upload(ctx, ctx.admin, noticeUrl, '整改说明.pdf', PDF)).statusCode).toBe(403);
    // The office reading the notice sees the evidence; lists leave it out.
    const read = (await ctx.admin.get(`/api/v1/notices/${notice.json().id}`)).json();
    expect(read.attachments).toMatchObject([{ fileName: '整改说明.pdf', contentType: 'application/pdf' }]);

    const [admin] = await ctx.db.selectFrom('app_user').select('id').where('username', '=', 'admin').execute();
    const meetingId = await provincialMeeting(ctx.db, {
      title: '联席会议',
      held_on: '2019-06-01',
      created_by: admin!.id,
    });
    const meetingUrl = `/api/v1/meetings/${meetingId}/attachments`;
    const minutes = await upload(ctx, ctx.admin, meetingUrl, '会议纪要.docx', Buffer.from('PK\x03\x04minutes'));
    expect(minutes.statusCode).toBe(201);
    expect((await upload(ctx, officer, meetingUrl, '纪要.pdf', PDF)).statusCode).toBe(403);
    const daqing = (await buildUser(ctx, { role: 'city_admin', regionCode: '2306' })).agent;
    expect((await upload(ctx, daqing, meetingUrl, '纪要.pdf', PDF)).json().code).toBe('OUT_OF_SCOPE');
    expect((await ctx.admin.get(`/api/v1/attachments/${minutes.json().id}`)).statusCode).toBe(200);
    const meeting = (await ctx.admin.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(meeting.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['会议纪要.docx']);
  });

  it("files each attachment under its owner's prefecture, the province's code for provincial owners", async () => {
    const rows = await ctx.db
      .selectFrom('attachment')
      .select(['owner_type', 'region_code', 'prefecture_code'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    // Everything above was attached to provincial records (a provincial unit's report and notice, a
    // provincial meeting): the distribution column carries the province's code, never null.
    for (const row of rows) expect(row).toMatchObject({ region_code: '23', prefecture_code: '23' });
  });
});

describe('storage housekeeping', () => {
  it('answers 404 for a file gone from disk and sweeps temporary files older than an hour', async () => {
    const draft = (await officer.post(`/api/v1/tasks/${infrastructure}/reports`, { period: '2019-08' })).json();
    const res = await upload(ctx, officer, `/api/v1/reports/${draft.id}/attachments`, 'c.pdf', PDF);
    const [row] = await ctx.db.selectFrom('attachment').select('storage_key').where('id', '=', res.json().id).execute();
    fs.rmSync(path.join(uploads, row!.storage_key));
    expect((await officer.get(`/api/v1/attachments/${res.json().id}`)).statusCode).toBe(404);

    const stale = path.join(uploads, '.tmp', 'stale');
    const fresh = path.join(uploads, '.tmp', 'fresh');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await sweepStaleUploads(uploads);
    expect([fs.existsSync(stale), fs.existsSync(fresh)]).toEqual([false, true]);
    fs.rmSync(fresh);
  });
});
