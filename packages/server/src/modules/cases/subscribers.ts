import { defineSubscriber } from '../../outbox/subscriber.ts';
import { caseStatsRollupRepository, COUNTY_DEPTH } from './stats-rollup-repository.ts';

/** The day of report in China time ('YYYY-MM-DD'), as the roll-up's `at time zone 'Asia/Shanghai'` has it. */
const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * What a `case.changed` delivery recomputes: the case's (prefecture, month, county, category) slice
 * and its (prefecture, day, category) row of the wide roll-up. Two events need one recompute only
 * when both are the same: same prefecture, county, category and day of report (decision 0194).
 */
function caseSliceKey(payload: {
  prefectureCode: string;
  reportedAt: string;
  regionPath: string;
  categoryCode: string;
}): string {
  const county = payload.regionPath.split('/').slice(0, COUNTY_DEPTH).join('/');
  const day = chinaDay.format(new Date(payload.reportedAt));
  return JSON.stringify([payload.prefectureCode, day, county, payload.categoryCode]);
}

/** Per delivering transaction, the wide day rows (prefecture, China day, category) already recomputed. */
const wideDoneIn = new WeakMap<object, Set<string>>();

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
    'case.changed': async (trx, payload) => {
      // The wide rows of a day (prefecture, category) hold every county: a batch whose slices share
      // one recomputes them once, for the first (all of the batch's cases committed before its claim).
      const wideDone = wideDoneIn.get(trx) ?? new Set<string>();
      wideDoneIn.set(trx, wideDone);
      const wideKey = JSON.stringify([
        payload.prefectureCode,
        chinaDay.format(new Date(payload.reportedAt)),
        payload.categoryCode,
      ]);
      await caseStatsRollupRepository.recomputeSlice(
        trx,
        {
          prefectureCode: payload.prefectureCode,
          reportedAt: new Date(payload.reportedAt),
          regionPath: payload.regionPath,
          categoryCode: payload.categoryCode,
        },
        !wideDone.has(wideKey),
      );
      // Noted once the recompute has run: a delivery that fails is rolled back and leaves it unnoted.
      wideDone.add(wideKey);
    },
  },
  { 'case.changed': caseSliceKey },
);
