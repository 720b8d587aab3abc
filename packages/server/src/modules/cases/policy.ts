import { message, can, isWithinScope } from '@chuangcheng/core';
import { forbidden, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';

/**
 * Who may see a case: staff holding case.read inside their region scope; a unit officer only the
 * cases dispatched to their own unit (or that their unit handled). Out of scope is 404 for a
 * single case (its existence is not revealed) and 403 for a region asked for by code.
 */
export const casePolicy = {
  canRead(actor: Actor, c: { region_path: string; org_unit_id: string | null; handled_by: string | null }, id: string) {
    authorize(actor, 'case.read');
    if (actor.role === 'unit_officer') {
      const ours = actor.orgUnitId !== null && actor.orgUnitId === c.org_unit_id;
      if (!ours && c.handled_by !== actor.userId) throw notFound('case', id);
      return;
    }
    if (!isWithinScope(actor.regionPath, c.region_path)) throw notFound('case', id);
  },

  /** Region scope for a workflow action (the unit check is in core's checkCaseAction). */
  canAct(actor: Actor, c: { region_path: string; org_unit_id: string | null }) {
    if (actor.role === 'unit_officer') return;
    assertInScope(actor, c.region_path);
  },

  /** Contact details: dispatchers in scope, and the officers of the unit the case is dispatched to. */
  seesContact(actor: Actor, c: { org_unit_id: string | null }) {
    if (can(actor.role, 'case.dispatch')) return true;
    return actor.role === 'unit_officer' && actor.orgUnitId !== null && actor.orgUnitId === c.org_unit_id;
  },

  canConfigure(actor: Actor, regionPath: string) {
    authorize(actor, 'case.configure');
    assertInScope(actor, regionPath);
  },

  /**
   * Staff intake (hotline, inspector, office) files cases only inside the actor's scope;
   * a resident, and anyone using the public form, may report a problem anywhere.
   */
  canFileIn(actor: Actor, channel: string, regionPath: string) {
    if (actor.role === 'resident' || channel === 'resident_web' || channel === 'open311') return;
    assertInScope(actor, regionPath);
  },

  /** Staff photos: reporters (before), handlers (after), inspectors (verification). */
  canUpload(actor: Actor) {
    if (!['case.report', 'case.handle', 'case.verify'].some((p) => can(actor.role, p as 'case.report'))) {
      throw forbidden(message('forbidden.casePhotos', { role: message(`role.${actor.role}`) }));
    }
  },

  /** Statistics and the map: a unit officer counts their own unit's cases only (`undefined`: no unit limit). */
  unitLimit(actor: Actor): string | null | undefined {
    return actor.role === 'unit_officer' ? actor.orgUnitId : undefined;
  },

  /**
   * Which cases a list shows: a unit officer (and anyone asking for the unit queue) sees their own
   * unit's cases wherever they lie; others see the scope asked for, optionally one unit. The
   * verification and dispatch queues need the permission of their action.
   */
  listScope(
    actor: Actor,
    query: { queue?: string; orgUnitId?: string },
    scopePath: string,
  ): { unitId: string | null; scopePath: string | null } {
    const officer = actor.role === 'unit_officer';
    const unitId = officer || query.queue === 'unit' ? casePolicy.ownUnit(actor) : (query.orgUnitId ?? null);
    if (query.queue === 'verify') authorize(actor, 'case.verify');
    if (query.queue === 'dispatch') authorize(actor, 'case.dispatch');
    return { unitId, scopePath: officer ? null : scopePath };
  },

  ownUnit(actor: Actor): string {
    if (!actor.orgUnitId) throw forbidden(message('forbidden.noOrganisation'));
    return actor.orgUnitId;
  },
};
