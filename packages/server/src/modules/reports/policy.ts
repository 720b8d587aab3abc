import { message, isWithinScope } from '@chuangcheng/core';
import { forbidden, outOfScope } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';

/**
 * Who files and reads progress reports. A unit officer acts only for their own
 * organisation and only on tasks it is assigned to; administrators and auditors read the
 * reports of units whose region lies in their scope, and unit officers their own unit's.
 */
export const reportPolicy = {
  canFile(actor: Actor, target: { orgUnitId: string; assigned: boolean }): void {
    authorize(actor, 'report.write');
    if (actor.orgUnitId !== target.orgUnitId) throw forbidden(message('forbidden.reportOwnUnit'));
    if (!target.assigned) throw forbidden(message('forbidden.taskNotAssigned'));
  },

  canRead(actor: Actor, unit: { orgUnitId: string; regionPath: string }): void {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') {
      if (actor.orgUnitId !== unit.orgUnitId) throw forbidden(message('forbidden.readOwnReports'));
      return;
    }
    if (!isWithinScope(actor.regionPath, unit.regionPath)) throw outOfScope(message('scope.reportsOutside'));
  },

  /** The task list of the actor's own organisation. */
  canListOwnTasks(actor: Actor): string {
    authorize(actor, 'report.write');
    if (!actor.orgUnitId) throw forbidden(message('forbidden.noOrganisation'));
    return actor.orgUnitId;
  },

  /** Ledger and board: rows of units in scope; a unit officer sees only their own unit. */
  ledgerFilter(actor: Actor): { scopePath?: string; orgUnitId?: string } {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') {
      if (!actor.orgUnitId) throw forbidden(message('forbidden.noOrganisation'));
      return { orgUnitId: actor.orgUnitId };
    }
    return { scopePath: actor.regionPath };
  },

  /** The 督查通报 is an office's document: not a unit officer's, and for a region in the actor's scope. */
  canIssueBulletin(actor: Actor, regionPath: string): void {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') throw forbidden(message('report.officeDocument'));
    if (!isWithinScope(actor.regionPath, regionPath)) throw outOfScope(message('report.regionOutside'));
  },
};
