/**
 * The audit append on its own: `recordAudit` in a transaction of its own, from 10 concurrent
 * writers for a fixed time, beside a bare one-row INSERT transaction on the same database; on
 * PostgreSQL and on PGlite. With `--before DIR` (a checkout of an older commit that shares this
 * node_modules) the same is measured with that checkout's `recordAudit` and migrations, in the
 * same run.
 *
 *   npx tsx bench/audit-append.ts [--seconds 10] [--before /tmp/old-checkout]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { runCleanup } from './lib/cleanup.ts';
import { createBenchDatabase, postgresVersion } from './lib/postgres.ts';
import { fmtInt, markdownTable } from './lib/report.ts';
import { REPO_ROOT } from './lib/server.ts';

const WRITERS = 10;
const { values } = parseArgs({ options: { seconds: { type: 'string' }, before: { type: 'string' } } });
const seconds = Number(values.seconds ?? 10);

type Db = Kysely<never>;
type Checkout = { label: string; root: string };
type Loaded = {
  openDatabase: (o: object) => Promise<{ db: Db; close: () => Promise<void> }>;
  migrate: (db: Db) => Promise<unknown>;
  recordAudit: (trx: Db, context: object, event: object) => Promise<void>;
  /** Absent in checkouts from before the verifiable log. */
  sequenceAuditLog?: (db: Db) => Promise<{ sequenced: number }>;
};

async function load(root: string): Promise<Loaded> {
  const src = path.join(root, 'packages/server/src');
  const sequencer = path.join(src, 'modules/audit/sequencer.ts');
  return {
    ...(fs.existsSync(sequencer) ? await import(sequencer) : {}),
    ...(await import(path.join(src, 'db/connection.ts'))),
    ...(await import(path.join(src, 'db/migrate.ts'))),
    ...(await import(path.join(src, 'modules/audit/service.ts'))),
  } as Loaded;
}

/** Transactions committed per second by WRITERS loops running `work` for `seconds`. */
async function throughput(db: Db, work: (trx: Db, n: number) => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (Date.now() < until) {
        await (db as unknown as Kysely<object>).transaction().execute((trx) => work(trx as unknown as Db, done));
        done++;
      }
    }),
  );
  return done / seconds;
}

async function measure(checkout: Checkout, kind: 'pglite' | 'postgres') {
  const code = await load(checkout.root);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-audit-append-'));
  const handle =
    kind === 'pglite'
      ? await code.openDatabase({ kind: 'pglite', dataDir })
      : await code.openDatabase({ kind: 'postgres', url: (await createBenchDatabase()).url, poolSize: WRITERS });
  try {
    await code.migrate(handle.db);
    await sql`create table bench_bare_insert (id bigserial primary key, body jsonb not null)`.execute(handle.db);
    const audit = await throughput(handle.db, (trx, n) =>
      code.recordAudit(
        trx,
        { actor: null },
        { action: 'bench.append', entityType: 'bench', entityId: String(n), regionCode: '230102', after: { n } },
      ),
    );
    // How fast one sequencer integrates what the writers appended (its queue holds all of it now).
    let sequencing = '–';
    if (code.sequenceAuditLog) {
      const started = performance.now();
      const { sequenced } = await code.sequenceAuditLog(handle.db);
      sequencing = fmtInt(sequenced / ((performance.now() - started) / 1000));
    }
    const bare = await throughput(handle.db, async (trx, n) => {
      await sql`insert into bench_bare_insert (body) values (${JSON.stringify({ n })})`.execute(trx);
    });
    return [checkout.label, kind, fmtInt(audit), fmtInt(bare), `${Math.round((100 * audit) / bare)} %`, sequencing];
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const checkouts: Checkout[] = [
  ...(values.before ? [{ label: `before (${values.before})`, root: path.resolve(values.before) }] : []),
  { label: 'this checkout', root: REPO_ROOT },
];
const kinds = (await postgresVersion()) ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
const rows: string[][] = [];
try {
  for (const kind of kinds) for (const checkout of checkouts) rows.push(await measure(checkout, kind));
} finally {
  await runCleanup();
}
console.log(
  `${WRITERS} concurrent writers, ${seconds} s each, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log(
  markdownTable(
    ['code', 'database', 'audit append (tx/s)', 'bare INSERT (tx/s)', 'of bare', 'sequenced (entries/s)'],
    rows,
  ),
);
