import type { Kysely } from 'kysely';
import { buildWorkingCalendar, type HolidayYear, type WorkingCalendar } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';

/**
 * The working calendar from the database, cached for five minutes (an import in this process
 * clears it at once; other processes see a new calendar within five minutes).
 */
let cached: { at: number; calendar: Promise<WorkingCalendar> } | null = null;
const TTL_MS = 5 * 60_000;

export function forgetCalendar(): void {
  cached = null;
}

async function load(db: Kysely<Database>): Promise<WorkingCalendar> {
  const years = await db.selectFrom('case_calendar_year').select(['year', 'source']).execute();
  const days = await db.selectFrom('case_calendar_day').select(['day', 'year', 'kind']).execute();
  const byYear: HolidayYear[] = years.map((y) => ({
    year: y.year,
    source: y.source,
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => String(d.day)),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => String(d.day)),
  }));
  return buildWorkingCalendar(byYear);
}

export function workingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const calendar = load(db);
    cached = { at: Date.now(), calendar };
    calendar.catch(() => {
      cached = null;
    });
  }
  return cached.calendar;
}

/** The calendar as data, for the configuration page. */
export async function calendarYears(db: Kysely<Database>) {
  const years = await db.selectFrom('case_calendar_year').select(['year', 'source']).orderBy('year').execute();
  const days = await db.selectFrom('case_calendar_day').select(['day', 'year', 'kind']).orderBy('day').execute();
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => String(d.day)),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => String(d.day)),
  }));
}
