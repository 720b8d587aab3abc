import { planLookupRepository } from './lookup-repository.ts';
import { planRepository } from './repository.ts';

export type { AssignmentFilter } from './lookup-repository.ts';

/**
 * What other modules may read of plans: reads only; plans are written by this module's import alone.
 * Bulk reads take a plan or lists of ids and answer in one query, so that no caller loops.
 */
export const planLookup = {
  findByCode: planRepository.findByCode,
  list: planRepository.list,
  listMilestones: planRepository.listMilestones,
  listTargets: planRepository.listTargets,
  ...planLookupRepository,
};
