import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { evaluationPolicy, type RoundAccess } from './policy.ts';

// The specification of evaluationPolicy: role × where the round's region lies × action. The round
// is organised over the region itself (its owner) and has no assigned scorers; a scorer's
// assignment is specified in evaluation.test.ts through the API.
const round = (path: string, over: Partial<RoundAccess> = {}): RoundAccess => ({
  ownerPath: path,
  status: 'open',
  unannounced: false,
  assignments: [],
  ...over,
});
const region = (path: string) => ({ code: path.split('/').pop() ?? path, path });

const spec = {
  canManageAt: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
  canSubmitEvidence: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    others            403
  `),
  canSeeEvidence: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          403
  `),
  // Before publication only the organisers see scores.
  seeUnpublishedScores: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    403    403   ok
    city_admin        ok    ok    403    403   ok
    others            403
  `),
  seePublishedScores: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          403
  `),
  // A round is seen from the regions it evaluates and from the levels above them.
  seeAnnouncedRound: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    ok     scope ok
    city_admin        ok    ok    ok     scope ok
    unit_officer      ok    ok    ok     scope ok
    inspector         ok    ok    ok     scope ok
    volunteer_manager ok    ok    ok     scope ok
    auditor           ok    ok    ok     scope ok
    resident          403
  `),
  // 暗访: until published, only its organisers see an unannounced round.
  seeUnannouncedRound: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    403    403   ok
    city_admin        ok    ok    403    403   ok
    others            403
  `),
};

describe('evaluationPolicy', () => {
  it.each(spec.canManageAt)('canManageAt: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => evaluationPolicy.canManageAt(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  it.each(spec.canSubmitEvidence)('canSubmitEvidence: $role, $scope → $expected', ({ role, scope, expected }) => {
    const path = SCOPE_PATHS[scope].target;
    expect(outcome(() => evaluationPolicy.canSubmitEvidence(actorOf(role, scope), round(path), path))).toBe(expected);
  });
  it.each(spec.canSeeEvidence)('canSeeEvidence: $role, $scope → $expected', ({ role, scope, expected }) => {
    const path = SCOPE_PATHS[scope].target;
    expect(outcome(() => evaluationPolicy.canSeeEvidence(actorOf(role, scope), round(path), region(path)))).toBe(
      expected,
    );
  });
  it.each(spec.seeUnpublishedScores)('canSeeScores, unpublished: $role, $scope → $expected', (cell) => {
    const path = SCOPE_PATHS[cell.scope].target;
    const r = round(path, { status: 'under_review' });
    expect(outcome(() => evaluationPolicy.canSeeScores(actorOf(cell.role, cell.scope), r, region(path)))).toBe(
      cell.expected,
    );
  });
  it.each(spec.seePublishedScores)('canSeeScores, published: $role, $scope → $expected', (cell) => {
    const path = SCOPE_PATHS[cell.scope].target;
    const r = round(path, { status: 'published' });
    expect(outcome(() => evaluationPolicy.canSeeScores(actorOf(cell.role, cell.scope), r, region(path)))).toBe(
      cell.expected,
    );
  });
  it.each(spec.seeAnnouncedRound)('canSeeRound, announced: $role, $scope → $expected', (cell) => {
    const path = SCOPE_PATHS[cell.scope].target;
    expect(outcome(() => evaluationPolicy.canSeeRound(actorOf(cell.role, cell.scope), round(path), [path]))).toBe(
      cell.expected,
    );
  });
  it.each(spec.seeUnannouncedRound)('canSeeRound, unannounced: $role, $scope → $expected', (cell) => {
    const path = SCOPE_PATHS[cell.scope].target;
    const r = round(path, { unannounced: true });
    expect(outcome(() => evaluationPolicy.canSeeRound(actorOf(cell.role, cell.scope), r, [path]))).toBe(cell.expected);
  });
});
