import { openDatabase, type DatabaseHandle } from '../../packages/server/src/db/connection.ts';
import { EvaluationSource, evaluateTargets, NATION } from '../../packages/server/src/modules/cockpit/evaluate.ts';
import { loadCatalogue } from '../../packages/server/src/modules/indicators/catalogue.ts';
import { hashPassword } from '../../packages/server/src/modules/auth/password.ts';
import { loadRegionTree, type RegionNode } from '../../packages/server/src/modules/indicators/region-tree.ts';
import { signIn } from '../lib/auth.ts';
import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import {
  BENCH_AS_OF,
  BENCH_PLAN,
  existingIndicatorData,
  generateIndicatorData,
  setAdminPassword,
  sqlFloor,
  type GeneratedIndicators,
} from '../lib/indicator-data.ts';
import { measureEndpoints } from '../lib/measure.ts';
import type { LoadResult } from '../lib/load.ts';
import { fmtInt, fmtKb, fmtMs, fmtSeconds, markdownTable } from '../lib/report.ts';
import { startServer, type DatabaseTarget } from '../lib/server.ts';

// Issue 13's goal: the province cockpit API at 50 connections once warm (it was 4 before).
const CONNECTIONS = 50;
const REPEATS = 3;
/** Reading a whole nation's figures takes minutes: measured once. */
const NATION_REPEATS = 1;
/** A first start (loading the default data set) on a loaded machine takes minutes. */
const HEALTH_TIMEOUT_MS = 900_000;

const ENDPOINTS = [
  { id: 'cockpit', label: 'GET /cockpit (province)', path: `/api/v1/cockpit?region=23&asOf=${BENCH_AS_OF}` },
  {
    id: 'map',
    label: 'GET /cockpit/map (one target, 13 cities)',
    path: `/api/v1/cockpit/map?region=23&target=bench-t01&asOf=${BENCH_AS_OF}`,
  },
  {
    id: 'ranking',
    label: 'GET /cockpit/ranking (13 cities)',
    path: `/api/v1/cockpit/ranking?region=23&asOf=${BENCH_AS_OF}`,
  },
  {
    id: 'lagging',
    label: 'GET /cockpit/lagging (province to counties)',
    path: `/api/v1/cockpit/lagging?region=23&limit=50&asOf=${BENCH_AS_OF}`,
  },
];

type Timing = { id: string; label: string; evaluations: number; medianMs: number };
type Measurement = {
  database: DatabaseKind;
  data: GeneratedIndicators;
  timings: Timing[];
  runs: { id: string; label: string; bodyBytes: number; load: LoadResult }[];
};

const open = (target: DatabaseTarget): Promise<DatabaseHandle> =>
  target.kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: target.dataDir })
    : openDatabase({ kind: 'postgres', url: target.url });

async function median(repeats: number, run: () => Promise<number>): Promise<{ ms: number; result: number }> {
  const times: number[] = [];
  let result = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

/** Every bench target's status for a root and regions under it, in process, as the cockpit computes it. */
async function timeEvaluations(handle: DatabaseHandle): Promise<Timing[]> {
  const db = handle.db;
  const catalogue = await loadCatalogue(db);
  const links = catalogue.links.filter((l) => l.ref.planCode === BENCH_PLAN);
  const tree = await loadRegionTree(db);
  const province = tree.byCode.get('23')!;
  const provinceRegions = tree.nodes.filter((n) => n.path === '23' || n.path.startsWith('23/'));
  const provinces = tree.nodes.filter((n) => n.level === 1);
  const evaluate =
    (root: RegionNode, regions: RegionNode[], rollUp: 'auto' | 'memory' = 'auto') =>
    async () => {
      const source = new EvaluationSource(db, catalogue, tree);
      return (await evaluateTargets(source, { root, regions, asOf: BENCH_AS_OF, links, rollUp })).length;
    };
  const cases: { id: string; label: string; run: () => Promise<number>; repeats?: number }[] = [
    { id: 'province-card', label: 'province: 60 targets for the province', run: evaluate(province, [province]) },
    {
      id: 'province-all',
      label: `province: 60 targets × ${provinceRegions.length} regions (province, cities, counties)`,
      run: evaluate(province, provinceRegions),
    },
    {
      id: 'province-sql',
      label: 'province: SQL floor (one aggregate per element and month)',
      run: () => sqlFloor(db, '23'),
    },
    {
      id: 'nation-provinces',
      label: `nation: 60 targets × ${provinces.length + 1} regions (nation and provinces), SQL roll-up`,
      run: evaluate(NATION, [NATION, ...provinces]),
    },
    {
      id: 'nation-provinces-memory',
      label: `nation: 60 targets × ${provinces.length + 1} regions, figures read one by one (the previous path)`,
      run: evaluate(NATION, [NATION, ...provinces], 'memory'),
      repeats: NATION_REPEATS,
    },
    {
      id: 'nation-sql',
      label: 'nation: SQL floor (one aggregate per element and month)',
      run: () => sqlFloor(db, null),
    },
  ];
  // BENCH_INDICATORS_CASES=nation-provinces,nation-sql measures only those computations.
  const only = process.env.BENCH_INDICATORS_CASES?.split(',');
  const timings: Timing[] = [];
  for (const c of cases.filter((c) => !only || only.includes(c.id))) {
    const { ms, result } = await median(c.repeats ?? REPEATS, c.run);
    timings.push({ id: c.id, label: c.label, evaluations: result, medianMs: ms });
    console.error(`bench: ${c.id}: ${fmtMs(ms)} (${result} rows)`);
  }
  return timings;
}

async function measure(context: BenchContext, kind: DatabaseKind): Promise<Measurement | undefined> {
  // A PostgreSQL database kept between runs (created empty, or holding an earlier run's data).
  const reuse = kind === 'postgres' ? process.env.BENCH_INDICATORS_REUSE_URL : undefined;
  const fixture = reuse
    ? { target: { kind: 'postgres' as const, url: reuse }, initialised: false }
    : await context.fixture(kind);
  if (!fixture) return undefined;
  if (!fixture.initialised) {
    const first = await startServer(fixture.target, {
      adminPassword: context.adminPassword,
      healthTimeoutMs: HEALTH_TIMEOUT_MS,
    });
    await first.stop();
    fixture.initialised = true;
  }
  const handle = await open(fixture.target);
  let data: GeneratedIndicators;
  let timings: Timing[];
  try {
    const existing = reuse ? await existingIndicatorData(handle) : null;
    if (reuse) await setAdminPassword(handle, await hashPassword(context.adminPassword));
    data = existing ?? (await generateIndicatorData(handle));
    console.error(
      `bench: ${kind} indicator data: ${fmtInt(data.counties)} counties, ${fmtInt(data.observations)} observations in ${fmtSeconds(data.generateMs)}${existing ? ' (reused)' : ''}`,
    );
    timings = await timeEvaluations(handle);
  } finally {
    await handle.close();
  }
  const server = await startServer(fixture.target, {
    adminPassword: context.adminPassword,
    healthTimeoutMs: HEALTH_TIMEOUT_MS,
  });
  try {
    const { token } = await signIn(server.baseUrl, 'admin', context.adminPassword);
    const headers = { authorization: `Bearer ${token}` };
    // The province view once more as a client that accepts only gzip asks for it (the kept gzip
    // copy), and as a browser asks for it (brotli accepted: the kept brotli copy, decision 0213).
    const cockpit = ENDPOINTS[0]!;
    const gzipped = {
      ...cockpit,
      id: 'cockpit-gzip',
      label: `${cockpit.label}, gzip accepted`,
      headers: { ...headers, 'accept-encoding': 'gzip, deflate' },
    };
    const browser = {
      ...cockpit,
      id: 'cockpit-br',
      label: `${cockpit.label}, as a browser asks (gzip, deflate, br)`,
      headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
    };
    const runs = await measureEndpoints(
      server.baseUrl,
      [cockpit, gzipped, browser, ...ENDPOINTS.slice(1)],
      { headers, connections: CONNECTIONS },
      context.options,
      kind,
    );
    return { database: kind, data, timings, runs };
  } finally {
    await server.stop();
  }
}

/** Target statuses and the cockpit API over a national-sized hierarchy, beside a SQL floor. */
export async function indicatorsScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements: Measurement[] = [];
  for (const kind of context.options.databases) {
    const measurement = await measure(context, kind);
    if (measurement) measurements.push(measurement);
  }
  const data = measurements[0]?.data;
  const timingRows = measurements.flatMap((m) =>
    m.timings.map((t) => [m.database, t.label, fmtInt(t.evaluations), fmtMs(t.medianMs)]),
  );
  const rows = measurements.flatMap((m) =>
    m.runs.map((run) => [
      m.database,
      run.label,
      fmtKb(run.bodyBytes),
      fmtInt(run.load.requestsPerSecond),
      fmtMs(run.load.latencyMs.p50),
      fmtMs(run.load.latencyMs.p95),
      fmtMs(run.load.latencyMs.p99),
      String(run.load.errors + run.load.non2xx),
    ]),
  );
  const markdown = [
    '## Indicators: target statuses and the cockpit',
    '',
    data
      ? `${fmtInt(data.provinces)} provinces, ${fmtInt(data.prefectures)} prefectures, ${fmtInt(data.counties)} county-level units; ${data.indicators} indicators over ${data.months} months; ${fmtInt(data.observations)} observations (bench/lib/indicator-data.ts). As of ${BENCH_AS_OF}.`
      : 'No database could be measured.',
    '',
    `Computing statuses in process (median of ${REPEATS}, the previous path for the nation once; rows = evaluations, or groups for SQL):`,
    '',
    markdownTable(['database', 'computation', 'rows', 'median'], timingRows),
    '',
    `Cockpit API for Heilongjiang in the national database, ${CONNECTIONS} connections (the seed plan's 20 targets and the 60 bench targets):`,
    '',
    markdownTable(['database', 'endpoint', 'body', 'req/s', 'p50', 'p95', 'p99', 'errors'], rows),
  ].join('\n');
  return { name: 'indicators', markdown, data: measurements };
}
