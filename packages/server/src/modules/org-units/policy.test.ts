import { describe } from 'vitest';
import { policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
import { orgUnitPolicy } from './policy.ts';

// The specification of orgUnitPolicy: role × where the unit's region lies × action.
const spec = {
  canList: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok
  `),
  canRead: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok    ok    scope  scope ok
  `),
  canWrite: OFFICES_IN_SCOPE,
};

describe('orgUnitPolicy', () => {
  walkPolicyTables(spec, {
    canList: (actor) => orgUnitPolicy.canList(actor),
    canRead: (actor, target) => orgUnitPolicy.canRead(actor, target),
    canWrite: (actor, target) => orgUnitPolicy.canWrite(actor, target),
  });
});
