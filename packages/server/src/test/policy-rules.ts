import { policyTable } from './policy-table.ts';

/*
 * Rules that several policies follow, written once in the table form of `policy-table.ts`: a
 * policy whose specification is one of them names it (`canWrite: OFFICES_IN_SCOPE`); a policy that
 * differs in any cell writes its own table.
 */

/** The offices (province and city administrators) act within their scope; every other role is refused. */
export const OFFICES_IN_SCOPE = policyTable(`
  role              own   child parent other province
  province_admin    ok    ok    scope  scope ok
  city_admin        ok    ok    scope  scope ok
  others            403
`);

/** Only the unit's own officers act (OWN_UNIT, wherever it lies); every other role is refused. */
export const UNIT_OFFICERS_ONLY = policyTable(`
  role              own   child parent other province
  unit_officer      ok
  others            403
`);

/**
 * Who reads a unit's records (its reports, the notices issued to it, the evidence on them): its own
 * officers wherever it lies, and the offices and auditors whose scope holds it.
 */
export const UNIT_RECORD_READERS = policyTable(`
  role              own   child parent other province
  province_admin    ok    ok    scope  scope ok
  city_admin        ok    ok    scope  scope ok
  unit_officer      ok
  auditor           ok    ok    scope  scope ok
  others            403
`);
