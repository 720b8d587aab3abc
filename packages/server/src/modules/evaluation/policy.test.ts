import { describe } from 'vitest';
import { policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
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
  canManageAt: OFFICES_IN_SCOPE,
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
  'canSeeScores, unpublished': policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    403    403   ok
    city_admin        ok    ok    403    403   ok
    others            403
  `),
  'canSeeScores, published': policyTable(`
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
  'canSeeRound, announced': policyTable(`
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
  'canSeeRound, unannounced': policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    403    403   ok
    city_admin        ok    ok    403    403   ok
    others            403
  `),
};

describe('evaluationPolicy', () => {
  walkPolicyTables(spec, {
    canManageAt: (actor, target) => evaluationPolicy.canManageAt(actor, target),
    canSubmitEvidence: (actor, target) => evaluationPolicy.canSubmitEvidence(actor, round(target), target),
    canSeeEvidence: (actor, target) => evaluationPolicy.canSeeEvidence(actor, round(target), region(target)),
    'canSeeScores, unpublished': (actor, target) =>
      evaluationPolicy.canSeeScores(actor, round(target, { status: 'under_review' }), region(target)),
    'canSeeScores, published': (actor, target) =>
      evaluationPolicy.canSeeScores(actor, round(target, { status: 'published' }), region(target)),
    'canSeeRound, announced': (actor, target) => evaluationPolicy.canSeeRound(actor, round(target), [target]),
    'canSeeRound, unannounced': (actor, target) =>
      evaluationPolicy.canSeeRound(actor, round(target, { unannounced: true }), [target]),
  });
});
