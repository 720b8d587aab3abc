import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { defineSubscriber } from '../../outbox/subscriber.ts';
import { roundCacheRepository } from './round-cache-repository.ts';

const byRegion = async (trx: Transaction<Database>, regionCode: string) =>
  roundCacheRepository.invalidate(trx, await roundCacheRepository.unpublishedRoundsWithRegion(trx, regionCode));

/*
 * The computed unpublished rounds kept in `evaluation_round_cache` (decision 0174) are dropped by the
 * events that change what they are computed from: a round's own entries (results, findings, material,
 * indicator values filled in), and the incidents and title events of its regions (negative-list
 * deductions). Each delivery moves the round's generation and empties what it kept; a redelivered
 * event moves it again, with the same effect: the next read recomputes from the inputs as they are.
 * The framework a round reads is the version it pinned, which never changes.
 */
export const roundCacheSubscriber = defineSubscriber('evaluation.round-cache', {
  'evaluation-round.changed': (trx, payload) => roundCacheRepository.invalidate(trx, [payload.roundId]),
  'incident.recorded': (trx, payload) => byRegion(trx, payload.regionCode),
  'title-event.recorded': (trx, payload) => byRegion(trx, payload.regionCode),
});
