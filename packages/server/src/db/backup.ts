import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import { ConfigError } from '../config.ts';
import { exportCheckpoints, sequenceAuditLog, verifyAuditLog, type AuditSigner } from '../modules/audit/index.ts';
import type { Database } from './schema.ts';
import { migrate, MIGRATIONS_DIR } from './migrate.ts';
import { countRows, loadTables, readTable, refuseNonEmpty, tablesOf, withSnapshot, type RowBatches } from './move.ts';

type AnyDb = Kysely<Database>;

const FORMAT = 'chuangcheng-backup';
const DATABASE_FILE = 'database.ndjson.gz';
const MANIFEST_FILE = 'manifest.json';
const UPLOADS_DIR = 'uploads';
const BATCH = 2000;

/** What a backup holds, written beside its data as `manifest.json`. */
export type BackupManifest = {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  /** The migrations the backed-up database had applied: a restore rebuilds exactly that schema first. */
  migrations: string[];
  tables: { table: string; rows: number }[];
  /** The newest signed checkpoint of every audit tree: the restored audit log is verified against them. */
  checkpoints: Awaited<ReturnType<typeof exportCheckpoints>>;
  uploads: { files: number; bytes: number };
};

/**
 * Writes a backup of `db` and of the uploads directory into the new directory `dir`. The database
 * is read in one repeatable-read transaction, so the backup is one moment even while a server on
 * PostgreSQL keeps writing; the audit log is sequenced and checkpointed just before, so that the
 * checkpoints cover (nearly) every entry. Format: `database.ndjson.gz` holds, per table, a line
 * `@<table>` followed by one `row_to_json` text per row; `uploads/` is a copy of the file store.
 */
export async function writeBackup(
  db: AnyDb,
  dir: string,
  options: { signer: AuditSigner; uploadsDir: string },
): Promise<BackupManifest> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new ConfigError(`the backup directory ${dir} is not empty; give a new directory`);
  }
  fs.mkdirSync(dir, { recursive: true });
  await migrate(db);
  await sequenceAuditLog(db, { signer: options.signer });
  const manifest = await withSnapshot(db, async (snapshot) => {
    const tables = await tablesOf(snapshot);
    const counts: BackupManifest['tables'] = [];
    async function* lines() {
      for (const table of tables) {
        yield `@${table}\n`;
        let rows = 0;
        for await (const batch of readTable(snapshot, table)) {
          rows += batch.length;
          yield batch.join('\n') + '\n';
        }
        counts.push({ table, rows });
      }
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(path.join(dir, DATABASE_FILE)));
    const migrations = (await snapshot.selectFrom('schema_migration').select('name').orderBy('name').execute()).map(
      (r) => r.name,
    );
    return { tables: counts, migrations, checkpoints: await exportCheckpoints(snapshot) };
  });
  const uploads = await copyFiles(options.uploadsDir, path.join(dir, UPLOADS_DIR));
  const full: BackupManifest = {
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    ...manifest,
    uploads,
  };
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(full, null, 2) + '\n');
  return full;
}

/** Reads and checks a backup's manifest. */
export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new ConfigError(`${dir} is not a backup: ${MANIFEST_FILE} is missing`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT || manifest.version !== 1) {
    throw new ConfigError(`${file} is not a Chuangcheng backup of version 1`);
  }
  return manifest;
}

export type RestoreResult = {
  ok: boolean;
  tables: { table: string; expected: number; restored: number }[];
  mismatched: { table: string; expected: number; restored: number }[];
  migrationsAppliedAfter: string[];
  audit: Awaited<ReturnType<typeof verifyAuditLog>>;
  uploads: { files: number; bytes: number };
};

/**
 * Restores the backup in `dir` into the empty database `db` and the uploads directory, and proves
 * it: the row count of every table against the manifest, and the audit log against the backup's
 * signed checkpoints. The schema is first built to exactly the backup's migrations, the rows loaded
 * (references checked), then the newer migrations of this version applied: a backup taken by an
 * older version restores into a newer one.
 */
export async function restoreBackup(db: AnyDb, dir: string, options: { uploadsDir: string }): Promise<RestoreResult> {
  const manifest = readManifest(dir);
  const known = new Set(fs.readdirSync(MIGRATIONS_DIR));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new ConfigError(`the backup comes from a newer version (migrations unknown here: ${unknown.join(', ')})`);
  }
  const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-restore-'));
  try {
    for (const m of manifest.migrations) fs.copyFileSync(path.join(MIGRATIONS_DIR, m), path.join(partial, m));
    await migrate(db, partial);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  await refuseNonEmpty(db);
  const tables = manifest.tables.map((t) => t.table);
  await loadTables(db, tables, tableReader(path.join(dir, DATABASE_FILE)));
  const after = await migrate(db);
  const counts = [];
  for (const t of manifest.tables) {
    const restored = t.table === 'schema_migration' ? t.rows : await countRows(db, t.table);
    counts.push({ table: t.table, expected: t.rows, restored });
  }
  const mismatched = counts.filter((c) => c.expected !== c.restored);
  const audit = await verifyAuditLog(db, { external: manifest.checkpoints });
  const uploads = await copyFiles(path.join(dir, UPLOADS_DIR), options.uploadsDir);
  return {
    ok: mismatched.length === 0 && audit.ok,
    tables: counts,
    mismatched,
    migrationsAppliedAfter: after.applied,
    audit,
    uploads,
  };
}

/**
 * The backup's rows per table, read once from the start of the file: `loadTables` asks for the tables
 * in the manifest's order, which is the order they were written.
 */
function tableReader(file: string): (table: string) => RowBatches {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  let pending: string | undefined;
  const next = async () => {
    if (pending !== undefined) {
      const line = pending;
      pending = undefined;
      return line;
    }
    const step = await iterator.next();
    return step.done ? undefined : step.value;
  };
  return async function* (table: string) {
    const header = await next();
    if (header !== `@${table}`)
      throw new ConfigError(`the backup is damaged: expected table ${table}, read ${header?.slice(0, 40)}`);
    let batch: string[] = [];
    for (;;) {
      const line = await next();
      if (line === undefined) break;
      if (line.startsWith('@')) {
        pending = line;
        break;
      }
      batch.push(line);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
}

/** Copies the files below `from` into `to` (kept where present), counting them. */
async function copyFiles(from: string, to: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { files, bytes };
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
    files += 1;
    bytes += fs.statSync(source).size;
  }
  return { files, bytes };
}
