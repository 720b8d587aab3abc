import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DB } from './generated.ts';
import { REFERENCE_TABLES, TABLE_OWNER, type TableOwner } from './ownership.ts';

// Issue 12, "its repositories, SQL and tables are private": a module's SQL names only its own
// tables and the reference tables (read-only). This test reads every module's sources and the
// infrastructure that owns tables, finds each table a Kysely call or a raw `sql` template names,
// and fails on a table owned by someone else unless the pair is in ALLOWED below with its reason.

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Folders scanned: every module, and the infrastructure folders that own tables. */
const OWNER_DIRS: Record<string, string> = {
  cache: 'cache',
  jobs: 'jobs',
  outbox: 'outbox',
};

type Use = { file: string; line: number; table: keyof DB; write: boolean };

/**
 * The crossings still allowed, each with its reason: a module (optionally only some of its files) and
 * the other modules' tables it may name. Keep it short: the cure is a lookup or a service on the
 * owner's index.ts, or an outbox event.
 */
const ALLOWED: ReadonlyArray<{ module: TableOwner; files?: string[]; tables: (keyof DB)[]; reason: string }> = [
  {
    module: 'auth',
    tables: ['app_user'],
    reason:
      'auth keeps the credential column of a user account (password_hash, set on a password change); users owns the rest of the row',
  },
  {
    module: 'indicators',
    files: ['modules/indicators/demo-repository.ts'],
    tables: ['region_group_member', 'region_title_event'],
    reason:
      'the demo generator (chuangcheng demo) writes and removes a whole demo world across modules in one transaction; a tool, not a workflow',
  },
];

const allowed = (owner: TableOwner, file: string, table: keyof DB) =>
  ALLOWED.some((a) => a.module === owner && (!a.files || a.files.includes(file)) && a.tables.includes(table));

const WRITE_CALLS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'replaceInto']);
// Kysely calls that name a table as their first argument (a string, an alias 'x as y', or an array).
const CALL =
  /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral)\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g;
// Table names in raw SQL: `from x`, `join x`, `into x`, `update x`, `table x` inside sql`` templates.
const RAW = /\b(from|join|into|update|truncate(?:\s+table)?)\s+([a-z_][a-z0-9_]*)\b/gi;

function stripComments(text: string): string {
  // Blank out comments but keep line breaks so line numbers stay right.
  return text.replace(/\/\*[\s\S]*?\*\/|(?<![:'"`\\])\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

function sqlTemplates(text: string): { start: number; body: string }[] {
  const out: { start: number; body: string }[] = [];
  const re = /\bsql(?:<[^`]*?>)?`/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    let i = start;
    let depth = 0;
    let body = '';
    // Walk to the closing backtick; ${...} substitutions are blanked (a nested sql`` template in one
    // is found on its own).
    while (i < text.length) {
      const ch = text[i];
      if (depth === 0 && ch === '`') break;
      if (ch === '$' && text[i + 1] === '{') {
        depth++;
        body += '  ';
        i += 2;
        continue;
      }
      if (depth > 0 && ch === '}') depth--;
      body += depth > 0 && ch !== '\n' ? ' ' : ch;
      i++;
    }
    out.push({ start, body });
  }
  return out;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function isTable(name: string): name is keyof DB {
  return Object.hasOwn(TABLE_OWNER, name);
}

/** Every table use a source text makes, read or write. */
export function tableUses(file: string, source: string): Use[] {
  const text = stripComments(source);
  const uses: Use[] = [];
  for (const m of text.matchAll(CALL)) {
    const [, call = '', args = ''] = m;
    const names = [...args.matchAll(/['"]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"]/g)].map((n) => n[1] ?? '');
    for (const name of names) {
      if (isTable(name)) uses.push({ file, line: lineOf(text, m.index), table: name, write: WRITE_CALLS.has(call) });
    }
  }
  for (const t of sqlTemplates(text)) {
    for (const m of t.body.matchAll(RAW)) {
      const [, verb = '', word = ''] = m;
      const name = word.toLowerCase();
      if (isTable(name)) {
        uses.push({ file, line: lineOf(text, t.start + m.index), table: name, write: !/^(from|join)$/i.test(verb) });
      }
    }
  }
  return uses;
}

function sourceFiles(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      // Test set-up (fixtures.ts, *-fixture.ts) builds other modules' rows on purpose, as tests do.
      .filter((e) => !/(^|-)fixtures?\.ts$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
  );
}

function scanned(): { owner: TableOwner; file: string }[] {
  const modules = readdirSync(join(SRC, 'modules'), { withFileTypes: true }).filter((e) => e.isDirectory());
  const dirs = [
    ...modules.map((m) => ({ owner: m.name as TableOwner, dir: join(SRC, 'modules', m.name) })),
    ...Object.entries(OWNER_DIRS).map(([d, owner]) => ({ owner: owner as TableOwner, dir: join(SRC, d) })),
  ];
  return dirs.flatMap(({ owner, dir }) => sourceFiles(dir).map((file) => ({ owner, file })));
}

/** Uses of a table by someone other than its owner that neither the reference list nor ALLOWED permit. */
function crossings(): string[] {
  const out: string[] = [];
  for (const { owner, file } of scanned()) {
    const rel = relative(SRC, file);
    for (const use of tableUses(rel, readFileSync(file, 'utf8'))) {
      if (TABLE_OWNER[use.table] === owner) continue;
      if (REFERENCE_TABLES.has(use.table) && !use.write) continue;
      if (allowed(owner, rel, use.table)) continue;
      out.push(
        `${rel}:${use.line} ${use.write ? 'writes' : 'reads'} ${use.table} (owned by ${TABLE_OWNER[use.table]})`,
      );
    }
  }
  return [...new Set(out)].sort();
}

describe('table ownership', () => {
  it('finds table names in Kysely calls and raw SQL, and tells reads from writes', () => {
    const source = [
      "db.selectFrom('problem_case as c').innerJoin('region as r', 'r.code', 'c.region_code')",
      "  .leftJoin(\n    'case_event', 'x', 'y')",
      "trx.insertInto('notification').values(row)",
      'sql`select count(*) from observation o join plan_task t on true`',
      'sql`update action_item set x = ${sql`(select 1 from joint_meeting)`}`',
      "// selectFrom('attachment') in a comment is not a use",
      "db.selectFrom('not_a_table')",
    ].join('\n');
    const uses = tableUses('x.ts', source).map((u) => `${u.line} ${u.table} ${u.write ? 'w' : 'r'}`);
    expect(uses.sort()).toEqual(
      [
        '1 problem_case r',
        '1 region r',
        '2 case_event r',
        '4 notification w',
        '5 observation r',
        '5 plan_task r',
        '6 action_item w',
        '6 joint_meeting r',
      ].sort(),
    );
  });

  it('every module touches only its own tables and the reference tables (read-only)', () => {
    expect(crossings()).toEqual([]);
  });

  it('every allow-listed crossing still exists and carries a reason', () => {
    const uses = scanned().flatMap(({ owner, file }) =>
      tableUses(relative(SRC, file), readFileSync(file, 'utf8')).map((u) => ({ ...u, owner })),
    );
    for (const a of ALLOWED) {
      expect(a.reason.length, a.module).toBeGreaterThan(40);
      for (const table of a.tables) {
        const still = uses.some(
          (u) => u.owner === a.module && u.table === table && (!a.files || a.files.includes(u.file)),
        );
        expect(still, `${a.module} no longer touches ${table}: remove it from ALLOWED`).toBe(true);
      }
    }
  });
});
