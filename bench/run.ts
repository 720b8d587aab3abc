/**
 * Chuangcheng benchmark suite: `npm run bench [-- --only startup|load] [--duration <s>]`.
 * Prints markdown and writes bench/results/latest.json. Everything it starts is stopped and
 * removed at the end, also on failure or Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installCleanupHandlers, runCleanup } from './lib/cleanup.ts';
import { createContext, type DatabaseKind, type Scenario, type ScenarioResult } from './lib/context.ts';
import { describeMachine } from './lib/machine.ts';
import { REPO_ROOT } from './lib/server.ts';
import { loadScenario } from './scenarios/load.ts';
import { startupScenario } from './scenarios/startup.ts';
import { supervisionScenario } from './scenarios/supervision.ts';
import { casesScenario } from './scenarios/cases.ts';
import { indicatorsScenario } from './scenarios/indicators.ts';
import { evaluationScenario } from './scenarios/evaluation.ts';
import { mixedScenario } from './scenarios/mixed.ts';

/** Run order matters: startup needs the empty databases that later scenarios then reuse. */
const SCENARIOS: Record<string, Scenario> = {
  startup: startupScenario,
  load: loadScenario,
  supervision: supervisionScenario,
  cases: casesScenario,
  indicators: indicatorsScenario,
  evaluation: evaluationScenario,
  mixed: mixedScenario,
};

const USAGE = `usage: tsx bench/run.ts [--only ${Object.keys(SCENARIOS).join('|')}] [--duration <s>] [--warmup <s>]
                         [--connections <n>] [--db pglite|postgres|both]`;

function positiveNumber(raw: string | undefined, fallback: number, name: string, allowZero = false): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new Error(`--${name} must be a positive number`);
  return value;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.only !== undefined && !(values.only in SCENARIOS))
    throw new Error(`unknown scenario "${values.only}"\n${USAGE}`);
  const db = values.db ?? 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error(`--db must be pglite, postgres or both\n${USAGE}`);
  return {
    scenarios: values.only ? [values.only] : Object.keys(SCENARIOS),
    // 10 s per run keeps the whole suite near 4–5 minutes on 2 cores.
    durationS: positiveNumber(values.duration, 10, 'duration'),
    warmupS: positiveNumber(values.warmup, 3, 'warmup', true),
    connections: positiveNumber(values.connections, 50, 'connections'),
    databases: (db === 'both' ? ['pglite', 'postgres'] : [db]) as DatabaseKind[],
  };
}

async function main(): Promise<number> {
  installCleanupHandlers();
  const { scenarios, ...options } = parseOptions();
  const context = createContext(options);
  const machine = await describeMachine();
  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  let failure: unknown;
  try {
    for (const name of scenarios) {
      const scenario = SCENARIOS[name];
      if (scenario) results.push(await scenario(context));
    }
  } catch (error) {
    failure = error;
  } finally {
    await runCleanup();
  }

  const header = [
    `# Chuangcheng benchmark, ${startedAt.toISOString()}`,
    '',
    `${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.postgres.split(' on ')[0]}`,
    '',
  ];
  const skipped = Object.entries(context.skipped).map(([kind, reason]) => `Skipped ${kind}: ${reason}.`);
  console.log([...header, ...results.map((r) => r.markdown), ...skipped].join('\n'));

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npx tsx bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    options,
    skipped: context.skipped,
    error: failure ? String((failure as Error).stack ?? failure) : undefined,
    results: Object.fromEntries(results.map((r) => [r.name, r.data])),
  };
  const file = path.join(REPO_ROOT, 'bench/results/latest.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so an interrupted run never leaves half a file behind.
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  console.error(`bench: wrote ${path.relative(process.cwd(), file)}`);

  if (failure) {
    console.error(`bench: failed: ${(failure as Error).message ?? String(failure)}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await runCleanup();
    process.exit(1);
  },
);
