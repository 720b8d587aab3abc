import { titleRepository } from './titles-repository.ts';

/** What other modules may read of the evaluation module's tables. Reads only. */
export const evaluationLookup = {
  /** The title history of every region (awarded, suspended, revoked, ...), for the cockpit. */
  listTitleEvents: titleRepository.listAll,
};
