import type { CaseActionName } from './api/cases.ts';
import type { CaseStatus } from './cases.ts';
import { message, type LocalizedMessage } from './server-messages.ts';
import { can, type Permission, type Role } from './roles.ts';

/**
 * The case workflow as data: which action is allowed from which state, by whom, and where it
 * leads. Region scope is checked by the server on top of this; here are the rules that need
 * no database: the state, the role's permission, the unit the case is dispatched to, and that
 * whoever handled a case does not verify it.
 */

/** Who acts: the dispatcher (创城办 / 指挥中心), the unit it is dispatched to, or an inspector. */
type ActorKind = 'dispatcher' | 'unit' | 'dispatcher_or_unit' | 'verifier';

type Rule = { from: readonly CaseStatus[]; kind: ActorKind };

export const caseActionRules: Record<CaseActionName, Rule> = {
  accept: { from: ['submitted'], kind: 'dispatcher' },
  reject: { from: ['submitted'], kind: 'dispatcher' },
  merge: { from: ['submitted', 'accepted'], kind: 'dispatcher' },
  dispatch: { from: ['submitted', 'accepted'], kind: 'dispatcher' },
  start: { from: ['dispatched'], kind: 'unit' },
  return: { from: ['dispatched', 'handling'], kind: 'unit' },
  request_extension: { from: ['handling'], kind: 'unit' },
  decide_extension: { from: ['handling'], kind: 'dispatcher' },
  pause: { from: ['accepted', 'dispatched', 'handling'], kind: 'dispatcher_or_unit' },
  resume: { from: ['accepted', 'dispatched', 'handling'], kind: 'dispatcher_or_unit' },
  handle: { from: ['handling'], kind: 'unit' },
  verify: { from: ['handled'], kind: 'verifier' },
};

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'];

export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_CASE_STATUSES.includes(status);
}

export type WorkflowCase = {
  status: CaseStatus;
  paused: boolean;
  pendingExtension: boolean;
  orgUnitId: string | null;
  /** The account that recorded the last handling (处置), if any. */
  handledBy: string | null;
};

export type WorkflowActor = { userId: string; role: Role; orgUnitId: string | null };

export type ActionCheck =
  { ok: true } | { ok: false; reason: 'state' | 'permission' | 'unit' | 'handler'; message: LocalizedMessage };

const permissionOf: Record<ActorKind, Permission[]> = {
  dispatcher: ['case.dispatch'],
  unit: ['case.handle'],
  dispatcher_or_unit: ['case.dispatch', 'case.handle'],
  verifier: ['case.verify'],
};

/** Whether `actor` may take `action` on the case now (scope aside). */
export function checkCaseAction(c: WorkflowCase, actor: WorkflowActor, action: CaseActionName): ActionCheck {
  const rule = caseActionRules[action];
  const permissions = permissionOf[rule.kind];
  if (!permissions.some((p) => can(actor.role, p))) {
    return {
      ok: false,
      reason: 'permission',
      message: message('case.roleLacks', {
        role: message(`role.${actor.role}`),
        permissions: permissions.map((p) => message(`permission.${p}`)),
      }),
    };
  }
  // A unit officer acts only on cases dispatched to their own unit.
  const actsAsUnit = rule.kind === 'unit' || (rule.kind === 'dispatcher_or_unit' && !can(actor.role, 'case.dispatch'));
  if (actsAsUnit && (!actor.orgUnitId || actor.orgUnitId !== c.orgUnitId)) {
    return { ok: false, reason: 'unit', message: message('case.otherUnit') };
  }
  if (rule.kind === 'verifier' && c.handledBy === actor.userId) {
    return { ok: false, reason: 'handler', message: message('case.handlerVerifies') };
  }
  if (!rule.from.includes(c.status)) {
    return {
      ok: false,
      reason: 'state',
      message: message('case.wrongState', {
        status: message(`caseStatus.${c.status}`),
        action: message(`caseAction.${action}`),
      }),
    };
  }
  if (action === 'pause' && c.paused) return { ok: false, reason: 'state', message: message('case.alreadyPaused') };
  if (action === 'resume' && !c.paused) return { ok: false, reason: 'state', message: message('case.notPaused') };
  if (action === 'request_extension' && c.pendingExtension) {
    return { ok: false, reason: 'state', message: message('case.extensionPending') };
  }
  if (action === 'decide_extension' && !c.pendingExtension) {
    return { ok: false, reason: 'state', message: message('case.noExtensionPending') };
  }
  if (action === 'handle' && c.paused) {
    return { ok: false, reason: 'state', message: message('case.resumeBeforeHandling') };
  }
  return { ok: true };
}

/** The state an action leads to; `verify` depends on whether it passed. */
export function nextCaseStatus(status: CaseStatus, action: CaseActionName, passed?: boolean): CaseStatus {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'merge':
      return 'duplicate';
    case 'dispatch':
      return 'dispatched';
    case 'start':
      return 'handling';
    case 'return':
      return 'accepted';
    case 'handle':
      return 'handled';
    case 'verify':
      return passed ? 'closed' : 'handling';
    default:
      return status;
  }
}

/** Every action the actor may take now, in the order of caseActionRules. */
export function allowedCaseActions(c: WorkflowCase, actor: WorkflowActor): CaseActionName[] {
  return (Object.keys(caseActionRules) as CaseActionName[]).filter((a) => checkCaseAction(c, actor, a).ok);
}

/** A reporter's rating: "not fixed" on a closed case sends it back to verification. */
export function statusAfterRating(status: CaseStatus, fixed: boolean): CaseStatus {
  return status === 'closed' && !fixed ? 'handled' : status;
}
