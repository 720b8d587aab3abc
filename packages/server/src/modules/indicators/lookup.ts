import { indicatorLookupRepository } from './lookup-repository.ts';

/** What other modules may read of the indicator store's tables. Reads only. */
export const indicatorLookup = {
  demoPeriods: indicatorLookupRepository.demoPeriods,
};
