import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { signIn } from '../lib/auth.ts';
import { generateCases, QUEUE_OFFICER, type GeneratedCases } from '../lib/cases-data.ts';
import { onCleanup } from '../lib/cleanup.ts';
import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import { warmAndMeasure } from '../lib/measure.ts';
import type { LoadResult } from '../lib/load.ts';
import { LOOPBACK } from '../lib/net.ts';
import { fmtInt, fmtMs, fmtSeconds, markdownTable } from '../lib/report.ts';
import { startServer, waitUntilDrained, type DatabaseTarget } from '../lib/server.ts';

/** 1,000,000 cases on PostgreSQL; PGlite generates and queries far slower, so it gets fewer (see docs/PERFORMANCE.md). */
const SIZES: Record<DatabaseKind, number> = {
  postgres: Number(process.env.BENCH_CASES_POSTGRES ?? 1_000_000),
  pglite: Number(process.env.BENCH_CASES_PGLITE ?? 200_000),
};
const INTAKE_CONNECTIONS = 10;
/** BENCH_CASES_READS=0 measures intake and the bare INSERT only (a shorter run on a shared machine). */
const MEASURE_READS = process.env.BENCH_CASES_READS !== '0';
const READ_CONNECTIONS = 5;
const HARBIN_STREETS = ['230102001', '230102002', '230103001', '230103002', '230104001'];
const CATEGORIES = ['event-poster', 'event-garbage', 'event-stall', 'event-sewage', 'comp-manhole', 'comp-streetlight'];

type PostResult = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** POST load where every request gets a fresh body (and, for intake, a fresh idempotency key). */
async function runPostLoad(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  durationS: number,
  connections: number,
) {
  let n = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationS,
        requests: [
          {
            method: 'POST',
            path,
            setupRequest: (request) => {
              n++;
              const body = {
                categoryCode: CATEGORIES[n % CATEGORIES.length],
                description: `基准测试上报的问题 ${n}：路口有小广告`,
                lat: 45.76 + (n % 100) / 10_000,
                lng: 126.6 + (n % 97) / 10_000,
                address: `道里区某路 ${n % 300} 号`,
                regionCode: HARBIN_STREETS[n % HARBIN_STREETS.length],
                channel: 'hotline',
              };
              return {
                ...request,
                headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
                body: JSON.stringify(body),
              };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const sorted = Float64Array.from(times).sort();
  return {
    requestsPerSecond: times.length / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: times.length,
    non2xx: result.non2xx,
    errors: result.errors,
  } satisfies PostResult;
}

/** The bare INSERT route in a worker thread, on the same database (PGlite: while the server is stopped). */
async function startBareInsert(target: DatabaseTarget) {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('../lib/cases-bare-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { target, host: LOOPBACK } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port: number }) => resolve(message.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bare insert worker exited with code ${code}`)));
  });
  const close = onCleanup('bare insert fastify', async () => {
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5000))]);
    await worker.terminate();
  });
  return { baseUrl: `http://${LOOPBACK}:${port}`, close };
}

type Measurement = {
  database: DatabaseKind;
  data: GeneratedCases;
  intake: PostResult;
  bare: PostResult;
  reads: { label: string; load: LoadResult }[];
};

async function measure(context: BenchContext, kind: DatabaseKind): Promise<Measurement | undefined> {
  // BENCH_CASES_REUSE_URL: a PostgreSQL database kept between runs (created empty, or holding an
  // earlier run's cases), so that two builds can be measured on the same generated million.
  const reuse = kind === 'postgres' ? process.env.BENCH_CASES_REUSE_URL : undefined;
  const fixture = reuse
    ? { target: { kind: 'postgres' as const, url: reuse }, initialised: false }
    : await context.fixture(kind);
  if (!fixture) return undefined;
  if (!fixture.initialised) {
    const first = await startServer(fixture.target, { adminPassword: context.adminPassword });
    await first.stop();
    fixture.initialised = true;
  }
  const officerPassword = `bench-officer-${process.pid}`;
  const data = await generateCases(
    fixture.target,
    SIZES[kind],
    officerPassword,
    reuse ? { adminPassword: context.adminPassword } : null,
  );
  console.error(
    `bench: ${kind} cases: ${fmtInt(data.cases)} in ${fmtSeconds(data.generateMs)}${data.reused ? ' (reused)' : ''}, statistics roll-up rebuilt in ${fmtSeconds(data.rollupMs)}`,
  );
  const { durationS, warmupS } = context.options;
  const server = await startServer(fixture.target, { adminPassword: context.adminPassword });
  let intake: PostResult;
  const reads: Measurement['reads'] = [];
  try {
    const admin = await signIn(server.baseUrl, 'admin', context.adminPassword);
    const officer = await signIn(server.baseUrl, QUEUE_OFFICER, officerPassword);
    const adminHeaders = { authorization: `Bearer ${admin.token}` };
    if (warmupS > 0) await runPostLoad(server.baseUrl, '/api/v1/cases', adminHeaders, warmupS, INTAKE_CONNECTIONS);
    await waitUntilDrained(server.baseUrl);
    intake = await runPostLoad(server.baseUrl, '/api/v1/cases', adminHeaders, durationS, INTAKE_CONNECTIONS);
    await waitUntilDrained(server.baseUrl);
    console.error(`bench: ${kind} intake: ${fmtInt(intake.requestsPerSecond)} req/s, p95 ${fmtMs(intake.p95)}`);
    const endpoints = [
      {
        label: "unit queue (GET /cases?queue=unit, a district's 城市管理局)",
        path: '/api/v1/cases?queue=unit',
        headers: { authorization: `Bearer ${officer.token}` },
      },
      {
        label: 'statistics by district, last 30 days (province)',
        path: '/api/v1/cases/stats?groupBy=region',
        headers: adminHeaders,
      },
      {
        label: 'statistics by category, one year (province)',
        path: '/api/v1/cases/stats?groupBy=category&from=2025-11-28&to=2026-11-27',
        headers: adminHeaders,
      },
    ];
    for (const endpoint of MEASURE_READS ? endpoints : []) {
      const check = await fetch(`${server.baseUrl}${endpoint.path}`, { headers: endpoint.headers });
      if (check.status !== 200)
        throw new Error(`${endpoint.path} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
      const result = await warmAndMeasure(
        { baseUrl: server.baseUrl, paths: [endpoint.path], headers: endpoint.headers, connections: READ_CONNECTIONS },
        context.options,
      );
      reads.push({ label: endpoint.label, load: result });
      console.error(`bench: ${kind} ${endpoint.path}: p95 ${fmtMs(result.latencyMs.p95)}`);
    }
  } finally {
    await server.stop();
  }
  // The bare INSERT route on the same database, right after (PGlite allows one process at a time).
  const bare = await startBareInsert(fixture.target);
  let bareResult: PostResult;
  try {
    if (warmupS > 0) await runPostLoad(bare.baseUrl, '/insert', {}, warmupS, INTAKE_CONNECTIONS);
    bareResult = await runPostLoad(bare.baseUrl, '/insert', {}, durationS, INTAKE_CONNECTIONS);
  } finally {
    await bare.close();
  }
  console.error(`bench: ${kind} bare insert: ${fmtInt(bareResult.requestsPerSecond)} req/s`);
  return { database: kind, data, intake, bare: bareResult, reads };
}

/** Problem cases: intake through the API beside a bare INSERT route, a unit's queue and the statistics, over generated years of cases. */
export async function casesScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements: Measurement[] = [];
  for (const kind of context.options.databases) {
    const m = await measure(context, kind);
    if (m) measurements.push(m);
  }
  const post = (m: Measurement, label: string, r: PostResult) => [
    m.database,
    fmtInt(m.data.cases),
    label,
    fmtInt(r.requestsPerSecond),
    `${Math.round((100 * r.requestsPerSecond) / m.bare.requestsPerSecond)} %`,
    fmtMs(r.p50),
    fmtMs(r.p95),
    fmtMs(r.p99),
    String(r.errors + r.non2xx),
  ];
  const writes = measurements.flatMap((m) => [
    post(m, 'POST /api/v1/cases (validation, region, dispatch rule, duplicates, audit)', m.intake),
    post(m, 'bare Fastify POST, one INSERT', m.bare),
  ]);
  const reads = measurements.flatMap((m) =>
    m.reads.map((r) => [
      m.database,
      fmtInt(m.data.cases),
      r.label,
      fmtInt(r.load.requestsPerSecond),
      fmtMs(r.load.latencyMs.p50),
      fmtMs(r.load.latencyMs.p95),
      fmtMs(r.load.latencyMs.p99),
      String(r.load.errors + r.load.non2xx),
    ]),
  );
  const generation = measurements.map((m) => [
    m.database,
    fmtInt(m.data.cases),
    fmtInt(m.data.ratings),
    `${fmtSeconds(m.data.generateMs)}${m.data.reused ? ' (reused)' : ''}`,
    fmtSeconds(m.data.rollupMs),
  ]);
  const markdown = [
    '## Problem cases',
    '',
    `Cases generated by bench/lib/cases-data.ts (3 years, every street of the province); intake with ${INTAKE_CONNECTIONS} connections, reads with ${READ_CONNECTIONS}.`,
    '',
    markdownTable(['database', 'cases', 'ratings', 'generated in', 'of it: roll-up rebuild'], generation),
    '',
    markdownTable(['database', 'cases', 'route', 'req/s', 'of bare', 'p50', 'p95', 'p99', 'errors'], writes),
    ...(reads.length
      ? ['', markdownTable(['database', 'cases', 'read', 'req/s', 'p50', 'p95', 'p99', 'errors'], reads)]
      : []),
  ].join('\n');
  return { name: 'cases', markdown, data: measurements };
}
