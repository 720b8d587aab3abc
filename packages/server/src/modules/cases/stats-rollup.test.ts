import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { distributionCode, seededRandom } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { createUnit, DAOLI, phonePhoto, postPhoto, randomIp, report } from './fixtures.ts';
import { caseStatsSubscriber } from './subscribers.ts';
import { caseStatsRollupRepository } from './stats-rollup-repository.ts';
import type { CaseGrouping, CaseSelection } from './stats-repository.ts';
import { directCounts, rebuildCaseStatistics, selectionCounts, splitPeriod, type RatedCounts } from './stats-rollup.ts';

/*
 * The statistics roll-up (decision 0189) against the direct read from problem_case, its reference:
 * on generated cases for random selections, and after a random sequence of workflow actions
 * through the API, kept by the outbox subscriber (delivered once and twice).
 */

const ctx = fileTestContext();
let unitIds: string[];

beforeAll(async () => {
  const city = await createUnit(ctx, '2301', '哈尔滨市城市管理局');
  unitIds = [
    city,
    await createUnit(ctx, '230102', '道里区城市管理局', city),
    await createUnit(ctx, '230103', '南岗区城市管理局', city),
  ];
});

/** A small seeded generator, so that a failing data set can be made again. */
function seeded(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const HOUR = 3_600_000;

/** Rows compared field by field: whole counts exactly, the hour sums to a millionth of an hour. */
function normalised(rows: RatedCounts[]) {
  return [...rows]
    .sort((a, b) => String(a.key).localeCompare(String(b.key)))
    .map((r) => ({
      key: r.key,
      cases: r.cases,
      accepted: r.accepted,
      due: r.due,
      closed: r.closed,
      closed_on_time: r.closed_on_time,
      verified: r.verified,
      reworked: r.reworked,
      hours_sum: Math.round(Number(r.hours_sum ?? 0) * 1e6) / 1e6,
      working_minutes_sum: Number(r.working_minutes_sum ?? 0),
      closed_timed: r.closed_timed,
      open: r.open,
      overdue_open: r.overdue_open,
      rating_sum: Number(r.rating_sum ?? 0),
      ratings: r.ratings,
    }));
}

/** Every row of the roll-up's three tables (the county × unit months, and the wide days and months). */
async function rollupTable() {
  const sums = sql`cases, accepted, closed, closed_on_time, verified, reworked,
      round(hours_sum::numeric, 6)::text as hours_sum, working_minutes_sum::text as working_minutes_sum,
      closed_timed, rating_sum::text as rating_sum, ratings`;
  const { rows } = await sql<Record<string, unknown>>`
    select prefecture_code, to_char(month, 'YYYY-MM') as month, region_path, category_code, org_unit_id, ${sums}
    from case_stats_month
    order by prefecture_code, month, region_path, category_code, org_unit_id nulls first`.execute(ctx.db);
  const days = await sql<Record<string, unknown>>`
    select prefecture_code, to_char(day, 'YYYY-MM-DD') as day, region_path, category_code, ${sums}
    from case_stats_prefecture_day
    order by prefecture_code, day, region_path, category_code`.execute(ctx.db);
  const months = await sql<Record<string, unknown>>`
    select prefecture_code, to_char(month, 'YYYY-MM') as month, region_path, category_code, ${sums}
    from case_stats_prefecture_month
    order by prefecture_code, month, region_path, category_code`.execute(ctx.db);
  return { rows, days: days.rows, months: months.rows };
}

describe('splitPeriod', () => {
  it('reads whole months from the roll-up and the partial months at the edges apart, each within its month', () => {
    expect(splitPeriod('2025-11-28', '2026-11-27')).toEqual({
      whole: { first: '2025-12', last: '2026-10' },
      edges: [
        { month: '2025-11', from: '2025-11-28', to: '2025-11-30' },
        { month: '2026-11', from: '2026-11-01', to: '2026-11-27' },
      ],
    });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({
      whole: { first: '2024-02', last: '2024-02' },
      edges: [],
    });
    expect(splitPeriod('2025-12-01', '2026-01-31')).toEqual({
      whole: { first: '2025-12', last: '2026-01' },
      edges: [],
    });
    expect(splitPeriod('2026-02-03', '2026-02-20')).toEqual({
      whole: null,
      edges: [{ month: '2026-02', from: '2026-02-03', to: '2026-02-20' }],
    });
    expect(splitPeriod('2026-01-15', '2026-02-27')).toEqual({
      whole: null,
      edges: [
        { month: '2026-01', from: '2026-01-15', to: '2026-01-31' },
        { month: '2026-02', from: '2026-02-01', to: '2026-02-27' },
      ],
    });
  });
});

describe('the roll-up read on generated cases', () => {
  it('equals the direct read from problem_case for random selections', async () => {
    const regions = await ctx.db
      .selectFrom('region')
      .select(['code', 'path', 'level', 'prefecture_code'])
      .where('level', '>=', 1)
      .where('level', '<=', 4)
      .where((eb) => eb.or([eb('code', 'like', '2301%'), eb('code', 'like', '2302%'), eb('code', '=', '23')]))
      .orderBy('code')
      .execute();
    const categories = await ctx.db.selectFrom('case_category').select(['code', 'parent_code']).execute();
    const leaves = categories.filter((c) => c.parent_code !== null).map((c) => c.code);
    const parents = categories.filter((c) => c.parent_code === null).map((c) => c.code);
    const random = seeded(20261207);
    const now = Date.now();
    const start = Date.parse('2024-10-20T00:00:00+08:00');
    // Mostly streets (level 4), some cases placed at county, prefecture or province level.
    const placed = regions.filter((r) => r.level === 4).slice(0, 60);
    const coarse = regions.filter((r) => r.level < 4);
    const statuses = ['submitted', 'accepted', 'rejected', 'duplicate', 'dispatched', 'handling', 'handled', 'closed'];
    const cases = [];
    const reporters = [];
    const ratings = [];
    for (let i = 0; i < 3000; i++) {
      const region = random.next() < 0.9 ? random.pick(placed) : random.pick(coarse);
      const prefecture = distributionCode(region.code, region.prefecture_code);
      const reported = new Date(start + Math.floor((random.next() * (now - HOUR - start)) / HOUR) * HOUR);
      const status = random.next() < 0.5 ? 'closed' : random.pick(statuses);
      const open = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'].includes(status);
      const worked = ['dispatched', 'handling', 'handled', 'closed'].includes(status);
      const at = (hours: number) => new Date(reported.getTime() + hours * HOUR);
      const id = crypto.randomUUID();
      const handled = status === 'handled' || status === 'closed' ? at(1 + random.int(100)) : null;
      cases.push({
        id,
        number: `T${process.pid}${String(i).padStart(7, '0')}`,
        category_code: random.pick(leaves),
        region_code: region.code,
        region_path: region.path,
        prefecture_code: prefecture,
        description: `生成的案件 ${i}`,
        channel: 'staff',
        status,
        org_unit_id: worked || random.next() < 0.1 ? random.pick(unitIds) : null,
        reported_at: reported,
        created_at: reported,
        accepted_at: status === 'submitted' || (status === 'rejected' && random.next() < 0.8) ? null : at(0.5),
        merged_into_id: status === 'duplicate' && random.next() < 0.8 ? crypto.randomUUID() : null,
        handled_at: handled,
        closed_at: status === 'closed' ? new Date(handled!.getTime() + random.int(72) * HOUR) : null,
        deadline: at(1 + random.int(120)),
        paused_at: open && random.next() < 0.1 ? at(random.int(10)) : null,
        verified_count: status === 'closed' ? 1 + random.int(2) : random.int(2),
        rework_count: random.next() < 0.2 ? 1 : 0,
        reopen_count: random.next() < 0.05 ? 1 : 0,
        handling_minutes: status === 'closed' && random.next() < 0.9 ? random.int(6000) : null,
      });
      if (status === 'closed' && random.next() < 0.4) {
        const reporterId = crypto.randomUUID();
        reporters.push({
          id: reporterId,
          case_id: id,
          prefecture_code: prefecture,
          origin_case_id: id,
          token_hash: crypto.randomBytes(16).toString('hex'),
        });
        // Up to three ratings; some at the same moment (the later id wins, as in the direct read).
        const ratedAt = at(200 + random.int(3));
        for (let k = 1 + random.int(3); k > 0; k--) {
          ratings.push({
            id: crypto.randomUUID(),
            case_id: id,
            prefecture_code: prefecture,
            reporter_id: reporterId,
            satisfaction: 1 + random.int(5),
            fixed: true,
            at: random.next() < 0.3 ? ratedAt : at(200 + random.int(500)),
          });
        }
      }
    }
    for (let i = 0; i < cases.length; i += 500) {
      await ctx.db
        .insertInto('problem_case')
        .values(cases.slice(i, i + 500))
        .execute();
    }
    if (reporters.length > 0) await ctx.db.insertInto('case_reporter').values(reporters).execute();
    if (ratings.length > 0) await ctx.db.insertInto('case_rating').values(ratings).execute();
    expect(await rebuildCaseStatistics(ctx.db)).toBeGreaterThan(100);

    // Recomputing a case's slice (as its event does) rewrites exactly the rows the rebuild wrote,
    // also for cases placed at county, prefecture or province level.
    const rebuilt = await rollupTable();
    const coarseCodes = new Set(coarse.map((r) => r.code));
    for (const c of cases.filter((c, i) => coarseCodes.has(c.region_code) || i % 50 === 0)) {
      await ctx.db.transaction().execute((trx) =>
        caseStatsRollupRepository.recomputeSlice(trx, {
          prefectureCode: c.prefecture_code,
          reportedAt: c.reported_at,
          regionPath: c.region_path,
          categoryCode: c.category_code,
        }),
      );
    }
    expect(await rollupTable()).toEqual(rebuilt);

    const bases = [
      ...regions.filter((r) => r.level <= 2),
      ...regions.filter((r) => r.level === 3).slice(0, 4),
      ...regions.filter((r) => r.level === 4).slice(0, 2),
    ].map((r) => r.path);
    const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const dayArb = fc.integer({ min: Date.parse('2024-10-01T00:00:00Z'), max: now + 20 * 24 * HOUR }).map(day);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          basePath: fc.constantFrom(...bases),
          dates: fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
          categoryCode: fc.option(fc.constantFrom(...parents, ...leaves.slice(0, 5)), { nil: undefined }),
          unitId: fc.option(fc.constantFrom(...unitIds), { nil: undefined }),
          grouping: fc.constantFrom<CaseGrouping>('region', 'unit', 'category', 'month'),
        }),
        async ({ basePath, dates, categoryCode, unitId, grouping }) => {
          const selection: CaseSelection = { basePath, from: dates[0], to: dates[1], categoryCode, unitId };
          const [rolled, direct] = await Promise.all([
            selectionCounts(ctx.db, selection, grouping),
            directCounts(ctx.db, selection, grouping),
          ]);
          expect(normalised(rolled)).toEqual(normalised(direct));
        },
      ),
      { numRuns: 60 },
    );

    // A wide selection (no unit; a province or prefecture by category or month, a province by
    // prefecture) reads the wide roll-up alone: with the county × unit months emptied, in a
    // transaction rolled back, it still equals the direct read; a unit's view then does not.
    const rollback = new Error('rollback');
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await sql`delete from case_stats_month`.execute(trx);
        const year = { from: '2025-02-11', to: '2026-02-10' };
        const wide: [CaseSelection, CaseGrouping][] = [
          [{ basePath: '23', ...year }, 'category'],
          [{ basePath: '23', ...year }, 'region'],
          [{ basePath: '23/2301', ...year }, 'month'],
          [{ basePath: '23/2301', ...year, categoryCode: parents[0] }, 'category'],
        ];
        for (const [selection, grouping] of wide) {
          const rolled = normalised(await selectionCounts(trx, selection, grouping));
          expect(rolled.length).toBeGreaterThan(0);
          expect(rolled).toEqual(normalised(await directCounts(trx, selection, grouping)));
        }
        const unit = { basePath: '23/2301', ...year, unitId: unitIds[0] };
        expect(normalised(await selectionCounts(trx, unit, 'category'))).not.toEqual(
          normalised(await directCounts(trx, unit, 'category')),
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});

describe('the roll-up kept through the outbox', () => {
  it('delivers one batch of reports on two days of one month into both days', async () => {
    const cityAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
    await drainOutbox(ctx);
    // Two hotline reports entered now for calls of two days of last month: one county, one category.
    const now = new Date();
    const lastMonth = (day: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, 4));
    for (const day of [3, 17]) {
      const res = await cityAdmin.post('/api/v1/cases', {
        categoryCode: 'event-dust',
        description: `两天的热线补录 ${day}`,
        ...DAOLI,
        regionCode: '230102',
        channel: 'hotline',
        reportedAt: lastMonth(day).toISOString(),
        idempotencyKey: crypto.randomUUID(),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // One pass claims both events: each day's wide row counts its report.
    await drainOutbox(ctx);
    const kept = await rollupTable();
    await rebuildCaseStatistics(ctx.db);
    expect(kept).toEqual(await rollupTable());
  });

  it('delivers one batch of reports of one day in two counties into its wide day row, recomputed once', async () => {
    const cityAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
    await drainOutbox(ctx);
    const now = new Date();
    const reportedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 9, 4)).toISOString();
    for (const regionCode of ['230102', '230103', '230102']) {
      const res = await cityAdmin.post('/api/v1/cases', {
        categoryCode: 'event-stall',
        description: `同一天两个区的热线补录 ${regionCode}`,
        ...DAOLI,
        regionCode,
        channel: 'hotline',
        reportedAt,
        idempotencyKey: crypto.randomUUID(),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // One batch: two county slices share the day's wide row; the second does not recompute it, and
    // it still counts all three reports.
    const delivered = await drainOutbox(ctx);
    expect(delivered.claimed).toBeGreaterThanOrEqual(3);
    const day = await ctx.db
      .selectFrom('case_stats_prefecture_day')
      .select(['cases'])
      .where('prefecture_code', '=', '2301')
      .where('category_code', '=', 'event-stall')
      .where('day', '=', sql<string>`(${reportedAt}::timestamptz at time zone 'Asia/Shanghai')::date`)
      .executeTakeFirstOrThrow();
    expect(day.cases).toBe(3);
    const kept = await rollupTable();
    await rebuildCaseStatistics(ctx.db);
    expect(kept).toEqual(await rollupTable());
  });

  it('after a random sequence of workflow actions equals a full recompute, also when every event arrives twice', async () => {
    const cityAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
    const officers = [
      (await buildUser(ctx, { role: 'unit_officer', regionCode: '230102', orgUnitId: unitIds[1] })).agent,
      (await buildUser(ctx, { role: 'unit_officer', regionCode: '230103', orgUnitId: unitIds[2] })).agent,
    ];
    const inspector = (await buildUser(ctx, { role: 'inspector', regionCode: '2301' })).agent;
    const agents: Agent[] = [cityAdmin, ...officers, inspector];
    const random = seeded(7);
    await drainOutbox(ctx);

    const filed: { id: string; number: string; token: string; category: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const category = i % 2 ? 'event-poster' : 'event-garbage';
      const res = await report(ctx, {
        categoryCode: category,
        description: `随机动作测试的问题 ${i}`,
        regionCode: i % 3 ? '230102001' : '230103001',
        address: `某路 ${i} 号`,
      });
      expect(res.statusCode, res.body).toBe(201);
      filed.push({ id: res.json().id, number: res.json().number, token: res.json().trackingToken, category });
    }
    const bodies: Record<string, (c: (typeof filed)[number], agent: Agent) => Promise<Record<string, unknown>>> = {
      accept: async () => ({}),
      reject: async () => ({ reason: '不属于受理范围' }),
      merge: async (c) => ({
        intoCaseId: random.pick(filed.filter((x) => x.id !== c.id && x.category === c.category)).id,
      }),
      dispatch: async () => ({ orgUnitId: random.pick(unitIds.slice(1)) }),
      return: async () => ({ reason: '不属于本单位' }),
      start: async () => ({}),
      pause: async () => ({ reason: '等待举报人补充' }),
      resume: async () => ({}),
      handle: async (_c, agent) => {
        const photo = await postPhoto(ctx, '/api/v1/cases/photos', await phonePhoto(64, 48), {
          agent,
          fields: { kind: 'after' },
        });
        expect(photo.statusCode, photo.body).toBe(201);
        return { note: '已处理', photoIds: [photo.json().id] };
      },
      verify: async () => ({ passed: random.next() < 0.6 }),
    };
    // This month, whole: read from the roll-up only (and the live open counts).
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const [y, m] = today.split('-').map(Number) as [number, number];
    const thisMonth = {
      basePath: '23/2301',
      from: `${today.slice(0, 7)}-01`,
      to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
    };
    const sameAsDirect = async (groupings: CaseGrouping[]) => {
      for (const grouping of groupings) {
        expect(normalised(await selectionCounts(ctx.db, thisMonth, grouping))).toEqual(
          normalised(await directCounts(ctx.db, thisMonth, grouping)),
        );
      }
    };
    const taken: string[] = [];
    for (let step = 0; step < 45; step++) {
      const c = random.pick(filed);
      const agent = random.pick(agents);
      const detail = await agent.get(`/api/v1/cases/${c.id}`);
      if (detail.statusCode !== 200) continue;
      if (detail.json().status === 'closed' && random.next() < 0.5) {
        const rated = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/public/cases/${c.number}/rating`,
          remoteAddress: randomIp(),
          payload: { token: c.token, satisfaction: 1 + random.int(5), fixed: random.next() < 0.6 },
        });
        // A reporter rates once per closing.
        expect([200, 409], rated.body).toContain(rated.statusCode);
        if (rated.statusCode === 200) taken.push('rate');
        // Every change the statistics count reaches the roll-up with its event.
        await drainOutbox(ctx);
        await sameAsDirect(['unit']);
        continue;
      }
      const allowed = (detail.json().allowedActions as string[]).filter((a) => a in bodies);
      if (allowed.length === 0) continue;
      const action = random.pick(allowed);
      const res = await agent.post(`/api/v1/cases/${c.id}/actions`, { action, ...(await bodies[action]!(c, agent)) });
      // A merge into a case no longer open is refused; everything else goes through.
      if (action === 'merge') expect([200, 400], res.body).toContain(res.statusCode);
      else expect(res.statusCode, res.body).toBe(200);
      if (res.statusCode === 200) taken.push(action);
      // Every change the statistics count reaches the roll-up with its event.
      await drainOutbox(ctx);
      await sameAsDirect(['unit', 'category']);
    }
    expect(taken.length).toBeGreaterThan(10);
    await drainOutbox(ctx);

    const kept = await rollupTable();
    expect(kept.rows.filter((r) => r.prefecture_code === '2301').length).toBeGreaterThan(0);
    expect(kept.days.filter((r) => r.prefecture_code === '2301').length).toBeGreaterThan(0);
    expect(kept.months.filter((r) => r.prefecture_code === '2301').length).toBeGreaterThan(0);
    await rebuildCaseStatistics(ctx.db);
    expect(kept).toEqual(await rollupTable());

    // The same events delivered again change nothing.
    const events = await ctx.db
      .selectFrom('outbox_event')
      .select(['id', 'name', 'version', 'payload', 'created_at'])
      .where('name', '=', 'case.changed')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(filed.length);
    for (const event of events) {
      await ctx.db.transaction().execute((trx) => caseStatsSubscriber.deliver(trx, event));
      await ctx.db.transaction().execute((trx) => caseStatsSubscriber.deliver(trx, event));
    }
    expect(await rollupTable()).toEqual(kept);

    // The statistics of this month read the roll-up, and equal the direct read.
    await sameAsDirect(['region', 'unit', 'category', 'month']);
  });
});
