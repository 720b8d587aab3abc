import { z } from 'zod';

/**
 * Whether the holiday calendar (data/cases/holidays.yaml) covers the years deadlines are being
 * counted in. The State Council publishes next year's notice in October to December; from
 * 1 October (a quarter ahead) the next year is due, so administrators add it before the first
 * deadline that runs into it. The current year is always due.
 */
export const CalendarCoverage = z.object({
  /** The China-time day judged from (YYYY-MM-DD). */
  on: z.string(),
  installed: z.array(z.number().int()),
  /** Years due and missing: `current` counts Monday to Friday only today; `next` will from 1 January. */
  missing: z.array(z.object({ year: z.number().int(), due: z.enum(['current', 'next']) })),
});
export type CalendarCoverage = z.infer<typeof CalendarCoverage>;

/** The month (1-12) from which next year's calendar is due. */
export const NEXT_YEAR_DUE_MONTH = 10;

export function calendarCoverage(installed: Iterable<number>, on: string): CalendarCoverage {
  const years = [...new Set(installed)].sort((a, b) => a - b);
  const year = Number(on.slice(0, 4));
  const month = Number(on.slice(5, 7));
  const missing: CalendarCoverage['missing'] = [];
  if (!years.includes(year)) missing.push({ year, due: 'current' });
  if (month >= NEXT_YEAR_DUE_MONTH && !years.includes(year + 1)) missing.push({ year: year + 1, due: 'next' });
  return { on, installed: years, missing };
}
