import { message, isWithinScope } from '@chuangcheng/core';
import { authorize, type Actor } from '../auth/index.ts';
import { outOfScope } from '../../http/problem.ts';

/**
 * A plan concerns its issuing region and everything below it: anyone whose scope lies in
 * that subtree reads it (a city office reads the provincial plan); importing a plan needs
 * `plan.write` over the issuing region itself.
 */
export const planPolicy = {
  canRead(actor: Actor, issuingRegionPath: string): void {
    authorize(actor, 'plan.read');
    const concernsActor =
      isWithinScope(issuingRegionPath, actor.regionPath) || isWithinScope(actor.regionPath, issuingRegionPath);
    if (!concernsActor) throw outOfScope(message('scope.planOutside'));
  },
  isReadable(actor: Actor, issuingRegionPath: string): boolean {
    return isWithinScope(issuingRegionPath, actor.regionPath) || isWithinScope(actor.regionPath, issuingRegionPath);
  },
  canImport(actor: Actor, issuingRegionPath: string): void {
    authorize(actor, 'plan.write');
    if (!isWithinScope(actor.regionPath, issuingRegionPath)) {
      throw outOfScope(message('scope.planImport'));
    }
  },
};
