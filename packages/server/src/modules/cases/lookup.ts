import { publicRequestRepository } from './public-request-repository.ts';
import { caseRepository } from './repository.ts';

/**
 * What other modules may read of the cases module's reference data (categories, the root region
 * cases fall back to). Reads only; cases and their tables are written by this module alone.
 */
export const caseLookup = {
  findCategory: caseRepository.findCategory,
  listCategories: caseRepository.listCategories,
  root: caseRepository.root,
  // The public fields of cases, for the GeoReport v2 interface (open311); lists take many ids at once.
  listPublicRequests: publicRequestRepository.listRequests,
  latestPublicNotes: publicRequestRepository.latestNotes,
  listPublicUpdates: publicRequestRepository.updates,
  findNumberOfToken: publicRequestRepository.numberOfToken,
  firstPhotos: publicRequestRepository.firstPhotos,
};
