import { describe } from 'vitest';
import { policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
import { groupPolicy } from './group-policy.ts';
import { regionPolicy } from './policy.ts';

// The specification of regionPolicy and groupPolicy: role × where the region lies × action.
// Groups are province-wide facts, so their answers do not depend on the scope.
const regionSpec = {
  canRead: policyTable(`
    role              own   child parent other province
    others            ok    ok    scope  scope ok
  `),
  canWrite: OFFICES_IN_SCOPE,
  isVisible: policyTable(`
    role              own   child parent other province
    others            yes   yes   no     no    yes
  `),
};
const groupSpec = {
  canRead: policyTable(`
    role              own   child parent other province
    others            ok
  `),
  canWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok
    others            403
  `),
};

describe('regionPolicy', () => {
  walkPolicyTables(regionSpec, {
    canRead: (actor, target) => regionPolicy.canRead(actor, target),
    canWrite: (actor, target) => regionPolicy.canWrite(actor, target),
    isVisible: (actor, target) => regionPolicy.isVisible(actor, target),
  });
});

describe('groupPolicy', () => {
  walkPolicyTables(groupSpec, {
    canRead: (actor) => groupPolicy.canRead(actor),
    canWrite: (actor) => groupPolicy.canWrite(actor),
  });
});
