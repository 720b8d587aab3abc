import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkDocument, standardsOf, type FrameworkStandard } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { computeRound } from './compute.ts';
import { roundCacheRepository } from './round-cache-repository.ts';
import { roundCacheSubscriber } from './subscribers.ts';
import { modelFramework, roundRequest } from './scoring-fixture.ts';

// Issue 13: an unpublished round's computation is kept in the database and dropped by the outbox
// events that change its inputs (decision 0174).

const A = '2305';
const B = '2308';

const ctx = fileTestContext();
let doc: FrameworkDocument;
let roundId: string;

beforeAll(async () => {
  const model = await modelFramework(ctx.admin);
  const frameworkId = model.id;
  doc = model.doc;
  for (const code of [A, B]) {
    const res = await ctx.admin.post(`/api/v1/evaluation/regions/${code}/titles`, {
      title: 'national_nominated',
      change: 'awarded',
      effectiveOn: '2015-01-01',
      reason: '测试',
      decisionRef: '文明委〔2015〕1号',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const res = await ctx.admin.post(
    '/api/v1/evaluation/rounds',
    roundRequest(frameworkId, {
      name: '2019 年度测评（缓存）',
      kind: 'year_end',
      year: 2019,
      regions: [A, B].map((code) => ({ code, cityGroup: 'prefecture' })),
      unannounced: false,
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  roundId = res.json().id;
  for (const to of ['open', 'scoring']) {
    const moved = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  await drainOutbox(ctx);
});

const standard = (kind: FrameworkStandard['rule']['kind']) =>
  standardsOf(doc)
    .map((s) => s.standard)
    .find((s) => s.rule.kind === kind)!;

const ranking = async (app = ctx.app) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/evaluation/rounds/${roundId}/ranking`,
    headers: { cookie: ctx.admin.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { groups: { rows: { region: { code: string }; total: number; rank: number | null }[] }[] };
};
const totalOf = (r: Awaited<ReturnType<typeof ranking>>, code: string) =>
  r.groups.flatMap((g) => g.rows).find((row) => row.region.code === code)!.total;
const scorecard = async (code: string) => {
  const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${code}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const kept = () =>
  ctx.db.selectFrom('evaluation_round_cache').selectAll().where('round_id', '=', roundId).executeTakeFirst();
const round = () =>
  ctx.db.selectFrom('evaluation_round').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
/** The round computed from its inputs now, bypassing the cache, as the API presents a total. */
const freshTotals = async () =>
  Object.fromEntries((await computeRound(ctx.db, await round())).regions.map((r) => [r.region.code, r.score.total]));

describe('the computed round kept in the database', () => {
  it('computes once, reads the kept computation, and recomputes after a change event is delivered', async () => {
    const deduction = standard('deduction');
    const res = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/regions/${A}/results/${deduction.code}`, {
      reviewed: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    await drainOutbox(ctx);

    const first = await ranking();
    const row = await kept();
    expect(row?.computed).not.toBeNull();
    expect(row?.computed_generation).toBe(row?.generation);
    // Kept in two parts (decision 0212): the ranking's figures, and each region's whole score as
    // its own compressed slice of `scores`, read back one region at a time.
    const summary = await roundCacheRepository.read(ctx.db, roundId);
    expect(summary.regions?.map((r) => r.score)).toEqual(
      first.groups.flatMap((g) => g.rows).map((r) => expect.objectContaining({ total: r.total })),
    );
    expect(summary.regions?.[0]?.score).not.toHaveProperty('losses');
    const slices = await roundCacheRepository.scores(
      ctx.db,
      roundId,
      summary.generation,
      summary.regions!.slice().reverse(),
    );
    const computed = (await computeRound(ctx.db, await round())).regions;
    expect(slices?.map((s) => s.total)).toEqual(computed.map((r) => r.score.total).reverse());
    expect(slices?.[0]?.losses).toEqual(computed.at(-1)!.score.losses);
    expect(totalOf(first, A)).toBeCloseTo((await freshTotals())[A]!, 6);

    // A write that bypasses the events (a hand edit) is not seen: the second read is the kept one.
    const before = await freshTotals();
    await ctx.db
      .insertInto('evaluation_finding')
      .values({
        id: crypto.randomUUID(),
        round_id: roundId,
        region_code: B,
        prefecture_code: B,
        standard_code: deduction.code,
        description: '手工写入，不发事件',
        deduction: 1,
        scorer_id: (await round()).created_by,
      })
      .execute();
    expect((await freshTotals())[B]).not.toBeCloseTo(before[B]!, 6);
    expect(await ranking()).toEqual(first);
    expect((await scorecard(B)).total).toBeCloseTo(before[B]!, 6);

    // A finding recorded through the API emits evaluation-round.changed; once delivered, the next
    // read recomputes and shows both findings.
    const finding = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/regions/${A}/findings`, {
      standardCode: deduction.code,
      description: '公益广告破损',
      deduction: 1,
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const delivered = await drainOutbox(ctx);
    expect(delivered.delivered).toBeGreaterThan(0);
    expect((await kept())?.computed).toBeNull();
    const after = await ranking();
    const fresh = await freshTotals();
    expect(totalOf(after, A)).toBeCloseTo(fresh[A]!, 6);
    expect(totalOf(after, B)).toBeCloseTo(fresh[B]!, 6);
    expect(totalOf(after, A)).not.toBeCloseTo(totalOf(first, A), 6);
    expect(totalOf(after, B)).not.toBeCloseTo(totalOf(first, B), 6);
    expect((await scorecard(A)).total).toBeCloseTo(fresh[A]!, 6);
  });

  it('a redelivered event has the same effect: the next read recomputes the same figures', async () => {
    const before = await ranking();
    const event = await ctx.db
      .selectFrom('outbox_event')
      .select(['id', 'name', 'version', 'payload', 'created_at'])
      .where('name', '=', 'evaluation-round.changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++) {
      const generation = Number((await kept())!.generation);
      await ctx.db.transaction().execute((trx) => roundCacheSubscriber.deliver(trx, event));
      const row = (await kept())!;
      expect(Number(row.generation)).toBe(generation + 1);
      expect(row.computed).toBeNull();
      expect(await ranking()).toEqual(before);
    }
  });

  it('never keeps a computation made before a change it did not see', async () => {
    await ranking();
    const { generation } = await roundCacheRepository.read(ctx.db, roundId);
    const { regions } = await roundCacheRepository.read(ctx.db, roundId);
    expect(await roundCacheRepository.scores(ctx.db, roundId, generation, regions!)).toHaveLength(2);
    await roundCacheRepository.invalidate(ctx.db, [roundId]);
    // the scores of the generation read before the change are no longer there to be read
    expect(await roundCacheRepository.scores(ctx.db, roundId, generation, regions!)).toBeUndefined();
    expect(await roundCacheRepository.keep(ctx.db, roundId, generation, [])).toBe(false);
    expect((await kept())?.computed).toBeNull();
    // computed from the current generation, it is kept
    await ranking();
    expect((await kept())?.computed_generation).toBe((await kept())?.generation);
  });

  it('an incident recorded for a region of the round drops it and its deduction shows', async () => {
    await ranking();
    const before = await freshTotals();
    const frameworkId = (await round()).framework_id;
    const res = await ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: B,
      frameworkId,
      category: 'G15',
      occurredOn: '2019-05-01',
      title: '某化工厂爆炸',
      description: '有全国影响',
    });
    expect(res.statusCode, res.body).toBe(201);
    await drainOutbox(ctx);
    expect((await kept())?.computed).toBeNull();
    const after = await ranking();
    expect(totalOf(after, B)).toBeCloseTo(before[B]! - 3, 6);
    expect((await scorecard(B)).deductions).toEqual([expect.objectContaining({ category: 'G15', points: 3 })]);
  });

  it('two servers: a change delivered by one is seen by the other at its next read', async () => {
    const second = await ctx.secondApp();
    const seen = await ranking(second);
    expect(await ranking()).toEqual(seen);
    const res = await ctx.admin.put(
      `/api/v1/evaluation/rounds/${roundId}/regions/${B}/results/${standard('proportion').code}`,
      { checked: 10, passed: 10 },
    );
    expect(res.statusCode, res.body).toBe(200);
    await drainOutbox(ctx);
    const fresh = await freshTotals();
    const now = await ranking(second);
    expect(totalOf(now, B)).toBeCloseTo(fresh[B]!, 6);
    expect(now).not.toEqual(seen);
  });
});
