import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestContext, type TestContext } from '../test/harness.ts';
import type { Database } from '../db/schema.ts';
import { caseNotificationSubscriber } from '../modules/supervision/subscribers.ts';
import { cockpitSubscriber } from '../modules/cockpit/subscribers.ts';
import { generationRepository } from '../cache/generation.ts';
import { emitEvent } from './emit.ts';
import { defineSubscriber, type StoredEvent } from './subscriber.ts';
import { outboxRepository } from './repository.ts';
import { deliverBatch, drainOutbox, startOutboxWorker } from './worker.ts';

// `/metrics` answers only with its token since the security work (issue 11).
const METRICS_TOKEN = 'outbox-test-metrics-token';
let ctx: TestContext;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestContext({ metricsToken: METRICS_TOKEN });
  unitId = (await ctx.db.selectFrom('org_unit').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
});
afterAll(() => ctx.close());

let caseCounter = 0;
const dispatched = () => ({
  name: 'case.dispatched' as const,
  payload: {
    caseId: crypto.randomUUID(),
    caseNumber: `T${++caseCounter}`,
    unitId,
    prefectureCode: '2301',
    dispatchedAt: '2026-12-06T08:00:00.000Z',
  },
});

const notificationsOf = (db: Kysely<Database>, caseId: string) =>
  db
    .selectFrom('notification')
    .select(['recipient_org_unit_id', 'title', 'threshold'])
    .where('subject_id', '=', caseId)
    .execute();

async function stored(id: number): Promise<StoredEvent> {
  return ctx.db
    .selectFrom('outbox_event')
    .select(['id', 'name', 'version', 'payload', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * A "now" at which everything emitted so far is due. Node's clock counts whole milliseconds and the
 * database's `now()` microseconds, so `new Date()` taken in the millisecond an event was emitted can
 * fall just before the event's `next_attempt_at` (seen once in CI: two of three events claimed).
 */
const dueNow = () => new Date(Date.now() + 1);
describe('emitEvent', () => {
  it('commits the event with the change or not at all, and checks the payload', async () => {
    const event = dispatched();
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await emitEvent(trx, event);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(
      await ctx.db
        .selectFrom('outbox_event')
        .select('id')
        .where('payload', '@>', JSON.stringify({ caseId: event.payload.caseId }))
        .execute(),
    ).toEqual([]);

    const bad = { ...event, payload: { ...event.payload, dispatchedAt: 'yesterday' } };
    await expect(ctx.db.transaction().execute((trx) => emitEvent(trx, bad))).rejects.toThrow();

    const id = await ctx.db.transaction().execute((trx) => emitEvent(trx, event));
    const row = await ctx.db.selectFrom('outbox_event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'case.dispatched', version: 1, prefecture_code: '2301', status: 'pending' });
  });
});

describe('delivery', () => {
  it('delivers each event once to each subscriber and finishes it', async () => {
    const event = dispatched();
    const id = await ctx.db.transaction().execute((trx) => emitEvent(trx, event));
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toEqual([]);
    const counts = await drainOutbox(ctx);
    expect(counts.delivered).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toEqual([
      {
        recipient_org_unit_id: unitId,
        title: `新派遣案件 ${event.payload.caseNumber}`,
        threshold: `dispatched:${event.payload.dispatchedAt}`,
      },
    ]);
    expect(await ctx.db.selectFrom('outbox_event').select('status').where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'done',
    });
    // A worker that claims it again (its finish was lost) skips the subscriber that already took it.
    await ctx.db
      .updateTable('outbox_event')
      .set({ status: 'pending', next_attempt_at: new Date(0) })
      .where('id', '=', id)
      .execute();
    const again = await drainOutbox(ctx);
    expect(again).toMatchObject({ delivered: 0, failed: 0 });
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toHaveLength(1);
  });

  it('retries a failing subscriber with backoff, alone, and dead-letters it after the last attempt', async () => {
    let okRuns = 0;
    let failRuns = 0;
    const subscribers = [
      defineSubscriber('test.ok', { 'case.dispatched': async () => void okRuns++ }),
      defineSubscriber('test.failing', {
        'case.dispatched': async (trx) => {
          failRuns++;
          // Its write is rolled back with its failure.
          await caseNotificationSubscriber.deliver(trx, event0);
          throw new Error('the mail server is down');
        },
      }),
    ];
    await drainOutbox(ctx); // what other tests left
    const event = dispatched();
    const id = await ctx.db.transaction().execute((trx) => emitEvent(trx, event));
    const event0 = await stored(id);
    const t0 = dueNow();
    const first = await drainOutbox(ctx, { subscribers, now: t0, maxAttempts: 3 });
    expect(first).toEqual({ claimed: 1, delivered: 1, failed: 1, dead: 0 });
    // Not due again before its backoff (5 s) has passed.
    expect(await drainOutbox(ctx, { subscribers, now: new Date(t0.getTime() + 4_000), maxAttempts: 3 })).toMatchObject({
      claimed: 0,
    });
    const second = await drainOutbox(ctx, { subscribers, now: new Date(t0.getTime() + 6_000), maxAttempts: 3 });
    expect(second).toEqual({ claimed: 1, delivered: 0, failed: 1, dead: 0 });
    // The second backoff is 10 s.
    const third = await drainOutbox(ctx, { subscribers, now: new Date(t0.getTime() + 17_000), maxAttempts: 3 });
    expect(third).toEqual({ claimed: 1, delivered: 0, failed: 0, dead: 1 });
    expect({ okRuns, failRuns }).toEqual({ okRuns: 1, failRuns: 3 });
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toEqual([]);

    const counts = await outboxRepository.counts(ctx.db);
    expect(counts.deadLetters).toBe(1);
    expect(await outboxRepository.deadLetters(ctx.db, 10)).toEqual([
      expect.objectContaining({ id, subscriber: 'test.failing', attempts: 3, last_error: 'the mail server is down' }),
    ]);
    const metrics = await ctx.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.body).toMatch(/^outbox_dead_letters 1$/m);

    // Revived, it is delivered to the failing subscriber only.
    expect(await outboxRepository.reviveDead(ctx.db, id)).toBe(1);
    const working = [
      subscribers[0]!,
      defineSubscriber('test.failing', { 'case.dispatched': async () => void failRuns++ }),
    ];
    expect(await drainOutbox(ctx, { subscribers: working })).toEqual({ claimed: 1, delivered: 1, failed: 0, dead: 0 });
    expect({ okRuns, failRuns }).toEqual({ okRuns: 1, failRuns: 4 });
    expect((await outboxRepository.counts(ctx.db)).deadLetters).toBe(0);
  });

  it('lets concurrent workers share the work without delivering an event twice', async () => {
    await drainOutbox(ctx);
    const seen: number[] = [];
    const subscribers = [
      defineSubscriber('test.count', { 'case.dispatched': async (_trx, _e, meta) => void seen.push(meta.id) }),
    ];
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await ctx.db.transaction().execute((trx) => emitEvent(trx, dispatched())));
    await Promise.all([1, 2, 3].map(() => drainOutbox(ctx, { subscribers, limit: 3 })));
    expect(seen.filter((id) => id >= ids[0]!).sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('subscribers on redelivery', () => {
  it('case notifications: the same event twice makes one notification', async () => {
    const event = dispatched();
    const id = await ctx.db.transaction().execute((trx) => emitEvent(trx, event));
    const once = await stored(id);
    for (let i = 0; i < 2; i++) {
      await ctx.db.transaction().execute((trx) => caseNotificationSubscriber.deliver(trx, once));
    }
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toHaveLength(1);
    const escalated = {
      name: 'case.escalated' as const,
      payload: { ...event.payload, unitName: '道里区城市管理局', superior: { id: unitId, name: '上级' } },
    };
    const { dispatchedAt: _, ...payload } = escalated.payload;
    const eid = await ctx.db.transaction().execute((trx) => emitEvent(trx, { name: 'case.escalated', payload }));
    const escalation = await stored(eid);
    for (let i = 0; i < 2; i++) {
      await ctx.db.transaction().execute((trx) => caseNotificationSubscriber.deliver(trx, escalation));
    }
    // The unit and its superior are the same organisation here: one key, one notification.
    expect((await notificationsOf(ctx.db, event.payload.caseId)).filter((n) => n.threshold === 'overdue')).toHaveLength(
      1,
    );
  });

  it('cockpit: the same event twice leaves the cockpit showing the change', async () => {
    const before = await generationRepository.read(ctx.db, 'cockpit');
    const id = await ctx.db
      .transaction()
      .execute((trx) => emitEvent(trx, { name: 'indicator-catalogue.imported', payload: { fileName: 'test.yaml' } }));
    const imported = await stored(id);
    for (let i = 0; i < 2; i++) {
      await ctx.db.transaction().execute((trx) => cockpitSubscriber.deliver(trx, imported));
    }
    // Each delivery moves the generation; what matters is that it moved past every kept copy.
    expect(await generationRepository.read(ctx.db, 'cockpit')).toBeGreaterThan(before);
  });
});

describe('deliverBatch', () => {
  it('finishes an event nobody subscribes to', async () => {
    await drainOutbox(ctx);
    const id = await ctx.db.transaction().execute((trx) => emitEvent(trx, dispatched()));
    expect(await deliverBatch(ctx.db, { subscribers: [] })).toMatchObject({ claimed: 1, delivered: 0 });
    expect(await ctx.db.selectFrom('outbox_event').select('status').where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'done',
    });
  });
});

describe('coalesced deliveries', () => {
  const slice = (unit: string) => ({
    name: 'case.dispatched' as const,
    payload: { ...dispatched().payload, unitId: unit },
  });
  const recordsOf = (ids: number[], subscriber: string) =>
    ctx.db
      .selectFrom('outbox_delivery')
      .select(['event_id', 'status', 'attempts'])
      .where('event_id', 'in', ids)
      .where('subscriber', '=', subscriber)
      .orderBy('event_id')
      .execute();

  it('delivers the events of one key in a batch once, with the newest, and records each', async () => {
    await drainOutbox(ctx);
    const delivered: number[] = [];
    const subscriber = defineSubscriber(
      'test.coalesced',
      { 'case.dispatched': async (_trx, _payload, meta) => void delivered.push(meta.id) },
      { 'case.dispatched': (payload) => payload.unitId },
    );
    const ids: number[] = [];
    for (const unit of ['a', 'b', 'a', 'a', 'b', 'c'])
      ids.push(await ctx.db.transaction().execute((trx) => emitEvent(trx, slice(unit))));
    expect(await drainOutbox(ctx, { subscribers: [subscriber] })).toEqual({
      claimed: 6,
      delivered: 6,
      failed: 0,
      dead: 0,
    });
    // a: events 0, 2, 3 with event 3; b: 1, 4 with 4; c alone. In the order of each key's first event.
    expect(delivered).toEqual([ids[3], ids[4], ids[5]]);
    expect(await recordsOf(ids, 'test.coalesced')).toEqual(
      ids.map((id) => ({ event_id: id, status: 'done', attempts: 1 })),
    );
    const statuses = await ctx.db
      .selectFrom('outbox_event')
      .select(['status', 'attempts'])
      .where('id', 'in', ids)
      .execute();
    expect(statuses).toEqual(ids.map(() => ({ status: 'done', attempts: 1 })));
  });

  it('delivers the coalesced deliveries of a batch in the order of their keys (locks taken in one order)', async () => {
    await drainOutbox(ctx);
    const delivered: string[] = [];
    const subscriber = defineSubscriber(
      'test.coalesced-ordered',
      { 'case.dispatched': async (_trx, payload) => void delivered.push(payload.unitId) },
      { 'case.dispatched': (payload) => payload.unitId },
    );
    for (const unit of ['c', 'a', 'c', 'b']) await ctx.db.transaction().execute((trx) => emitEvent(trx, slice(unit)));
    expect(await drainOutbox(ctx, { subscribers: [subscriber] })).toMatchObject({ claimed: 4, delivered: 4 });
    expect(delivered).toEqual(['a', 'b', 'c']);
  });

  it('fails every event of a coalesced delivery with it, and each is retried', async () => {
    await drainOutbox(ctx);
    let runs = 0;
    let fail = true;
    const subscriber = defineSubscriber(
      'test.coalesced-failing',
      {
        'case.dispatched': async () => {
          runs++;
          if (fail) throw new Error('not now');
        },
      },
      { 'case.dispatched': (payload) => payload.unitId },
    );
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await ctx.db.transaction().execute((trx) => emitEvent(trx, slice('x'))));
    const t0 = dueNow();
    expect(await drainOutbox(ctx, { subscribers: [subscriber], now: t0 })).toEqual({
      claimed: 3,
      delivered: 0,
      failed: 3,
      dead: 0,
    });
    expect(runs).toBe(1);
    expect(await recordsOf(ids, 'test.coalesced-failing')).toEqual(
      ids.map((id) => ({ event_id: id, status: 'failed', attempts: 1 })),
    );
    fail = false;
    expect(await drainOutbox(ctx, { subscribers: [subscriber], now: new Date(t0.getTime() + 6_000) })).toEqual({
      claimed: 3,
      delivered: 3,
      failed: 0,
      dead: 0,
    });
    expect(runs).toBe(2);
    expect(await recordsOf(ids, 'test.coalesced-failing')).toEqual(
      ids.map((id) => ({ event_id: id, status: 'done', attempts: 2 })),
    );
  });
});

describe('the worker of a server', () => {
  it('delivers what was committed when flushed, and stops', async () => {
    const logged: object[] = [];
    const log = { info: (data: object) => logged.push(data), error: (data: object) => logged.push(data) };
    const worker = startOutboxWorker(ctx.db, { pollMs: 3_600_000, log });
    await worker.flush();
    const event = dispatched();
    await ctx.db.transaction().execute((trx) => emitEvent(trx, event));
    await worker.flush();
    expect(await notificationsOf(ctx.db, event.payload.caseId)).toHaveLength(1);
    expect(logged).toContainEqual(expect.objectContaining({ job: 'outbox', delivered: 1 }));
    await worker.stop();
  });
});
