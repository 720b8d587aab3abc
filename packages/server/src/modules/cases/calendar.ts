import type { Kysely } from 'kysely';
import { buildWorkingCalendar, type HolidayYear, type WorkingCalendar } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { sharedGeneration } from '../../cache/generation.ts';
import { calendarRepository } from './calendar-repository.ts';

/**
 * The working calendar from the database, kept until an import on any server moves the
 * `case-calendar` cache generation (data-import.ts, in the import's transaction).
 */
let cached: Promise<WorkingCalendar> | null = null;
const calendarGeneration = sharedGeneration('case-calendar', () => {
  cached = null;
});

async function load(db: Kysely<Database>): Promise<WorkingCalendar> {
  const years = await calendarRepository.years(db);
  const days = await calendarRepository.days(db);
  const byYear: HolidayYear[] = years.map((y) => ({
    year: y.year,
    source: y.source,
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => String(d.day)),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => String(d.day)),
  }));
  return buildWorkingCalendar(byYear);
}

export async function workingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  await calendarGeneration.sync(db);
  return kept(db);
}

/** The same calendar, judged against a `case-calendar` generation the caller has just read with its other data. */
export function workingCalendarAt(db: Kysely<Database>, generation: number): Promise<WorkingCalendar> {
  calendarGeneration.observe(generation);
  return kept(db);
}

function kept(db: Kysely<Database>): Promise<WorkingCalendar> {
  if (!cached) {
    const calendar = load(db);
    cached = calendar;
    calendar.catch(() => {
      if (cached === calendar) cached = null;
    });
  }
  return cached;
}

/** The calendar as data, for the configuration page. */
export async function calendarYears(db: Kysely<Database>) {
  const years = await calendarRepository.years(db, true);
  const days = await calendarRepository.days(db, true);
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => String(d.day)),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => String(d.day)),
  }));
}
