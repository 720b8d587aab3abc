import { describe } from 'vitest';
import { policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
import { planPolicy } from './policy.ts';

// The specification of planPolicy: role × where the plan's issuing region lies × action. A plan
// concerns its issuing region's whole subtree, so a city reads the province's plan (parent).
const spec = {
  canRead: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok    ok    ok     scope ok
  `),
  isReadable: policyTable(`
    role              own   child parent other province
    others            yes   yes   yes    no    yes
  `),
  canImport: OFFICES_IN_SCOPE,
};

describe('planPolicy', () => {
  walkPolicyTables(spec, {
    canRead: (actor, target) => planPolicy.canRead(actor, target),
    // isReadable filters lists whose route already checked plan.read, so it looks at the scope only.
    isReadable: (actor, target) => planPolicy.isReadable(actor, target),
    canImport: (actor, target) => planPolicy.canImport(actor, target),
  });
});
