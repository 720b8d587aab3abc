import type { Command } from 'commander';
import { listNoticePrefixes, setNoticePrefix } from '../modules/supervision/index.ts';
import { print, type WithDatabase } from './with-database.ts';

/** `chuangcheng supervision …`: each office's 督办单 number prefix. */
export function registerSupervisionCommands(program: Command, withDatabase: WithDatabase): void {
  const supervision = program.command('supervision').description('supervision offices (督查督办) settings');
  supervision
    .command('notice-prefix <office> <prefix>')
    .description('set the 督办单 number prefix of an office (name or id), e.g. 黑文明督 → 黑文明督〔2026〕1号')
    .option('--json', 'print the result as JSON')
    .action((office: string, prefix: string, opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const set = await setNoticePrefix(db, office, prefix);
        print(!!opts.json, set, `${set.name}: notices are numbered ${set.prefix}〔year〕N号`);
      }),
    );
  supervision
    .command('notice-prefixes')
    .description('list the offices with a configured 督办单 number prefix')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const rows = await listNoticePrefixes(db);
        print(!!opts.json, rows, rows.map((r) => `${r.name}\t${r.prefix}`).join('\n') || 'no prefixes configured');
      }),
    );
}
