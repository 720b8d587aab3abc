import { orgUnitRepository } from './repository.ts';

/** What other modules may read about organisation units. Reads only; units are written by this module alone. */
export const orgUnitLookup = {
  findById: orgUnitRepository.findById,
};
