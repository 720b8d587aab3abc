import { signIn } from '../lib/auth.ts';
import { startBareServer, type BareServer } from '../lib/bare.ts';
import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import { runLoad, type LoadResult } from '../lib/load.ts';
import { startCpuMeter, type CpuUsage } from '../lib/cpu.ts';
import { sleep } from '../lib/net.ts';
import { fmtInt, fmtKb, fmtMb, fmtMs, fmtPercent, fmtSeconds, markdownTable } from '../lib/report.ts';
import { readMemory, sampleRss } from '../lib/rss.ts';
import { startServer, waitUntilDrained, type RunningServer } from '../lib/server.ts';

/** Mixed on purpose: long and short result lists, names and code prefixes, hits in every prefecture. */
const SEARCH_TERMS = ['街道', '社区', '村', '镇', '2301', '哈尔滨'];

type Endpoint = {
  id: string;
  label: string;
  paths: string[];
  /** Also load it signed in with the session cookie, to isolate what bearer-token auth costs per request. */
  compareCookie?: boolean;
};

const ENDPOINTS: Endpoint[] = [
  { id: 'subtree', label: 'GET /regions/2301/subtree', paths: ['/api/v1/regions/2301/subtree'] },
  {
    id: 'search',
    label: `GET /regions/search?q=…&limit=50 (${SEARCH_TERMS.length} terms in turn)`,
    paths: SEARCH_TERMS.map((term) => `/api/v1/regions/search?q=${encodeURIComponent(term)}&limit=50`),
    compareCookie: true,
  },
];

type TargetId = 'server' | 'server-cookie' | 'bare-cached' | 'bare-serialize';
const TARGET_LABELS: Record<TargetId, string> = {
  server: 'chuangcheng (bearer token)',
  'server-cookie': 'chuangcheng (session cookie)',
  'bare-cached': 'bare Fastify, captured bytes',
  'bare-serialize': 'bare Fastify, JSON.stringify per request',
};

type EndpointMeasurement = {
  endpoint: string;
  label: string;
  /** Mean size of the JSON bodies the endpoint returned (the bare server returns the same). */
  bodyBytes: number;
  runs: Partial<Record<TargetId, LoadResult & { cpu: CpuUsage }>>;
  /** The server's VmRSS peak, sampled every 200 ms through its warm-up and measured run. */
  peakRssKb: number;
};

type DatabaseMeasurement = {
  database: DatabaseKind;
  /** Set when this scenario had to fill an empty database first (run without the startup scenario). */
  preparationStartMs?: number;
  idleRssKb: number | undefined;
  endpoints: EndpointMeasurement[];
  /** The kernel's high-water mark of the server's RSS over its whole life. */
  hwmKb: number | undefined;
};

/** GETs every path once as the bench client and keeps the exact body the bare server will serve. */
async function captureBodies(server: RunningServer, token: string, paths: string[]): Promise<Record<string, string>> {
  const bodies: Record<string, string> = {};
  for (const path of paths) {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
    bodies[path] = body;
  }
  return bodies;
}

/** The bare servers must send what the real one sent, or the comparison means nothing. */
async function assertSameBodies(bare: BareServer, bodies: Record<string, string>): Promise<void> {
  for (const [path, body] of Object.entries(bodies)) {
    const served = await (await fetch(`${bare.baseUrl}${path}`)).text();
    if (served !== body) throw new Error(`the bare server's body for ${path} differs from the real one`);
  }
}

async function measureDatabase(context: BenchContext, kind: DatabaseKind): Promise<DatabaseMeasurement | undefined> {
  const fixture = await context.fixture(kind);
  if (!fixture) return undefined;
  const { connections, durationS, warmupS } = context.options;
  const measurement: DatabaseMeasurement = { database: kind, idleRssKb: undefined, endpoints: [], hwmKb: undefined };
  if (!fixture.initialised) {
    // Measure a normal restart, not a first start that has just loaded every region.
    const first = await startServer(fixture.target, { adminPassword: context.adminPassword });
    await first.stop();
    fixture.initialised = true;
    measurement.preparationStartMs = first.readyMs;
  }

  const server = await startServer(fixture.target, { adminPassword: context.adminPassword });
  const bare: BareServer[] = [];
  try {
    const { token, cookie } = await signIn(server.baseUrl, 'admin', context.adminPassword);
    await sleep(2000); // let start-up garbage settle before calling it idle
    measurement.idleRssKb = readMemory(server.pid)?.rssKb;

    for (const endpoint of ENDPOINTS) {
      const bodies = await captureBodies(server, token, endpoint.paths);
      const cached = await startBareServer(bodies, 'cached');
      const serialize = await startBareServer(bodies, 'serialize');
      bare.push(cached, serialize);
      await assertSameBodies(cached, bodies);
      await assertSameBodies(serialize, bodies);

      const sizes = Object.values(bodies).map((body) => Buffer.byteLength(body));
      const result: EndpointMeasurement = {
        endpoint: endpoint.id,
        label: endpoint.label,
        bodyBytes: sizes.reduce((sum, size) => sum + size, 0) / sizes.length,
        runs: {},
        peakRssKb: 0,
      };
      const targets: { id: TargetId; baseUrl: string; headers?: Record<string, string> }[] = [
        { id: 'server', baseUrl: server.baseUrl, headers: { authorization: `Bearer ${token}` } },
        ...(endpoint.compareCookie
          ? [{ id: 'server-cookie' as const, baseUrl: server.baseUrl, headers: { cookie } }]
          : []),
        { id: 'bare-cached', baseUrl: cached.baseUrl },
        { id: 'bare-serialize', baseUrl: serialize.baseUrl },
      ];
      for (const target of targets) {
        const isServer = target.baseUrl === server.baseUrl;
        const sampler = isServer ? sampleRss(server.pid, 200) : undefined;
        const load = { baseUrl: target.baseUrl, paths: endpoint.paths, headers: target.headers, connections };
        // Warm-up: JIT, PostgreSQL's buffer cache, pool connections; its numbers are thrown away.
        if (warmupS > 0) {
          await runLoad({ ...load, durationS: warmupS });
          if (isServer) await waitUntilDrained(server.baseUrl);
        }
        const meter = startCpuMeter(server.pid);
        const run = { ...(await runLoad({ ...load, durationS })), cpu: meter.stop() };
        if (isServer) await waitUntilDrained(server.baseUrl);
        if (sampler) result.peakRssKb = Math.max(result.peakRssKb, sampler.stop().peakKb);
        result.runs[target.id] = run;
        console.error(
          `bench: ${kind} ${endpoint.id} ${target.id}: ${fmtInt(run.requestsPerSecond)} req/s, p99 ${fmtMs(run.latencyMs.p99)}`,
        );
      }
      measurement.endpoints.push(result);
      await cached.close();
      await serialize.close();
    }
    measurement.hwmKb = readMemory(server.pid)?.hwmKb;
  } finally {
    for (const instance of bare) await instance.close();
    await server.stop();
  }
  return measurement;
}

function loadTable(measurements: DatabaseMeasurement[]): string {
  const rows: string[][] = [];
  for (const database of measurements) {
    for (const endpoint of database.endpoints) {
      const ceiling = endpoint.runs['bare-cached']?.requestsPerSecond;
      for (const id of Object.keys(TARGET_LABELS) as TargetId[]) {
        const run = endpoint.runs[id];
        if (!run) continue;
        rows.push([
          database.database,
          endpoint.label,
          fmtKb(endpoint.bodyBytes),
          TARGET_LABELS[id],
          fmtInt(run.requestsPerSecond),
          fmtMs(run.latencyMs.p50),
          fmtMs(run.latencyMs.p95),
          fmtMs(run.latencyMs.p99),
          `${run.errors} / ${run.non2xx}`,
          ceiling ? fmtPercent(run.requestsPerSecond / ceiling) : '–',
        ]);
      }
    }
  }
  return markdownTable(
    ['database', 'endpoint', 'body', 'served by', 'req/s', 'p50', 'p95', 'p99', 'errors / non-2xx', 'of bare ceiling'],
    rows,
  );
}

function cpuTable(measurements: DatabaseMeasurement[]): string {
  const pct = (value: number) => `${Math.round(value)}%`;
  const rows: string[][] = [];
  for (const database of measurements) {
    for (const endpoint of database.endpoints) {
      for (const id of Object.keys(TARGET_LABELS) as TargetId[]) {
        const run = endpoint.runs[id];
        if (!run) continue;
        rows.push([
          database.database,
          endpoint.endpoint,
          TARGET_LABELS[id],
          pct(run.cpu.serverPct),
          database.database === 'postgres' ? pct(run.cpu.postgresPct) : '–',
          pct(run.cpu.benchPct),
          pct(run.cpu.otherPct),
          pct(run.cpu.machineBusyPct),
        ]);
      }
    }
  }
  return markdownTable(
    [
      'database',
      'endpoint',
      'served by',
      'server process (% of a core)',
      'PostgreSQL processes',
      'bench process (autocannon + bare worker)',
      'everything else',
      'machine busy (% of all cores)',
    ],
    rows,
  );
}

function memoryTable(measurements: DatabaseMeasurement[]): string {
  return markdownTable(
    ['database', 'idle RSS after start', ...ENDPOINTS.map((e) => `peak RSS under load: ${e.id}`), 'VmHWM (whole life)'],
    measurements.map((m) => [
      m.database,
      fmtMb(m.idleRssKb),
      ...ENDPOINTS.map((e) => fmtMb(m.endpoints.find((x) => x.endpoint === e.id)?.peakRssKb)),
      fmtMb(m.hwmKb),
    ]),
  );
}

/**
 * Read throughput of two region endpoints on each database, each beside a bare Fastify server
 * answering the same bytes from memory in the same run: the gap is what the platform costs.
 */
export async function loadScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements: DatabaseMeasurement[] = [];
  for (const kind of context.options.databases) {
    const measurement = await measureDatabase(context, kind);
    if (measurement) measurements.push(measurement);
  }
  const { connections, durationS, warmupS } = context.options;
  const preparation = measurements
    .filter((m) => m.preparationStartMs !== undefined)
    .map(
      (m) => `${m.database} first start (preparation, not a startup measurement): ${fmtSeconds(m.preparationStartMs)}.`,
    );
  const markdown = [
    '## Load',
    '',
    `autocannon, ${connections} connections, ${durationS} s per run after a ${warmupS} s warm-up, loopback only. ` +
      'autocannon, the server and the bare Fastify worker share the same cores. ' +
      `Search cycles through the terms ${SEARCH_TERMS.join(', ')} on every connection. ` +
      "Latencies are per response, from autocannon's response events.",
    '',
    loadTable(measurements),
    '',
    '### Where the CPU went during each measured run',
    '',
    cpuTable(measurements),
    '',
    '## Memory (server process VmRSS)',
    '',
    memoryTable(measurements),
    ...(preparation.length ? ['', ...preparation] : []),
    '',
  ].join('\n');
  return { name: 'load', markdown, data: { connections, durationS, warmupS, searchTerms: SEARCH_TERMS, measurements } };
}
