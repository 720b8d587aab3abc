import { assertInScope, authorize, type Actor } from '../auth/index.ts';

/**
 * Responsible units: staff read the units of regions inside their scope; administrators
 * (`org.write`) create and change units of regions inside their scope, so a city office
 * manages its own city's units and never another city's.
 */
export const orgUnitPolicy = {
  canList(actor: Actor): void {
    authorize(actor, 'org.read');
  },
  canRead(actor: Actor, regionPath: string): void {
    authorize(actor, 'org.read');
    assertInScope(actor, regionPath);
  },
  canWrite(actor: Actor, regionPath: string): void {
    authorize(actor, 'org.write');
    assertInScope(actor, regionPath);
  },
};
