import { defineSubscriber } from '../../outbox/subscriber.ts';
import { caseStatsRollupRepository } from './stats-rollup-repository.ts';

/*
 * The statistics roll-up (`case_stats_month`, decision 0189) follows the cases: every write that
 * changes what the statistics count emits `case.changed`, and its delivery recomputes the case's
 * slice (prefecture, month of report, county, category) from problem_case with one delete and one grouped insert. The
 * result depends only on the cases as they are, so a redelivered or late event writes the same rows.
 */
export const caseStatsSubscriber = defineSubscriber('cases.stats-rollup', {
  'case.changed': (trx, payload) =>
    caseStatsRollupRepository.recomputeSlice(trx, {
      prefectureCode: payload.prefectureCode,
      reportedAt: new Date(payload.reportedAt),
      regionPath: payload.regionPath,
      categoryCode: payload.categoryCode,
    }),
});
