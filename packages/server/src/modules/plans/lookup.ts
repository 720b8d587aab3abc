import { planRepository } from './repository.ts';

/** What other modules may read of plans: reads only; plans are written by this module's import alone. */
export const planLookup = {
  findByCode: planRepository.findByCode,
  list: planRepository.list,
  listMilestones: planRepository.listMilestones,
  listTargets: planRepository.listTargets,
};
