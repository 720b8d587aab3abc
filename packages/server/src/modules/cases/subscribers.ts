import { defineSubscriber } from '../../outbox/subscriber.ts';
import { caseStatsRollupRepository, COUNTY_DEPTH } from './stats-rollup-repository.ts';

/** The month of report in China time ('YYYY-MM'), as the roll-up's `date_trunc(… 'Asia/Shanghai')` has it. */
const chinaMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/**
 * The slice a `case.changed` names: prefecture, month of report, county path, category. Two events
 * with the same slice need one recompute (decision 0194).
 */
function caseSliceKey(payload: {
  prefectureCode: string;
  reportedAt: string;
  regionPath: string;
  categoryCode: string;
}): string {
  const county = payload.regionPath.split('/').slice(0, COUNTY_DEPTH).join('/');
  const month = chinaMonth.format(new Date(payload.reportedAt));
  return JSON.stringify([payload.prefectureCode, month, county, payload.categoryCode]);
}

/*
 * The statistics roll-up (`case_stats_month`, decision 0189) follows the cases: every write that
 * changes what the statistics count emits `case.changed`, and its delivery recomputes the case's
 * slice (prefecture, month of report, county, category) from problem_case with one delete and one grouped insert. The
 * result depends only on the cases as they are, so a redelivered or late event writes the same rows,
 * and the events of one claimed batch that name the same slice are delivered with one recompute.
 */
export const caseStatsSubscriber = defineSubscriber(
  'cases.stats-rollup',
  {
    'case.changed': (trx, payload) =>
      caseStatsRollupRepository.recomputeSlice(trx, {
        prefectureCode: payload.prefectureCode,
        reportedAt: new Date(payload.reportedAt),
        regionPath: payload.regionPath,
        categoryCode: payload.categoryCode,
      }),
  },
  { 'case.changed': caseSliceKey },
);
