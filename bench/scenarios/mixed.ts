import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/connection.ts';
import { hashPassword } from '../../packages/server/src/modules/auth/password.ts';
import { signIn } from '../lib/auth.ts';
import { generateCases, QUEUE_OFFICER } from '../lib/cases-data.ts';
import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import { freePort, LOOPBACK, sleep } from '../lib/net.ts';
import { fmtInt, fmtMb, fmtMs, markdownTable } from '../lib/report.ts';
import { readMemory } from '../lib/rss.ts';
import { REPO_ROOT, startServer, type DatabaseTarget } from '../lib/server.ts';

/**
 * The sustained mixed load of issue 13: for `--duration` seconds (600 for the ten minutes)
 * residents' reports arrive (case intake), a district unit reads its queue, the province reads its
 * cockpit, and units' liaisons keep editing their draft progress reports, all at once against one
 * server. Every 5 s the server's RSS and its `/metrics` (audit sequencer lag and backlog, outbox
 * backlog) are sampled, so the report shows whether memory stays flat and the sequencer keeps up.
 */

const CASES: Record<DatabaseKind, number> = {
  postgres: Number(process.env.BENCH_MIXED_CASES_POSTGRES ?? 100_000),
  pglite: Number(process.env.BENCH_MIXED_CASES_PGLITE ?? 20_000),
};
const SAMPLE_MS = 5_000;
const STREETS = ['230102001', '230102002', '230103001', '230103002', '230104001'];
const CATEGORIES = ['event-poster', 'event-garbage', 'event-stall', 'event-sewage', 'comp-manhole', 'comp-streetlight'];
const WRITERS = 4;
const PERIODS = ['2020', '2020-H2', '2020-Q4', '2020-12', '2019', '2019-H2', '2019-Q4', '2019-12'];

type StreamResult = {
  label: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

type Sample = {
  atS: number;
  rssKb: number;
  /** The V8 heap in use (`nodejs_heap_size_used_bytes`), to tell a leak from a heap V8 lets grow. */
  heapUsedKb: number;
  lagS: number;
  auditPending: number;
  outboxPending: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

type RequestMaker = () => {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/** One autocannon stream whose every request is made fresh; each response time recorded. */
function stream(baseUrl: string, label: string, connections: number, durationS: number, make: RequestMaker) {
  const times: number[] = [];
  return new Promise<StreamResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationS,
        timeout: 30,
        requests: [{ setupRequest: (request) => ({ ...request, ...make() }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = times.sort((a, b) => a - b);
        const statusCodes: Record<string, number> = {};
        for (const [key, value] of Object.entries(result.statusCodeStats ?? {})) statusCodes[key] = value.count ?? 0;
        resolve({
          label,
          connections,
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / durationS,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          non2xx: result.non2xx,
          errors: result.errors,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

function gauge(metrics: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(metrics);
  return match ? Number(match[1]) : NaN;
}

/** Units with a task to report on, each given an officer account that the load signs in as. */
async function createReportWriters(target: DatabaseTarget, password: string) {
  const handle =
    target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: target.dataDir })
      : await openDatabase({ kind: 'postgres', url: target.url });
  try {
    const rows = await sql<{ task_id: string; org_unit_id: string; region_code: string }>`
      select distinct on (a.org_unit_id) a.task_id, a.org_unit_id, u.region_code
      from plan_task_unit a join org_unit u on u.id = a.org_unit_id
      order by a.org_unit_id, a.task_id
      limit ${WRITERS}`.execute(handle.db);
    const hash = await hashPassword(password);
    const writers: { username: string; taskId: string }[] = [];
    for (const [i, row] of rows.rows.entries()) {
      const username = `bench-liaison-${i}`;
      await sql`
        insert into app_user (id, username, display_name, password_hash, role, region_code, org_unit_id)
        values (gen_random_uuid(), ${username}, ${username}, ${hash}, 'unit_officer', ${row.region_code}, ${row.org_unit_id})
        on conflict (username) do nothing`.execute(handle.db);
      writers.push({ username, taskId: row.task_id });
    }
    return writers;
  } finally {
    await handle.close();
  }
}

type Measurement = {
  database: DatabaseKind;
  cases: number;
  durationS: number;
  streams: StreamResult[];
  samples: Sample[];
};

async function measure(context: BenchContext, kind: DatabaseKind): Promise<Measurement | undefined> {
  const fixture = await context.fixture(kind);
  if (!fixture) return undefined;
  if (!fixture.initialised) {
    const first = await startServer(fixture.target, { adminPassword: context.adminPassword });
    await first.stop();
    fixture.initialised = true;
  }
  // The province's demo observations and titles, so that the cockpit has figures to compute.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CHUANGCHENG_DATA_DIR;
  if (fixture.target.kind === 'pglite') env.CHUANGCHENG_DATA_DIR = fixture.target.dataDir;
  else env.DATABASE_URL = fixture.target.url;
  const demo = spawnSync(process.execPath, ['packages/server/bin/chuangcheng.js', 'demo', '--force'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (demo.status !== 0) throw new Error(`chuangcheng demo failed: ${demo.stderr || demo.error}`);
  const password = `bench-mixed-${process.pid}`;
  const generated = await generateCases(fixture.target, CASES[kind], password);
  console.error(`bench: ${kind} mixed: ${fmtInt(generated.cases)} cases generated`);
  const writers = await createReportWriters(fixture.target, password);

  const metricsPort = await freePort();
  process.env.CHUANGCHENG_METRICS_ADDRESS = `${LOOPBACK}:${metricsPort}`;
  const server = await startServer(fixture.target, { adminPassword: context.adminPassword });
  delete process.env.CHUANGCHENG_METRICS_ADDRESS;
  try {
    const admin = await signIn(server.baseUrl, 'admin', context.adminPassword);
    const officer = await signIn(server.baseUrl, QUEUE_OFFICER, password);
    const adminAuth = { authorization: `Bearer ${admin.token}` };
    // Each writer's draft report, which the load then keeps editing.
    const drafts: { id: string; token: string }[] = [];
    for (const writer of writers) {
      const { token } = await signIn(server.baseUrl, writer.username, password);
      for (const period of PERIODS) {
        const response = await fetch(`${server.baseUrl}/api/v1/tasks/${writer.taskId}/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ period, narrative: '基准测试：本期进展' }),
        });
        if (response.status === 201) {
          drafts.push({ id: ((await response.json()) as { id: string }).id, token });
          break;
        }
      }
    }
    if (drafts.length === 0) throw new Error('no unit could file a draft report for the mixed load');

    const { durationS } = context.options;
    const samples: Sample[] = [];
    const started = performance.now();
    const sample = async () => {
      const memory = readMemory(server.pid);
      const text = await fetch(`http://${LOOPBACK}:${metricsPort}/metrics`)
        .then((r) => r.text())
        .catch(() => '');
      samples.push({
        atS: (performance.now() - started) / 1000,
        rssKb: memory?.rssKb ?? NaN,
        heapUsedKb: gauge(text, 'nodejs_heap_size_used_bytes') / 1024,
        lagS: gauge(text, 'audit_sequencer_lag_seconds'),
        auditPending: gauge(text, 'audit_pending_entries'),
        outboxPending: gauge(text, 'outbox_pending_events'),
      });
    };
    await sample();
    const timer = setInterval(() => void sample(), SAMPLE_MS);
    let n = 0;
    let edit = 0;
    const streams = await Promise.all([
      stream(server.baseUrl, 'POST /cases (intake)', 4, durationS, () => {
        n++;
        return {
          method: 'POST',
          path: '/api/v1/cases',
          headers: { ...adminAuth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({
            categoryCode: CATEGORIES[n % CATEGORIES.length],
            description: `混合负载上报的问题 ${n}：路口有小广告`,
            lat: 45.76 + (n % 100) / 10_000,
            lng: 126.6 + (n % 97) / 10_000,
            address: `道里区某路 ${n % 300} 号`,
            regionCode: STREETS[n % STREETS.length],
            channel: 'hotline',
          }),
        };
      }),
      stream(server.baseUrl, "GET /cases?queue=unit (a district unit's queue)", 2, durationS, () => ({
        method: 'GET',
        path: '/api/v1/cases?queue=unit',
        headers: { authorization: `Bearer ${officer.token}` },
      })),
      stream(server.baseUrl, 'GET /cockpit (province)', 2, durationS, () => ({
        method: 'GET',
        path: '/api/v1/cockpit?region=23',
        headers: adminAuth,
      })),
      stream(server.baseUrl, 'PATCH /reports/:id (draft edits)', 2, durationS, () => {
        edit++;
        const draft = drafts[edit % drafts.length]!;
        return {
          method: 'PATCH',
          path: `/api/v1/reports/${draft.id}`,
          headers: { authorization: `Bearer ${draft.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ narrative: `基准测试：本期进展，第 ${edit} 次修改` }),
        };
      }),
    ]);
    clearInterval(timer);
    // The backlog after the load: how long the sequencer and the outbox take to catch up.
    for (let i = 0; i < 24; i++) {
      await sample();
      const last = samples.at(-1)!;
      if (last.auditPending === 0 && last.outboxPending === 0) break;
      await sleep(SAMPLE_MS);
    }
    return { database: kind, cases: generated.cases, durationS, streams, samples };
  } finally {
    await server.stop();
  }
}

/** Sustained mixed load: intake, queue reads, cockpit reads and report writes at once, with memory and sequencer lag over time. */
export async function mixedScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements: Measurement[] = [];
  for (const kind of context.options.databases) {
    const m = await measure(context, kind);
    if (m) measurements.push(m);
  }
  const sections = measurements.map((m) => {
    const streams = markdownTable(
      ['route', 'connections', 'requests', 'req/s', 'p50', 'p95', 'p99', 'non-2xx', 'errors'],
      m.streams.map((s) => [
        s.label,
        String(s.connections),
        fmtInt(s.requests),
        fmtInt(s.requestsPerSecond),
        fmtMs(s.p50),
        fmtMs(s.p95),
        fmtMs(s.p99),
        String(s.non2xx),
        String(s.errors),
      ]),
    );
    const minute = (atS: number) => Math.floor(atS / 60);
    const byMinute = new Map<number, Sample[]>();
    for (const s of m.samples) byMinute.set(minute(s.atS), [...(byMinute.get(minute(s.atS)) ?? []), s]);
    // A scrape that got no answer (the server too busy to reply in time) is counted, not charted.
    const maxOf = (list: Sample[], pick: (s: Sample) => number) => {
      const values = list.map(pick).filter((v) => Number.isFinite(v));
      return values.length ? Math.max(...values) : NaN;
    };
    const timeline = markdownTable(
      [
        'minute',
        'RSS (max)',
        'heap used (max)',
        'sequencer lag (max)',
        'audit backlog (max)',
        'outbox backlog (max)',
        'scrapes answered',
      ],
      [...byMinute].map(([k, list]) => [
        String(k),
        fmtMb(maxOf(list, (s) => s.rssKb)),
        fmtMb(maxOf(list, (s) => s.heapUsedKb)),
        `${maxOf(list, (s) => s.lagS).toFixed(1)} s`,
        fmtInt(maxOf(list, (s) => s.auditPending)),
        fmtInt(maxOf(list, (s) => s.outboxPending)),
        `${list.filter((s) => Number.isFinite(s.lagS)).length} of ${list.length}`,
      ]),
    );
    return [
      `### ${m.database}: ${m.durationS} s, ${fmtInt(m.cases)} generated cases and the demo data`,
      '',
      streams,
      '',
      'Sampled every 5 s during the load and after it until the backlogs were empty (at most 2 min):',
      '',
      timeline,
    ].join('\n');
  });
  return {
    name: 'mixed',
    markdown: ['## Sustained mixed load', '', ...sections].join('\n'),
    data: measurements,
  };
}
