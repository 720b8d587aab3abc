import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import {
  auditSignerOf,
  exportCheckpoints,
  getConsistencyProof,
  getInclusionProof,
  sequenceAuditLog,
  verifyAuditLog,
  type AuditVerdict,
} from '../modules/audit/index.ts';
import { CheckpointFile } from '@chuangcheng/core';
import { EXIT, reportError } from './errors.ts';
import { print, withDatabase } from './with-database.ts';

function readCheckpointFile(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  let parsed: z.infer<typeof CheckpointFile>;
  try {
    parsed = CheckpointFile.parse(JSON.parse(text));
  } catch {
    throw new ConfigError(
      `${file} is not a checkpoint file (from audit checkpoint --out or GET /api/v1/audit/checkpoints)`,
    );
  }
  return parsed.checkpoints;
}

function describeVerdict(verdict: AuditVerdict): string {
  const lines = verdict.shards.map((s) =>
    s.problems.length === 0
      ? `  ${s.shard}: ${s.entries} entries, ${s.checkpointsChecked} checkpoints match`
      : `  ${s.shard}: ${s.problems.join('; ')}`,
  );
  if (verdict.legacyChain.brokenAt !== null) {
    lines.push(
      `  hash chain before the verifiable log: broken at row ${verdict.legacyChain.brokenAt}: ${verdict.legacyChain.reason}`,
    );
  }
  const head = verdict.ok
    ? `audit log intact: ${verdict.entries} entries in ${verdict.shards.length} trees, ${verdict.pending} pending`
    : 'audit log FAILED verification:';
  return [head, ...lines].join('\n');
}

const signerFor = (config: Config) => auditSignerOf(config, { create: true })!;

/** `chuangcheng audit …`: verify, prove, checkpoint, public key. */
export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description('the audit log: Merkle trees per prefecture with signed checkpoints');
  audit
    .command('verify')
    .description(
      'rebuild every tree from its entries and check it against every checkpoint (and those in --checkpoint files); exits 3 on any problem',
    )
    .option('--checkpoint <file...>', 'checkpoint files kept elsewhere (from audit checkpoint --out)')
    .option('--json', 'print the result as JSON')
    .action((opts: { checkpoint?: string[]; json?: boolean }) => {
      const external = (opts.checkpoint ?? []).flatMap(readCheckpointFile);
      return withDatabase(async ({ db }) => {
        const verdict = await verifyAuditLog(db, { external });
        print(!!opts.json, verdict, describeVerdict(verdict));
        return verdict.ok ? EXIT.ok : EXIT.check;
      });
    });
  audit
    .command('checkpoint')
    .description(
      'sequence pending entries, sign a checkpoint of every tree that grew, and print or --out the newest ones',
    )
    .option('--out <file>', 'write the checkpoints to a file (JSON) to keep outside the database')
    .action((opts: { out?: string }) =>
      withDatabase(async ({ db }, config) => {
        await sequenceAuditLog(db, { signer: signerFor(config) });
        const file = {
          format: 'chuangcheng-audit-checkpoints/1' as const,
          exportedAt: new Date().toISOString(),
          checkpoints: await exportCheckpoints(db),
        };
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (opts.out) {
          fs.writeFileSync(opts.out, text);
          console.log(`wrote ${file.checkpoints.length} checkpoints to ${opts.out}`);
        } else process.stdout.write(text);
      }),
    );
  audit
    .command('prove <entry>')
    .description('print the inclusion proof of an audit entry (by id) against its newest checkpoint')
    .action((entry: string) =>
      withDatabase(async ({ db }) => {
        const id = Number(entry);
        if (!Number.isSafeInteger(id) || id < 1) throw new ConfigError('<entry> must be an audit entry id');
        print(true, await getInclusionProof(db, id), '');
      }),
    );
  audit
    .command('consistency')
    .description("print the proof that a shard's tree of --first entries is a prefix of its tree of --second")
    .requiredOption('--shard <code>', 'the prefecture code (a province code for province-wide entries, 00 for none)')
    .requiredOption('--first <n>', 'the older tree size')
    .option('--second <n>', 'the newer tree size (default: the newest checkpoint)')
    .action((opts: { shard: string; first: string; second?: string }) =>
      withDatabase(async ({ db }) => {
        const first = Number(opts.first);
        const second = opts.second === undefined ? undefined : Number(opts.second);
        if (!Number.isSafeInteger(first) || (second !== undefined && !Number.isSafeInteger(second))) {
          throw new ConfigError('--first and --second must be whole numbers');
        }
        print(true, await getConsistencyProof(db, opts.shard, first, second), '');
      }),
    );
  audit
    .command('public-key')
    .description("print this server's checkpoint signing key (PEM); anyone checks checkpoints with it")
    .action(() => {
      try {
        process.stdout.write(signerFor(loadConfig()).publicKey);
      } catch (error) {
        process.exit(reportError(error));
      }
    });
}
