import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { ConfigError } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { copyDatabase } from '../db/move.ts';
import { restoreBackup, writeBackup } from '../db/backup.ts';
import { fileStoreOf } from '../storage/file-store.ts';
import type { Database } from '../db/schema.ts';
import {
  auditSignerOf,
  exportCheckpoints,
  sequenceAuditLog,
  verifyAuditLog,
  type AuditSigner,
} from '../modules/audit/index.ts';
import { EXIT } from './errors.ts';
import { print, withDatabase } from './with-database.ts';

/**
 * Moves every row of `source` into the empty `target` and proves it: the row counts of every table
 * on both sides, and the audit log on the target verifying against the source's newest checkpoints
 * (signed just before the copy, so that they cover every entry).
 */
export async function moveDatabase(source: Kysely<Database>, target: Kysely<Database>, signer: AuditSigner) {
  await sequenceAuditLog(source, { signer });
  const checkpoints = await exportCheckpoints(source);
  const counts = await copyDatabase(source, target);
  const audit = await verifyAuditLog(target, { external: checkpoints });
  const mismatched = counts.filter((c) => c.source !== c.target);
  return { ok: mismatched.length === 0 && audit.ok, counts, mismatched, audit };
}

/** `chuangcheng move-to-postgres DATABASE_URL`, `backup DIR`, `restore DIR`. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('move-to-postgres <url>')
    .description(
      'copy the embedded database (CHUANGCHENG_DATA_DIR, server stopped) into an empty PostgreSQL and prove it: row counts per table, audit log verified against its last checkpoint; exits 3 if a check fails',
    )
    .option('--json', 'print the result as JSON')
    .action((url: string, opts: { json?: boolean }) =>
      withDatabase(async ({ db, kind }, config) => {
        if (kind !== 'pglite')
          throw new ConfigError('move-to-postgres moves the embedded database: unset DATABASE_URL');
        const signer = auditSignerOf(config, { create: true })!;
        const target = await openDatabase({ kind: 'postgres', url });
        try {
          const result = await moveDatabase(db, target.db, signer);
          const lines = [
            result.ok
              ? `moved ${result.counts.length} tables, ${result.counts.reduce((n, c) => n + c.target, 0)} rows; audit log verified against the checkpoints of ${result.audit.shards.length} trees`
              : 'the move FAILED its checks:',
            ...result.mismatched.map((c) => `  ${c.table}: ${c.source} rows here, ${c.target} there`),
            ...result.audit.shards.flatMap((s) => s.problems.map((p) => `  audit ${s.shard}: ${p}`)),
            result.ok
              ? `next: start the server with DATABASE_URL set; keep ${config.dataDir} for uploads and the signing key`
              : '',
          ].filter(Boolean);
          print(!!opts.json, result, lines.join('\n'));
          return result.ok ? EXIT.ok : EXIT.check;
        } finally {
          await target.close();
        }
      }),
    );

  program
    .command('backup <dir>')
    .description(
      'write a backup of the database (one consistent snapshot, also while a server on PostgreSQL runs; the embedded database needs the server stopped) and of the uploaded files into the new directory DIR',
    )
    .option('--json', 'print the manifest as JSON')
    .action((dir: string, opts: { json?: boolean }) =>
      withDatabase(async ({ db }, config) => {
        const signer = auditSignerOf(config, { create: true })!;
        const manifest = await writeBackup(db, dir, { signer, uploadsDir: fileStoreOf(config).scratchDir });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        print(
          !!opts.json,
          manifest,
          `backup written to ${dir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.uploads.files} files (${manifest.uploads.bytes} bytes), audit checkpoints of ${manifest.checkpoints.length} trees`,
        );
        // The uploads directory is only a scratch directory then: the files are in the bucket.
        if (config.s3)
          console.error(
            `note: uploaded files are in the S3 bucket ${config.s3.bucket}, not in this backup; keep them with the store's own versioning or replication`,
          );
      }),
    );

  program
    .command('restore <dir>')
    .description(
      "restore the backup in DIR into the configured database, which must be empty, and prove it: row counts per table and the audit log against the backup's signed checkpoints; exits 3 if a check fails",
    )
    .option('--json', 'print the result as JSON')
    .action((dir: string, opts: { json?: boolean }) =>
      withDatabase(
        async ({ db }, config) => {
          const result = await restoreBackup(db, dir, { uploadsDir: fileStoreOf(config).scratchDir });
          const rows = result.tables.reduce((n, t) => n + t.restored, 0);
          const lines = [
            result.ok
              ? `restored ${result.tables.length} tables, ${rows} rows, ${result.uploads.files} files; audit log verified against the checkpoints of ${result.audit.shards.length} trees`
              : 'the restore FAILED its checks:',
            ...result.mismatched.map((c) => `  ${c.table}: ${c.expected} rows in the backup, ${c.restored} restored`),
            ...result.audit.shards.flatMap((s) => s.problems.map((p) => `  audit ${s.shard}: ${p}`)),
            result.migrationsAppliedAfter.length > 0
              ? `then applied ${result.migrationsAppliedAfter.length} newer migrations`
              : '',
          ].filter(Boolean);
          print(!!opts.json, result, lines.join('\n'));
          return result.ok ? EXIT.ok : EXIT.check;
        },
        { migrateFirst: false },
      ),
    );
}
