import type { BenchContext, DatabaseKind, ScenarioResult } from '../lib/context.ts';
import { fmtMb, fmtMs, fmtSeconds, markdownTable } from '../lib/report.ts';
import { readMemory } from '../lib/rss.ts';
import { startServer } from '../lib/server.ts';

/** The target for a first start on an empty data dir, on this 2-core machine. */
const FIRST_START_TARGET_MS = 60_000;

type StartMeasurement = {
  database: DatabaseKind;
  start: 'first (empty)' | 'second (same data)';
  readyMs: number;
  serverReportedMs: number | undefined;
  regionsLoaded: number | undefined;
  rssAtReadyKb: number | undefined;
  stopMs: number;
};

/**
 * Spawn-to-healthy time of a first start (migrations, ~15,700 regions, admin) and of a second
 * start on the same data, which is what every restart in production costs.
 */
export async function startupScenario(context: BenchContext): Promise<ScenarioResult> {
  const measurements: StartMeasurement[] = [];
  for (const kind of context.options.databases) {
    const fixture = await context.fixture(kind);
    if (!fixture) continue;
    if (fixture.initialised) throw new Error(`the ${kind} fixture is not empty; run startup before other scenarios`);
    for (const start of ['first (empty)', 'second (same data)'] as const) {
      const server = await startServer(fixture.target, { adminPassword: context.adminPassword });
      const rssAtReadyKb = readMemory(server.pid)?.rssKb;
      const { stopMs } = await server.stop();
      fixture.initialised = true;
      const measurement: StartMeasurement = {
        database: kind,
        start,
        readyMs: server.readyMs,
        serverReportedMs: server.serverReportedMs,
        regionsLoaded: server.regionsLoaded,
        rssAtReadyKb,
        stopMs,
      };
      measurements.push(measurement);
      console.error(`bench: startup ${kind} ${start}: healthy after ${fmtSeconds(server.readyMs)}`);
    }
  }

  const firstPglite = measurements.find((m) => m.database === 'pglite' && m.start === 'first (empty)');
  const targetMet = firstPglite ? firstPglite.readyMs < FIRST_START_TARGET_MS : undefined;
  const table = markdownTable(
    [
      'database',
      'start',
      'spawn → healthy',
      'server-reported (db open → listening)',
      'regions loaded',
      'RSS when healthy',
      'clean stop',
    ],
    measurements.map((m) => [
      m.database,
      m.start,
      fmtSeconds(m.readyMs),
      fmtSeconds(m.serverReportedMs),
      m.regionsLoaded === undefined ? '–' : m.regionsLoaded.toLocaleString('en-US'),
      fmtMb(m.rssAtReadyKb),
      fmtMs(m.stopMs),
    ]),
  );
  const verdict =
    targetMet === undefined
      ? 'Target (first start on an empty PGlite data dir < 60 s): not measured.'
      : `Target (first start on an empty PGlite data dir < 60 s): ${targetMet ? 'met' : 'NOT met'} (${fmtSeconds(firstPglite?.readyMs)}).`;
  return {
    name: 'startup',
    markdown: `## Startup\n\n${table}\n\n${verdict}\n`,
    data: { targetMs: FIRST_START_TARGET_MS, targetMet, measurements },
  };
}
