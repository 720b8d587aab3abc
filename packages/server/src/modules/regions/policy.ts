import { isWithinScope } from '@chuangcheng/core';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';

/** Regions: everyone signed in reads within their scope; administrators edit figures in scope. */
export const regionPolicy = {
  canRead(actor: Actor, regionPath: string): void {
    authorize(actor, 'region.read');
    // Ancestors of the scope root are readable by name (breadcrumbs), not their subtrees.
    assertInScope(actor, regionPath);
  },
  canWrite(actor: Actor, regionPath: string): void {
    authorize(actor, 'region.write');
    assertInScope(actor, regionPath);
  },
  isVisible(actor: Actor, regionPath: string): boolean {
    return isWithinScope(actor.regionPath, regionPath);
  },
};
