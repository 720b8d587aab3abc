import { describe, expect, it } from 'vitest';
import { fileTestContext } from '../../test/harness.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { scheduledJobs } from '../../jobs/schedule.ts';
import { fileStoreOf } from '../../storage/file-store.ts';
import { DAOLI, phonePhoto, postPhoto, report } from './fixtures.ts';
import { INTAKE_KEY_KEEP_DAYS, sweepCaseLeftovers } from './sweeps.ts';

const ctx = fileTestContext();

const DAY_MS = 86_400_000;

async function upload(): Promise<string> {
  const res = await postPhoto(ctx, '/api/v1/public/case-photos', await phonePhoto(800, 600));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const body = (description: string) => ({
  categoryCode: 'event-poster',
  description,
  ...DAOLI,
  regionCode: '230102001',
});

describe('the case-sweep job', () => {
  it('removes unused photos after a day and intake keys after their keeping time, once across servers, and nothing else', async () => {
    const files = fileStoreOf(ctx.config);
    const stalePhoto = await upload();
    const freshPhoto = await upload();
    const stale = await ctx.db
      .selectFrom('case_photo_upload')
      .selectAll()
      .where('id', '=', stalePhoto)
      .executeTakeFirstOrThrow();
    (await files.open(stale.storage_key))!.destroy();
    await ctx.db
      .updateTable('case_photo_upload')
      .set({ uploaded_at: new Date(Date.now() - 2 * DAY_MS) })
      .where('id', '=', stalePhoto)
      .execute();

    const oldKey = crypto.randomUUID();
    const newKey = crypto.randomUUID();
    const first = await report(ctx, body('路灯杆上贴满小广告'), oldKey);
    expect(first.statusCode, first.body).toBe(201);
    expect((await report(ctx, body('公交站牌上贴满小广告'), newKey)).statusCode).toBe(201);
    await ctx.db
      .updateTable('case_intake_key')
      .set({ created_at: new Date(Date.now() - (INTAKE_KEY_KEEP_DAYS + 1) * DAY_MS) })
      .where('key', '=', oldKey)
      .execute();

    // Only a server that has the file store schedules the sweep.
    expect(scheduledJobs({ jobsIntervalMinutes: 0 }).map((j) => j.name)).not.toContain('case-sweep');
    const jobs = scheduledJobs({ jobsIntervalMinutes: 0 }, files).filter((j) => j.name === 'case-sweep');
    const now = new Date();
    const [ran, again] = await Promise.all([runDueJobs(ctx.db, jobs, { now }), runDueJobs(ctx.db, jobs, { now })]);
    expect([...ran, ...again]).toEqual(['case-sweep']);
    const job = await ctx.db
      .selectFrom('scheduled_job')
      .selectAll()
      .where('name', '=', 'case-sweep')
      .executeTakeFirstOrThrow();
    expect(job.last_result).toMatchObject({ photos: 1, intakeKeys: 1 });

    // The stale photo is gone with both its files; the fresh one is still served.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/public/case-photos/${stalePhoto}` })).statusCode).toBe(
      404,
    );
    expect(await files.open(stale.storage_key)).toBeUndefined();
    expect(await files.open(stale.display_key)).toBeUndefined();
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/public/case-photos/${freshPhoto}` })).statusCode).toBe(
      200,
    );

    // A retry within the keeping time is answered with its case; after it, it makes a new case.
    const replay = await report(ctx, body('公交站牌上贴满小广告'), newKey);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().replayed).toBe(true);
    const late = await report(ctx, body('路灯杆上贴满小广告'), oldKey);
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().number).not.toBe(first.json().number);

    // Safe to repeat: nothing more to remove.
    expect(await sweepCaseLeftovers(ctx.db, files)).toEqual({ photos: 0, intakeKeys: 0 });
    expect(
      await ctx.db.selectFrom('case_photo_upload').select('id').where('id', '=', freshPhoto).execute(),
    ).toHaveLength(1);
  });
});

describe('a photo upload', () => {
  it("waits without a prefecture, moves to its case's prefecture when a report uses it, and is used once", async () => {
    const photoId = await upload();
    expect(await ctx.db.selectFrom('case_photo').select('id').where('id', '=', photoId).execute()).toEqual([]);
    const filed = await report(ctx, { ...body('人行道上堆满建筑垃圾'), photoIds: [photoId] });
    expect(filed.statusCode, filed.body).toBe(201);
    const again = await report(ctx, { ...body('同一张照片再报一次'), photoIds: [photoId] });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.photoIds.0');
    const moved = await ctx.db
      .selectFrom('case_photo as p')
      .innerJoin('problem_case as c', 'c.id', 'p.case_id')
      .select(['p.prefecture_code', 'c.prefecture_code as case_prefecture', 'c.number'])
      .where('p.id', '=', photoId)
      .execute();
    expect(moved).toEqual([{ prefecture_code: '2301', case_prefecture: '2301', number: filed.json().number }]);
    expect(await ctx.db.selectFrom('case_photo_upload').select('id').where('id', '=', photoId).execute()).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/public/case-photos/${photoId}` })).statusCode).toBe(
      200,
    );
  });
});
