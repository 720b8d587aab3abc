import { caseRepository } from './repository.ts';

/**
 * What other modules may read of the cases module's reference data (categories, the root region
 * cases fall back to). Reads only; cases and their tables are written by this module alone.
 */
export const caseLookup = {
  findCategory: caseRepository.findCategory,
  listCategories: caseRepository.listCategories,
  root: caseRepository.root,
};
