/**
 * The national evaluation round computed in process, one computation per process (issue 13,
 * decision 0203): `gatherRound` (reading), `scoreGathered` (pure scoring), the round cache's
 * serialisation of the result (`JSON.stringify` of every region's scorecard, as
 * `roundCacheRepository.keep` writes it) and the plain SQL aggregation of
 * `bench/scenarios/evaluation.ts`, printed as one JSON line with the load average.
 *
 *   npx tsx bench/evaluation-national.ts generate --url postgres://postgres@127.0.0.1:5432/evalnat10
 *   npx tsx bench/evaluation-national.ts measure --url … --round ID [--digest]
 *   npx tsx bench/evaluation-national.ts generate --pglite DIR     (and measure --pglite DIR …)
 *   npx tsx bench/evaluation-national.ts scoring --url … --round ID --against DIR [--times 3]
 *   npx tsx bench/evaluation-national.ts photos --url … --round ID --against DIR [--times 3]
 *
 * `generate` starts the server once on the database (migrations and the default data set), then
 * writes bench/lib/evaluation-data.ts's rounds and prints them. `measure` times the code of the
 * tree this file sits in: to compare with an older commit, copy this file into a `git archive`
 * of it (with its own node_modules) and run it there on the same database, alternating.
 * `--digest` adds the SHA-256 of the serialised regions, so two trees can be shown to compute
 * the same scorecards byte for byte. `scoring` reads the round once and then times the pure scoring
 * (`scoreGathered`) of this tree and of the tree in DIR alternately on the same entries in one
 * process, each with the SHA-256 of what it computed. `photos` does the same for the photo lookup of
 * the round's active findings (`attachmentLookup.listFilesOf`, as `gatherRound` calls it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../packages/server/src/db/connection.ts';
import { gatherRound, scoreGathered } from '../packages/server/src/modules/evaluation/compute.ts';
import { roundRepository } from '../packages/server/src/modules/evaluation/round-repository.ts';
import { runCleanup } from './lib/cleanup.ts';
import { generateEvaluationData } from './lib/evaluation-data.ts';
import { REPO_ROOT, startServer, type DatabaseTarget } from './lib/server.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    pglite: { type: 'string' },
    round: { type: 'string' },
    digest: { type: 'boolean' },
    against: { type: 'string' },
    times: { type: 'string' },
  },
});

const target: DatabaseTarget = values.pglite
  ? { kind: 'pglite', dataDir: values.pglite }
  : { kind: 'postgres', url: values.url ?? 'postgres://postgres@127.0.0.1:5432/evalnat10' };

const open = () =>
  target.kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: target.dataDir })
    : openDatabase({ kind: 'postgres', url: target.url });

const loadAverage = () => Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

function treeCommit(): string {
  try {
    return execFileSync('git', ['-C', REPO_ROOT, 'describe', '--always', '--dirty'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return REPO_ROOT;
  }
}

async function generate() {
  const first = await startServer(target, { adminPassword: 'bench-evaluation-national' });
  await first.stop();
  const handle = await open();
  try {
    const generated = await generateEvaluationData(handle.db);
    console.log(JSON.stringify(generated));
  } finally {
    await handle.close();
  }
}

/** Garbage collection pauses, kept to be summed per phase once the phase is over. */
const pauses: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => pauses.push(...list.getEntries()));

const gcWithin = (from: number, to: number) =>
  Math.round(pauses.filter((p) => p.startTime >= from && p.startTime < to).reduce((n, p) => n + p.duration, 0));

async function measure(roundId: string) {
  gcObserver.observe({ entryTypes: ['gc'] });
  const handle = await open();
  try {
    const row = await handle.db
      .selectFrom('evaluation_round')
      .selectAll()
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    const loadBefore = loadAverage();
    const started = performance.now();
    const gathered = await gatherRound(handle.db, row);
    const read = performance.now();
    const computed = scoreGathered(gathered);
    const scored = performance.now();
    const serialised = JSON.stringify(computed.regions);
    const kept = performance.now();
    await roundRepository.deductionTotals(handle.db, roundId);
    await handle.db
      .selectFrom('evaluation_result')
      .select((eb) => ['region_code', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('satisfaction').as('s')])
      .where('round_id', '=', roundId)
      .groupBy('region_code')
      .execute();
    const plain = performance.now();
    // the observer hears of the last pauses on a later turn of the event loop
    await new Promise((resolve) => setTimeout(resolve, 50));
    gcObserver.disconnect();
    const ms = (x: number) => Math.round(x);
    console.log(
      JSON.stringify({
        tree: treeCommit(),
        database: target.kind,
        finished: new Date().toISOString(),
        load: [loadBefore, loadAverage()],
        readingMs: ms(read - started),
        scoringMs: ms(scored - read),
        computeMs: ms(scored - started),
        serialiseMs: ms(kept - scored),
        gcMs: {
          reading: gcWithin(started, read),
          scoring: gcWithin(read, scored),
          serialising: gcWithin(scored, kept),
        },
        plainSqlMs: ms(plain - kept),
        regions: computed.regions.length,
        losses: computed.regions.reduce((n, r) => n + r.score.losses.length, 0),
        totals: Math.round(computed.regions.reduce((n, r) => n + r.score.total, 0) * 100) / 100,
        bytes: serialised.length,
        ...(values.digest ? { sha256: crypto.createHash('sha256').update(serialised).digest('hex') } : {}),
      }),
    );
  } finally {
    await handle.close();
  }
}

type Compute = typeof import('../packages/server/src/modules/evaluation/compute.ts');

async function compareScoring(roundId: string, against: string) {
  gcObserver.observe({ entryTypes: ['gc'] });
  const other = (await import(path.resolve(against, 'packages/server/src/modules/evaluation/compute.ts'))) as Compute;
  const handle = await open();
  try {
    const row = await handle.db
      .selectFrom('evaluation_round')
      .selectAll()
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    const gathered = await gatherRound(handle.db, row);
    const trees: [string, Compute['scoreGathered']][] = [
      [treeCommit(), scoreGathered],
      [against, other.scoreGathered],
    ];
    for (let i = 0; i < Number(values.times ?? 3); i++) {
      for (const [tree, score] of i % 2 === 0 ? trees : [...trees].reverse()) {
        const load = loadAverage();
        const started = performance.now();
        const computed = score(gathered);
        const scored = performance.now();
        const sha256 = crypto.createHash('sha256').update(JSON.stringify(computed.regions)).digest('hex');
        await new Promise((resolve) => setTimeout(resolve, 50));
        console.log(
          JSON.stringify({
            tree,
            finished: new Date().toISOString(),
            load,
            scoringMs: Math.round(scored - started),
            gcMs: gcWithin(started, scored),
            sha256,
          }),
        );
      }
    }
  } finally {
    await handle.close();
  }
}

type Attachments = typeof import('../packages/server/src/modules/attachments/index.ts');

async function comparePhotos(roundId: string, against: string) {
  const mine = (await import('../packages/server/src/modules/attachments/index.ts')) as Attachments;
  const other = (await import(
    path.resolve(against, 'packages/server/src/modules/attachments/index.ts')
  )) as Attachments;
  const handle = await open();
  try {
    const ids = (
      await handle.db
        .selectFrom('evaluation_finding')
        .select('id')
        .where('round_id', '=', roundId)
        .where('withdrawn_at', 'is', null)
        .execute()
    ).map((f) => f.id);
    const trees: [string, Attachments][] = [
      [treeCommit(), mine],
      [against, other],
    ];
    for (let i = 0; i < Number(values.times ?? 3); i++) {
      for (const [tree, lookup] of i % 2 === 0 ? trees : [...trees].reverse()) {
        const load = loadAverage();
        const started = performance.now();
        const files = await lookup.attachmentLookup.listFilesOf(handle.db, ['evaluation_finding'], ids);
        const ms = Math.round(performance.now() - started);
        console.log(
          JSON.stringify({ tree, finished: new Date().toISOString(), load, ids: ids.length, files: files.length, ms }),
        );
      }
    }
  } finally {
    await handle.close();
  }
}

try {
  if (positionals[0] === 'generate') await generate();
  else if (positionals[0] === 'photos' && values.round && values.against)
    await comparePhotos(values.round, values.against);
  else if (positionals[0] === 'scoring' && values.round && values.against)
    await compareScoring(values.round, values.against);
  else if (positionals[0] === 'measure' && values.round) await measure(values.round);
  else
    throw new Error(
      'usage: evaluation-national.ts generate|measure|scoring|photos [--url URL | --pglite DIR] [--round ID]',
    );
} finally {
  await runCleanup();
}
