import { isWithinScope } from '@chuangcheng/core';
import { forbidden, outOfScope } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';

/**
 * Who may do what in supervision: administrators (`supervision.write`) issue and close
 * notices and run meetings for units inside their region scope; a unit officer answers
 * only notices addressed to their own organisation and completes only its action items.
 */
export const supervisionPolicy = {
  canWriteFor(actor: Actor, regionPath: string): void {
    authorize(actor, 'supervision.write');
    assertInScope(actor, regionPath);
  },

  canReadNotice(
    actor: Actor,
    notice: { org_unit_id: string; escalated_to_org_unit_id: string | null; region_path: string },
  ) {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') {
      const ours = actor.orgUnitId === notice.org_unit_id || actor.orgUnitId === notice.escalated_to_org_unit_id;
      if (!ours) throw forbidden('this notice is addressed to another organisation');
      return;
    }
    assertInScope(actor, notice.region_path);
  },

  canAnswer(actor: Actor, notice: { org_unit_id: string }): void {
    authorize(actor, 'report.write');
    if (!actor.orgUnitId || actor.orgUnitId !== notice.org_unit_id) {
      throw forbidden('only the organisation the notice is addressed to answers it');
    }
  },

  /**
   * Who may be listed at a meeting: organisations in the actor's scope, and those of the
   * levels above it (a provincial department attends a city's joint meeting), never another
   * city's or county's.
   */
  canInvite(actor: Actor, unitRegionPath: string): void {
    if (isWithinScope(actor.regionPath, unitRegionPath) || isWithinScope(unitRegionPath, actor.regionPath)) return;
    throw outOfScope(`organisation in region ${unitRegionPath.split('/').pop()} is outside your scope`);
  },

  /** The organisation whose notifications and action items an actor sees. */
  ownUnit(actor: Actor): string {
    if (!actor.orgUnitId) throw forbidden('your account belongs to no organisation');
    return actor.orgUnitId;
  },
};
