import { Role } from '@chuangcheng/core';
import { expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import type { Actor } from '../modules/auth/index.ts';

/**
 * Table-driven policy tests (ARCHITECTURE convention 6, issue 12): every policy is specified by a
 * role × scope table written in its test, and the test walks every cell.
 *
 * Scopes are where the resource lies as seen from the actor:
 * - own: the actor's own region (a city office acting on its city);
 * - child: a region below it (one of the city's counties);
 * - parent: a region above it (the province, seen by a city account);
 * - other: a sibling region outside it (another city);
 * - province: an account with the whole province in scope, acting on a city.
 */
const SCOPES = ['own', 'child', 'parent', 'other', 'province'] as const;
export type Scope = (typeof SCOPES)[number];

const CITY = '23/2301';
/** The actor's region scope and the resource's region path for each scope. */
export const SCOPE_PATHS: Record<Scope, { actor: string; target: string }> = {
  own: { actor: CITY, target: CITY },
  child: { actor: CITY, target: `${CITY}/230102` },
  parent: { actor: CITY, target: '23' },
  other: { actor: CITY, target: '23/2306' },
  province: { actor: '23', target: CITY },
};

/** The unit of the unit officers in these tables (an officer "of" the resource's unit). */
export const OWN_UNIT = 'unit-own';

export function actorOf(
  role: Role,
  scope: Scope,
  orgUnitId: string | null = role === 'unit_officer' ? OWN_UNIT : null,
): Actor {
  return actorAt(role, SCOPE_PATHS[scope].actor, orgUnitId);
}

/** An actor with a scope of the test's own choosing (a region path), for cases beyond the five scopes. */
export function actorAt(role: Role, path: string, orgUnitId: string | null = null): Actor {
  return {
    userId: `user-${role}`,
    username: role,
    displayName: role,
    role,
    regionCode: path.split('/').pop() ?? path,
    regionPath: path,
    orgUnitId,
    via: 'token',
  };
}

/** Short names of outcomes in the tables: what the policy call returns or throws. */
const CODES: Record<string, string> = {
  ok: 'ok',
  '403': 'FORBIDDEN',
  '404': 'NOT_FOUND',
  scope: 'OUT_OF_SCOPE',
  '409': 'CONFLICT',
  conflict: 'SCORER_CONFLICT',
};

/** The outcome of a policy call: 'ok', or the short name of the problem it throws. */
export function outcome(run: () => unknown): string {
  try {
    const result = run();
    if (result === false) return 'no';
    if (result === true) return 'yes';
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const short = Object.entries(CODES).find(([, code]) => code === error.code)?.[0];
    return short ?? error.code;
  }
}

export type Cell = { role: Role; scope: Scope; expected: string };

/**
 * Reads a table written as text: a header `role own child parent other province` and one line per
 * role with one outcome per scope (ok, 403, 404, scope, yes, no, ...). Every role must be covered, so
 * that a new role cannot slip past a policy's specification. Two shorthands keep the tables to what
 * differs: a line with a single outcome means that outcome in every scope (`inspector 403`), and a
 * last line `others` gives the outcomes of every role not named above it (`others 403`).
 */
export function policyTable(text: string): Cell[] {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const [header = [], ...rows] = lines;
  if (header.join(' ') !== ['role', ...SCOPES].join(' ')) throw new Error(`bad header: ${header.join(' ')}`);
  const named = rows.filter((r) => r[0] !== 'others');
  const others = rows.length - named.length === 1 && rows.at(-1)?.[0] === 'others' ? rows.at(-1) : undefined;
  if (rows.length - named.length > (others ? 1 : 0)) throw new Error('`others` goes once, on the last line');
  const seen = named.map((r) => r[0]);
  const rest = Role.options.filter((r) => !seen.includes(r));
  if (new Set(seen).size !== seen.length || (rest.length > 0 && !others))
    throw new Error(`roles missing or repeated: ${rest.join(', ')}`);
  const full = [...named, ...(others ? rest.map((role) => [role, ...others.slice(1)]) : [])];
  return full.flatMap(([role = '', ...given]) => {
    const outcomes = given.length === 1 ? SCOPES.map(() => given[0]) : given;
    if (outcomes.length !== SCOPES.length) throw new Error(`row ${role}: ${given.length} cells`);
    return SCOPES.map((scope, i) => ({ role: Role.parse(role), scope, expected: outcomes[i] ?? '' }));
  });
}

/**
 * Walks every cell of every table of a policy's specification: `check[name]` makes the call the
 * table `name` specifies, for an actor of the cell's role and scope and the resource's region path.
 */
export function walkPolicyTables<K extends string>(
  spec: Record<K, Cell[]>,
  check: Record<K, (actor: Actor, target: string, scope: Scope) => unknown>,
): void {
  for (const name of Object.keys(spec) as K[]) {
    it.each(spec[name])(`${name}: $role, $scope → $expected`, ({ role, scope, expected }) => {
      expect(outcome(() => check[name](actorOf(role, scope), SCOPE_PATHS[scope].target, scope))).toBe(expected);
    });
  }
}
