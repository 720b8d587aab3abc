import { describe, expect, it } from 'vitest';
import type { EntryAction, EntryStatus } from '@chuangcheng/core';
import { actorAt, actorOf, outcome, policyTable, SCOPE_PATHS, type Scope } from '../../test/policy-table.ts';
import type { EntryKey } from './entry-repository.ts';
import { enforceEntry, entryFormRefusal, levelOfPath } from './policy.ts';

// The specification of the data-entry policy: role × where the entry's region lies × action, for a
// data set entered at the level of that region (a city's set for a city, a county's for a county).
// Offices enter, approve and return level by level; a unit officer enters their own region's form.
const spec = {
  mayOpenForm: policyTable(`
    role              own   child parent other province
    unit_officer      yes   no    no     no    no
    others            yes
  `),
  saveDraft: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    403   scope  scope 403
    others            403   403   scope  scope 403
  `),
  submitDraft: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    403   scope  scope 403
    others            403   403   scope  scope 403
  `),
  saveSubmitted: policyTable(`
    role              own   child parent other province
    province_admin    409   409   scope  scope 409
    city_admin        409   409   scope  scope 409
    unit_officer      409   403   scope  scope 403
    others            403   403   scope  scope 403
  `),
  // A county's submission awaits its city, a city's the province: the office one level up approves.
  approveSubmitted: policyTable(`
    role              own   child parent other province
    province_admin    403   ok    scope  scope ok
    city_admin        403   ok    scope  scope ok
    others            403   403   scope  scope 403
  `),
  approveDraft: policyTable(`
    role              own   child parent other province
    province_admin    409   409   scope  scope 409
    city_admin        409   409   scope  scope 409
    others            403   403   scope  scope 403
  `),
  returnSubmitted: policyTable(`
    role              own   child parent other province
    province_admin    403   ok    scope  scope ok
    city_admin        403   ok    scope  scope ok
    others            403   403   scope  scope 403
  `),
};

/** The entry of a data set entered at the level of the region where `scope` puts it. */
function keyAt(scope: Scope): EntryKey {
  const path = SCOPE_PATHS[scope].target;
  const code = path.split('/').pop() ?? path;
  const level = levelOfPath(path);
  return {
    set: { code: 'set', name: '测试数据集', source: 'entry', region_level: level },
    region: { code, name: code, level, path, prefecture_code: null },
    period: '2026',
  } as unknown as EntryKey;
}

const enforce = (action: EntryAction, status: EntryStatus) =>
  spec[`${action}${status === 'draft' ? 'Draft' : 'Submitted'}` as keyof typeof spec].map((cell) => ({
    ...cell,
    what: `${action} a ${status} entry`,
    run: () => enforceEntry(actorOf(cell.role, cell.scope), keyAt(cell.scope), status, action),
  }));

describe('data-entry policy', () => {
  it.each(spec.mayOpenForm)('entryFormRefusal: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => entryFormRefusal(actorOf(role, scope), SCOPE_PATHS[scope].target) === null)).toBe(expected);
  });
  it.each([
    ...enforce('save', 'draft'),
    ...enforce('submit', 'draft'),
    ...enforce('save', 'submitted'),
    ...enforce('approve', 'submitted'),
    ...enforce('approve', 'draft'),
    ...enforce('return', 'submitted'),
  ])('enforceEntry, $what: $role, $scope → $expected', ({ run, expected }) => {
    expect(outcome(run)).toBe(expected);
  });
});

const DAOLI = '23/2301/230102';

describe('entryFormRefusal: whose data-entry form an actor may open and fill in', () => {
  it.each([
    ['a county officer, their county', actorAt('unit_officer', DAOLI), DAOLI, true],
    ['a county officer, the neighbouring county', actorAt('unit_officer', DAOLI), '23/2301/230103', false],
    ['a city officer, their city (a city-level set)', actorAt('unit_officer', '23/2301'), '23/2301', true],
    ['a city officer, a county of their city', actorAt('unit_officer', '23/2301'), DAOLI, false],
    ['a provincial department liaison, any county', actorAt('unit_officer', '23', 'unit-housing'), DAOLI, false],
    ['the city office, a county of the city', actorAt('city_admin', '23/2301'), DAOLI, true],
    ['the province office, any county', actorAt('province_admin', '23'), DAOLI, true],
    ['an inspector in scope', actorAt('inspector', '23'), DAOLI, true],
  ])('%s → allowed: %s', (_name, who, regionPath, allowed) => {
    expect(entryFormRefusal(who, regionPath) === null).toBe(allowed);
  });
});
