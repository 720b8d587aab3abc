import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CockpitView } from '@chuangcheng/core';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { DAOLI, photoReadFromBoth, randomIp } from '../modules/cases/fixtures.ts';
import { URBAN_ENVIRONMENT_VALUES } from '../modules/indicators/entry-fixture.ts';
import { drainOutbox } from '../outbox/worker.ts';
import { scheduledJobs } from '../jobs/schedule.ts';
import { runDueJobs, type ScheduledJob } from '../jobs/scheduler.ts';
import { databaseUrl, testDbKind } from './databases.ts';
import { buildUser, createTestContext, type TestContext } from './harness.ts';

/*
 * Two server instances on one database, as behind a load balancer. On PostgreSQL the second has its
 * own connection pool; on PGlite (one process by design) both share the one embedded handle. The
 * second is built from a fresh copy of the server's modules (vi.resetModules), so its in-process
 * caches are as separate from the first's as on another machine: nothing but the database and the
 * shared upload directory connects them.
 */

type App = TestContext['app'];

let ctx: TestContext;
let second: App;
let secondHandle: DatabaseHandle | undefined;
let secondModules: {
  drainOutbox: typeof drainOutbox;
  runDueJobs: typeof runDueJobs;
  scheduledJobs: typeof scheduledJobs;
};

beforeAll(async () => {
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-shared-uploads-'));
  ctx = await createTestContext({ uploadsDir });
  let database = ctx.database;
  if (testDbKind() === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(ctx.db);
    secondHandle = await openDatabase({ kind: 'postgres', url: databaseUrl(rows[0]!.name), poolSize: 4 });
    database = secondHandle;
  }
  vi.resetModules();
  const { buildApp } = await import('../app.ts');
  secondModules = {
    drainOutbox: (await import('../outbox/worker.ts')).drainOutbox,
    runDueJobs: (await import('../jobs/scheduler.ts')).runDueJobs,
    scheduledJobs: (await import('../jobs/schedule.ts')).scheduledJobs,
  };
  second = await buildApp({ config: ctx.config, database, logger: false });
  await second.ready();
});
afterAll(async () => {
  await second?.close();
  await secondHandle?.close();
  await ctx?.close();
});

/** A GET on the second server, signed in with a session the first server opened. */
const getOnSecond = (url: string) => second.inject({ method: 'GET', url, headers: { cookie: ctx.admin.cookie } });

describe('two servers on one database', () => {
  it('a write through one drops the cockpit evaluations the other keeps', async () => {
    const heating = async () => {
      const res = await getOnSecond('/api/v1/cockpit?region=2301&asOf=2019-10-15');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as CockpitView).targets.find((t) => t.target.code === 'central-heating-coverage')!.latest;
    };
    const before = await heating();
    expect(before).not.toEqual({ period: '2019Q3', value: 90 });

    const daoli = (await buildUser(ctx, { role: 'unit_officer', regionCode: '230102' })).agent;
    const url = '/api/v1/data-sets/urban-environment-quarterly/entries/230102/2019Q3';
    const values = URBAN_ENVIRONMENT_VALUES;
    expect((await daoli.put(url, { values })).statusCode).toBe(200);
    expect((await daoli.post(`${url}/submit`)).statusCode).toBe(200);
    // The second server's own worker delivers the first server's events.
    expect((await secondModules.drainOutbox({ db: (secondHandle ?? ctx.database).db })).delivered).toBeGreaterThan(0);
    expect(await heating()).toEqual({ period: '2019Q3', value: 90 });
  });

  it('a scheduled job due on both runs once', async () => {
    let runs = 0;
    const counted = (jobs: ScheduledJob[]): ScheduledJob[] =>
      jobs
        .filter((job) => job.name === 'reminders')
        .map((job) => ({
          ...job,
          run: (db) => {
            runs++;
            return job.run(db);
          },
        }));
    const now = new Date();
    const [ranOnFirst, ranOnSecond] = await Promise.all([
      runDueJobs(ctx.db, counted(scheduledJobs({ jobsIntervalMinutes: 60 })), { now }),
      secondModules.runDueJobs(
        (secondHandle ?? ctx.database).db,
        counted(secondModules.scheduledJobs({ jobsIntervalMinutes: 60 })),
        { now },
      ),
    ]);
    expect([...ranOnFirst, ...ranOnSecond]).toEqual(['reminders']);
    expect(runs).toBe(1);
    // Polled again within the interval, by either server: nothing is due.
    expect(
      await runDueJobs(ctx.db, counted(scheduledJobs({ jobsIntervalMinutes: 60 })), {
        now: new Date(now.getTime() + 59 * 60_000),
      }),
    ).toEqual([]);
    const row = await ctx.db
      .selectFrom('scheduled_job')
      .select(['runs', 'last_error'])
      .where('name', '=', 'reminders')
      .executeTakeFirst();
    expect(row).toEqual({ runs: 1, last_error: null });
  });

  it("a category switched off through one is refused by the other's next intake, which keeps its reference data", async () => {
    const reportOnSecond = () =>
      second.inject({
        method: 'POST',
        url: '/api/v1/public/cases',
        remoteAddress: randomIp(),
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: {
          categoryCode: 'event-poster',
          description: '两台服务器：路口电线杆上贴满小广告',
          ...DAOLI,
          address: '道里区中央大街',
          regionCode: '230102001',
        },
      });
    // The second server keeps the categories from its first intake on.
    expect((await reportOnSecond()).statusCode).toBe(201);
    const off = await ctx.admin.patch('/api/v1/cases/categories/event-poster', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const refused = await reportOnSecond();
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0].field).toBe('body.categoryCode');
    expect((await ctx.admin.patch('/api/v1/cases/categories/event-poster', { active: true })).statusCode).toBe(200);
    expect((await reportOnSecond()).statusCode).toBe(201);
  });

  it('a photo uploaded through one is served by the other', async () => {
    const { fromFirst, fromSecond } = await photoReadFromBoth(ctx, second);
    expect(fromSecond.statusCode).toBe(200);
    expect(fromSecond.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(fromSecond.rawPayload.equals(fromFirst.rawPayload)).toBe(true);
  });
});
