import { openDatabase } from '../../packages/server/src/db/connection.ts';
import { gatherRound, scoreGathered } from '../../packages/server/src/modules/evaluation/compute.ts';
import { roundRepository } from '../../packages/server/src/modules/evaluation/round-repository.ts';
import { signIn } from '../lib/auth.ts';
import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import { generateEvaluationData, type GeneratedRound } from '../lib/evaluation-data.ts';
import { warmAndMeasure } from '../lib/measure.ts';
import type { LoadResult } from '../lib/load.ts';
import { fmtInt, fmtMs, fmtSeconds, markdownTable } from '../lib/report.ts';
import { startServer, type DatabaseTarget } from '../lib/server.ts';

// A scorecard is opened by office staff and city officers, not by fifty clients at once.
const CONNECTIONS = 10;
const REPEATS = 3;
// The national-sized round takes long enough that one timing of each is the honest budget.
const repeatsFor = (round: GeneratedRound) => (round.regions > 1000 ? 1 : REPEATS);
const SCORECARD_REGIONS = 20;

type RoundMeasurement = {
  round: GeneratedRound;
  /** In process, straight on the database: every region's scores, ranks and explanations. */
  computeMs: number[];
  /** The pure part of it: scoring, ranking and tracing from entries already in memory. */
  pureMs: number[];
  losses: number;
  /** In process: the plain SQL aggregation of the same raw deductions and results. */
  plainSqlMs: number[];
  /** Over HTTP: the ranking of the unpublished round (computes everything), then publishing it. */
  rankingMs: number[];
  publishMs: number;
  /** The first download of the published results workbook: written and kept (decision 0211). */
  exportMs: number;
  /** Later downloads of it: the kept file (three, each timed). */
  exportKeptMs: number[];
  scorecard: LoadResult;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function inProcess(target: DatabaseTarget, round: GeneratedRound) {
  const handle =
    target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: target.dataDir })
      : await openDatabase({ kind: 'postgres', url: target.url });
  try {
    const row = (await handle.db
      .selectFrom('evaluation_round')
      .selectAll()
      .where('id', '=', round.id)
      .executeTakeFirst())!;
    const computeMs: number[] = [];
    const pureMs: number[] = [];
    const plainSqlMs: number[] = [];
    let losses = 0;
    for (let i = 0; i < repeatsFor(round); i++) {
      let started = performance.now();
      const gathered = await gatherRound(handle.db, row);
      const loaded = performance.now();
      const computed = scoreGathered(gathered);
      computeMs.push(performance.now() - started);
      pureMs.push(performance.now() - loaded);
      losses = computed.regions.reduce((n, r) => n + r.score.losses.length, 0);
      started = performance.now();
      await roundRepository.deductionTotals(handle.db, round.id);
      await handle.db
        .selectFrom('evaluation_result')
        .select((eb) => ['region_code', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('satisfaction').as('s')])
        .where('round_id', '=', round.id)
        .groupBy('region_code')
        .execute();
      plainSqlMs.push(performance.now() - started);
    }
    return { computeMs, pureMs, plainSqlMs, losses };
  } finally {
    await handle.close();
  }
}

async function overHttp(context: BenchContext, target: DatabaseTarget, round: GeneratedRound) {
  const server = await startServer(target, { adminPassword: context.adminPassword });
  try {
    const { token } = await signIn(server.baseUrl, 'admin', context.adminPassword);
    const headers = { authorization: `Bearer ${token}` };
    const api = `${server.baseUrl}/api/v1/evaluation/rounds/${round.id}`;
    const rankingMs: number[] = [];
    for (let i = 0; i < repeatsFor(round); i++) {
      const started = performance.now();
      const res = await fetch(`${api}/ranking`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`ranking answered ${res.status}`);
      rankingMs.push(performance.now() - started);
    }
    const post = (to: string) =>
      fetch(`${api}/transition`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        // a year-end round is published by a dated decision (通报)
        body: JSON.stringify(to === 'published' ? { to, decidedOn: '2019-12-20' } : { to }),
      });
    const review = await post('under_review');
    if (review.status !== 200) throw new Error(`under_review answered ${review.status}: ${await review.text()}`);
    let started = performance.now();
    const published = await post('published');
    const publishBody = await published.text();
    const publishMs = performance.now() - started;
    if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${publishBody.slice(0, 300)}`);
    started = performance.now();
    const exported = await fetch(`${api}/results.xlsx`, { headers });
    await exported.arrayBuffer();
    const exportMs = performance.now() - started;
    const exportKeptMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      const again = await fetch(`${api}/results.xlsx`, { headers });
      await again.arrayBuffer();
      if (again.status !== 200) throw new Error(`results.xlsx answered ${again.status}`);
      exportKeptMs.push(performance.now() - started);
    }
    const step = Math.max(1, Math.floor(round.regionCodes.length / SCORECARD_REGIONS));
    const paths = round.regionCodes
      .filter((_, i) => i % step === 0)
      .slice(0, SCORECARD_REGIONS)
      .map((code) => `/api/v1/evaluation/rounds/${round.id}/scorecards/${code}`);
    const scorecard = await warmAndMeasure(
      { baseUrl: server.baseUrl, paths, headers, connections: CONNECTIONS },
      context.options,
    );
    return { rankingMs, publishMs, exportMs, exportKeptMs, scorecard };
  } finally {
    await server.stop();
  }
}

async function measure(context: BenchContext, kind: DatabaseKind) {
  const fixture = await context.fixture(kind);
  if (!fixture) return undefined;
  if (!fixture.initialised) {
    const first = await startServer(fixture.target, { adminPassword: context.adminPassword });
    await first.stop();
    fixture.initialised = true;
  }
  const handle =
    fixture.target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: fixture.target.dataDir })
      : await openDatabase({ kind: 'postgres', url: fixture.target.url });
  let generated;
  try {
    generated = await generateEvaluationData(handle.db);
  } finally {
    await handle.close();
  }
  console.error(`bench: ${kind} evaluation data generated in ${fmtSeconds(generated.generateMs)}`);
  const rounds: RoundMeasurement[] = [];
  for (const round of generated.rounds) {
    const local = await inProcess(fixture.target, round);
    const http = await overHttp(context, fixture.target, round);
    console.error(
      `bench: ${kind} ${round.label}: compute ${fmtMs(median(local.computeMs))}, publish ${fmtMs(http.publishMs)}, scorecard p95 ${fmtMs(http.scorecard.latencyMs.p95)}`,
    );
    rounds.push({ round, ...local, ...http });
  }
  return { database: kind, generateMs: generated.generateMs, rounds };
}

/**
 * Year-end rounds under a ~300-standard framework for ~140 Heilongjiang units and for 3,000
 * units: computing every score, rank and explanation (in process and over HTTP), publishing,
 * the Excel export, the scorecard API under load, and a plain SQL aggregation of the same raw
 * entries for comparison.
 */
export async function evaluationScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements = [];
  for (const kind of context.options.databases) {
    const m = await measure(context, kind);
    if (m) measurements.push(m);
  }
  const rows = measurements.flatMap((m) =>
    m.rounds.map((r) => [
      m.database,
      r.round.label,
      fmtInt(r.round.standards),
      fmtInt(r.round.findings),
      fmtInt(r.round.results),
      fmtMs(median(r.computeMs)),
      fmtMs(median(r.pureMs)),
      fmtInt(r.losses),
      fmtMs(median(r.plainSqlMs)),
      fmtMs(median(r.rankingMs)),
      fmtMs(r.publishMs),
      fmtMs(r.exportMs),
      fmtMs(median(r.exportKeptMs)),
    ]),
  );
  const load = measurements.flatMap((m) =>
    m.rounds.map((r) => [
      m.database,
      r.round.label,
      fmtInt(r.scorecard.requestsPerSecond),
      fmtMs(r.scorecard.latencyMs.p50),
      fmtMs(r.scorecard.latencyMs.p95),
      fmtMs(r.scorecard.latencyMs.p99),
      String(r.scorecard.errors + r.scorecard.non2xx),
    ]),
  );
  const markdown = [
    '## Evaluation: scores, rankings and explanations',
    '',
    'Rounds and raw entries generated by bench/lib/evaluation-data.ts (a ~300-standard framework with the model',
    "framework's settings). compute = every region's scorecard, rank and explanation in process (median of",
    `${REPEATS} for the provincial round, one run for the national one), of which pure = the core computation once the entries are in memory; plain SQL = sum of the same findings' deductions and count of results per region; ranking = GET`,
    'ranking of the unpublished round over HTTP (median); publish = freezing results and applying thresholds;',
    'Excel = the first download of the published results workbook (written and kept), kept = the median of the three after it.',
    '',
    markdownTable(
      [
        'database',
        'round',
        'standards',
        'findings',
        'results',
        'compute',
        'of which pure',
        'losses traced',
        'plain SQL',
        'ranking (HTTP)',
        'publish',
        'Excel',
        'Excel (kept)',
      ],
      rows,
    ),
    '',
    `Scorecard API of the published round, ${CONNECTIONS} connections over ${SCORECARD_REGIONS} regions:`,
    '',
    markdownTable(['database', 'round', 'req/s', 'p50', 'p95', 'p99', 'errors'], load),
  ].join('\n');
  return { name: 'evaluation', markdown, data: measurements };
}
