import { message, can, isWithinScope } from '@chuangcheng/core';
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

  /** A unit's SMS numbers: an administrator whose scope holds the unit, or the unit's own officer. */
  canManageSmsContacts(actor: Actor, unit: { id: string; regionPath: string }): void {
    if (actor.role === 'unit_officer' && actor.orgUnitId === unit.id) return;
    supervisionPolicy.canWriteFor(actor, unit.regionPath);
  },

  canReadNotice(
    actor: Actor,
    notice: { org_unit_id: string; escalated_to_org_unit_id: string | null; region_path: string },
  ) {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') {
      const ours = actor.orgUnitId === notice.org_unit_id || actor.orgUnitId === notice.escalated_to_org_unit_id;
      if (!ours) throw forbidden(message('forbidden.noticeOtherUnit'));
      return;
    }
    assertInScope(actor, notice.region_path);
  },

  canAnswer(actor: Actor, notice: { org_unit_id: string }): void {
    authorize(actor, 'report.write');
    if (!actor.orgUnitId || actor.orgUnitId !== notice.org_unit_id) {
      throw forbidden(message('forbidden.noticeAnswer'));
    }
  },

  /**
   * Who may be listed at a meeting: organisations in the actor's scope, and those of the
   * levels above it (a provincial department attends a city's joint meeting), never another
   * city's or county's.
   */
  canInvite(actor: Actor, unitRegionPath: string): void {
    if (isWithinScope(actor.regionPath, unitRegionPath) || isWithinScope(unitRegionPath, actor.regionPath)) return;
    throw outOfScope(message('scope.organisationOutside', { region: unitRegionPath.split('/').pop() ?? '' }));
  },

  /**
   * Completing a meeting's action item: the officer of the unit that owns it, or an office whose
   * scope holds the meeting's region. An office out of scope is told so; anyone else, that the item
   * is not theirs.
   */
  canCompleteActionItem(actor: Actor, item: { owner_org_unit_id: string }, meetingRegionPath: string): void {
    const owner = can(actor.role, 'report.write') && actor.orgUnitId === item.owner_org_unit_id;
    const office = can(actor.role, 'supervision.write') && isWithinScope(actor.regionPath, meetingRegionPath);
    if (owner || office) return;
    authorize(actor, 'supervision.read');
    if (can(actor.role, 'supervision.write')) throw outOfScope(message('scope.meetingOutside'));
    throw forbidden(message('forbidden.actionItemOwner'));
  },

  /**
   * Which notices, meetings and instructions a list shows: a unit officer, those that involve
   * their own organisation wherever they lie; anyone else, those in their region subtree.
   */
  listScope(actor: Actor): { scopePath: string | undefined; unitId: string | undefined } {
    authorize(actor, 'supervision.read');
    if (actor.role === 'unit_officer') return { scopePath: undefined, unitId: supervisionPolicy.ownUnit(actor) };
    return { scopePath: actor.regionPath, unitId: undefined };
  },

  /** The organisation whose notifications and action items an actor sees. */
  ownUnit(actor: Actor): string {
    if (!actor.orgUnitId) throw forbidden(message('forbidden.noOrganisation'));
    return actor.orgUnitId;
  },
};
