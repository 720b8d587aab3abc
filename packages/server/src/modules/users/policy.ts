import { message, grantableRoles, isWithinScope, type Role } from '@chuangcheng/core';
import { AppError, forbidden, outOfScope } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';

/**
 * Who may manage which accounts: an administrator acts only on accounts inside their
 * own scope, may grant only the roles `grantableRoles` allows, and never a scope wider
 * than their own. Nobody changes their own role or scope.
 */
export const userPolicy = {
  canList(actor: Actor): void {
    authorize(actor, 'user.read');
  },

  canRead(actor: Actor, target: { id: string; regionPath: string }): void {
    if (target.id === actor.userId) return;
    authorize(actor, 'user.read');
    if (!isWithinScope(actor.regionPath, target.regionPath)) throw outOfScope(message('scope.accountOutside'));
  },

  canGrant(actor: Actor, grant: { role: Role; regionPath: string }): void {
    authorize(actor, 'user.write');
    if (!grantableRoles(actor.role).includes(grant.role)) {
      throw forbidden(
        message('forbidden.grantRole', { actor: message(`role.${actor.role}`), role: message(`role.${grant.role}`) }),
      );
    }
    if (!isWithinScope(actor.regionPath, grant.regionPath)) {
      throw outOfScope(message('scope.newScopeOutside'));
    }
  },

  canUpdate(actor: Actor, target: { id: string; role: Role; regionPath: string }, changesRoleOrScope: boolean): void {
    authorize(actor, 'user.write');
    if (!isWithinScope(actor.regionPath, target.regionPath)) throw outOfScope(message('scope.accountOutside'));
    if (!grantableRoles(actor.role).includes(target.role)) {
      throw forbidden(
        message('forbidden.manageRole', { actor: message(`role.${actor.role}`), role: message(`role.${target.role}`) }),
      );
    }
    if (target.id === actor.userId && changesRoleOrScope) {
      throw forbidden(message('forbidden.ownRole'));
    }
  },

  /**
   * Binding an account to an organisation: the organisation must lie inside the actor's own
   * scope (a 大庆 administrator cannot make an account that speaks for 哈尔滨's office or the
   * province's), and inside the account's scope, so that the account's region and its
   * organisation never point at two different places.
   */
  canBindOrgUnit(actor: Actor, unit: { regionPath: string }, account: { regionPath: string }): void {
    if (!isWithinScope(actor.regionPath, unit.regionPath)) {
      throw outOfScope(message('scope.unitOutside'));
    }
    if (!isWithinScope(account.regionPath, unit.regionPath)) {
      throw new AppError('VALIDATION_FAILED', message('user.orgOutsideAccountRegion'), [
        { field: 'body.orgUnitId', message: message('user.orgInAccountRegion') },
      ]);
    }
  },
};
