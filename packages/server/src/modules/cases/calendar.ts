import type { Kysely } from 'kysely';
import { buildWorkingCalendar, type HolidayYear, type WorkingCalendar } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { keptPerDatabase } from '../../cache/generation.ts';
import { calendarRepository } from './calendar-repository.ts';

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

/**
 * The working calendar from the database, kept per database until an import on any server moves
 * the `case-calendar` cache generation (data-import.ts, in the import's transaction).
 */
const kept = keptPerDatabase('case-calendar', load);

export function workingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  return kept.current(db);
}

/** The same calendar, judged against a `case-calendar` generation the caller has just read with its other data. */
export function workingCalendarAt(db: Kysely<Database>, generation: number): Promise<WorkingCalendar> {
  return kept.at(db, generation);
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
