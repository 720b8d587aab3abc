import { describe, expect, it } from 'vitest';
import {
  coverageSufficient,
  isTimely,
  reportingRate,
  statusWithCoverage,
  timelyRate,
  type CompletenessRule,
} from './completeness.ts';

const rule: CompletenessRule = { minReportingRate: 80, timelyDays: 15, minTimelyRate: 50 };

describe('reporting rates (DHIS2)', () => {
  it('divides reporters and on-time reporters by the expected reporters', () => {
    // Harbin: 18 county-level units expected, 15 reported, 9 of them on time.
    expect(reportingRate({ reported: 15, expected: 18, timely: 9 })).toBeCloseTo(83.3333, 3);
    expect(timelyRate({ reported: 15, expected: 18, timely: 9 })).toBe(50);
    expect(reportingRate({ reported: 0, expected: 0, timely: 0 })).toBeNull();
  });

  it('counts a report on time up to the period end plus the timely days', () => {
    // 2019Q4 ends 2019-12-31; + 15 days = 2020-01-15.
    expect(isTimely('2019-12-31', '2020-01-15T23:59:00.000Z', 15)).toBe(true);
    expect(isTimely('2019-12-31', '2020-01-16T00:00:00.000Z', 15)).toBe(false);
    // A leap year: 2020-02-29 + 1 day is 2020-03-01.
    expect(isTimely('2020-02-29', '2020-03-01', 1)).toBe(true);
    expect(isTimely('2020-02-29', '2020-03-02', 1)).toBe(false);
  });
});

describe('coverage decides whether a status is shown', () => {
  it('needs both minimums', () => {
    expect(coverageSufficient({ reported: 15, expected: 18, timely: 9 }, rule)).toBe(true); // 83.3 %, 50 %
    expect(coverageSufficient({ reported: 14, expected: 18, timely: 14 }, rule)).toBe(false); // 77.8 % < 80 %
    expect(coverageSufficient({ reported: 18, expected: 18, timely: 8 }, rule)).toBe(false); // 44.4 % on time
    expect(coverageSufficient({ reported: 0, expected: 0, timely: 0 }, rule)).toBe(false);
  });

  it('a city does not read achieved from 1 of its 16 counties', () => {
    expect(statusWithCoverage('achieved', { reported: 1, expected: 16, timely: 1 }, rule)).toBe('insufficient_data');
    // 13 of 16 = 81.25 % reported, 8 of 16 = 50 % on time: shown.
    expect(statusWithCoverage('achieved', { reported: 13, expected: 16, timely: 8 }, rule)).toBe('achieved');
    expect(statusWithCoverage('no_data', null, rule)).toBe('no_data');
  });
});
