import { authorize, type Actor } from '../auth/index.ts';

/**
 * Region groups are province-wide facts (the plan names the belts and the circle), so
 * anyone signed in may read all of them, members outside their own scope included;
 * only holders of `group.write` (province administrators) change them.
 */
export const groupPolicy = {
  canRead(actor: Actor): void {
    authorize(actor, 'region.read');
  },
  canWrite(actor: Actor): void {
    authorize(actor, 'group.write');
  },
};
