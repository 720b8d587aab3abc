import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildApp } from '../app.ts';
import { TEST_ADMIN_PASSWORD } from '../test/databases.ts';
import { fileTestContext } from '../test/harness.ts';
import { unitIds } from '../test/province.ts';
import { todayInChina } from '../modules/supervision/units.ts';
import { emitEvent } from './emit.ts';
import type { Subscriber } from './subscriber.ts';
import { subscribers as allSubscribers } from './subscribers.ts';
import { drainOutbox, startOutboxWorker, type OutboxWorker } from './worker.ts';
import { deliverEventsOfWrites } from './write-delivery.ts';

/*
 * A write's answer waits for its own events, not for the outbox's backlog, and a worker's pass ends
 * under writes that never stop (decision 0206). Here a subscriber that emits a new event with each
 * delivery keeps the outbox from ever being empty, as sustained case intake does: a pass that
 * drained until the outbox was empty never ended, and every write's answer waited for one.
 */

const ctx = fileTestContext();
const today = todayInChina();
let app: Awaited<ReturnType<typeof buildApp>>;
let worker: OutboxWorker;
let housing: string;
let finance: string;

/** Each delivery writes the next event: the worker's pass always finds one more batch. */
const endless: Subscriber = {
  name: 'test.endless',
  events: ['demo-data.changed'],
  deliver: async (trx) => {
    await emitEvent(trx, { name: 'demo-data.changed', payload: { action: 'generate' } });
  },
};

const endlessIn = async (status: 'pending' | 'done') =>
  Number(
    (
      await ctx.db
        .selectFrom('outbox_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('name', '=', 'demo-data.changed')
        .where('status', '=', status)
        .executeTakeFirstOrThrow()
    ).n,
  );
const pendingEndless = () => endlessIn('pending');

beforeAll(async () => {
  [housing, finance] = await unitIds(ctx, '省住建厅', '省财政厅');
  app = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
  const log = { info: () => undefined, error: () => undefined };
  worker = startOutboxWorker(ctx.db, { pollMs: 3_600_000, log, subscribers: [...allSubscribers, endless] });
  deliverEventsOfWrites(app, worker);
  await app.ready();
});
afterAll(async () => {
  await worker.stop();
  await app.close();
  // What the endless subscriber left is delivered to the real subscribers only (it ends).
  await drainOutbox(ctx);
});

describe('a write under a backlog that never empties', () => {
  it('has each pass deliver what was written before it started, so that a flush ends', async () => {
    await ctx.db
      .transaction()
      .execute((trx) => emitEvent(trx, { name: 'demo-data.changed', payload: { action: 'generate' } }));
    await worker.flush();
    // The pass delivered the first event; the one its delivery wrote waits for the next pass.
    expect([await endlessIn('done'), await pendingEndless()]).toEqual([1, 1]);
    await worker.flush();
    expect([await endlessIn('done'), await pendingEndless()]).toEqual([2, 1]);
  });

  it('answers once its own events are delivered, with their effects visible', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision/instructions',
      headers: { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken },
      payload: {
        leaderName: '张三',
        leaderPost: '省委副书记',
        instructedOn: addDays(today, -2),
        content: '请省住建厅牵头，抓紧解决老旧小区集中供热问题，并报办理情况。',
        leadOrgUnitId: housing,
        assistingOrgUnitIds: [finance],
        replyDue: addDays(today, 10),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    // Told at once (nothing drained the outbox but the write's own delivery) ...
    const told = await ctx.db
      .selectFrom('notification')
      .select('recipient_org_unit_id')
      .where('subject_id', '=', id)
      .orderBy('recipient_org_unit_id')
      .execute();
    expect(told.map((n) => n.recipient_org_unit_id).sort()).toEqual([housing, finance].sort());
    // ... while the worker's pass is still delivering the backlog.
    expect(await pendingEndless()).toBeGreaterThan(0);
  });

  it('answers a write that emitted nothing without waiting for the pass', async () => {
    const session = await ctx.loginAs('admin', TEST_ADMIN_PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await pendingEndless()).toBeGreaterThan(0);
  });

  it('stops its pass at the next batch when the server stops', async () => {
    await worker.stop();
    const before = await pendingEndless();
    expect(before).toBeGreaterThan(0);
    // Nothing delivers after the stop: the count stays.
    await worker.flush();
    expect(await pendingEndless()).toBe(before);
  });
});
