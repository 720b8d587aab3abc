import { indicatorPeriodOf, type EntryStatus, type IndicatorPeriodType } from '@chuangcheng/core';

/** The period before `period`, of the same type. */
function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  if (/^\d{4}$/.test(period)) return String(year - 1);
  if (period[4] === 'Q') {
    const q = Number(period.slice(5));
    return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
  }
  const m = Number(period.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The periods a form can be filled for, newest first: from the period containing `today` back
 * `years` whole years. The first is the current period, the second the one just ended.
 */
export function recentPeriods(type: IndicatorPeriodType, today: string, years: number): string[] {
  const oldestYear = Number(today.slice(0, 4)) - years;
  const periods: string[] = [];
  for (let p = indicatorPeriodOf(type, today); Number(p.slice(0, 4)) >= oldestYear; p = previousPeriod(p)) {
    periods.push(p);
  }
  return periods;
}

/** A problem's field mapped to the form: `body.values.x` or `values.x` → ['values', 'x']. */
export function formFieldOf(field: string): ['values' | 'comments', string] | null {
  const match = /^(?:body\.)?(values|comments)\.(.+)$/.exec(field);
  return match ? [match[1] as 'values' | 'comments', match[2]!] : null;
}

/** An import error's field, `row 7.heated-area`, as its row and what it is about. */
export function importErrorOf(field: string): { row: number | null; field: string } {
  const match = /^row (\d+)\.(.+)$/.exec(field);
  return match ? { row: Number(match[1]), field: match[2]! } : { row: null, field };
}

/** Tag colours of entry statuses: open work blue, waiting amber, approved green, returned red. */
export const entryStatusColour: Record<EntryStatus, string> = {
  empty: 'default',
  draft: 'blue',
  submitted: 'gold',
  approved_city: 'cyan',
  approved_province: 'green',
  returned: 'red',
};
