import { z } from 'zod';
import type { TimeLimit } from './cases.ts';

/**
 * Working time in China: time limits of cases (处置时限) are counted in working hours (工作时)
 * or working days (工作日). A day is a working day when it is Monday to Friday and not a
 * public holiday, or when it is a weekend day the State Council's notice makes a working
 * day (调休). All clock arithmetic happens in China Standard Time (UTC+8, no daylight saving).
 */

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** One year of the holiday calendar as data/cases/holidays.yaml writes it. */
export const HolidayYear = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** The notice that fixes the year, e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
  source: z.string().min(1),
  /** Days off (YYYY-MM-DD), weekends inside the holiday included. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** Weekend days that are working days (调休上班). */
  workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

export type WorkingCalendar = {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** Years the calendar knows; other years count Monday to Friday only. */
  years: ReadonlySet<number>;
  /** Working periods of a day in minutes after midnight, China time, in order. */
  periods: readonly (readonly [number, number])[];
};

/** 08:30–12:00 and 13:30–17:30: the usual office hours of Chinese government units (7.5 h). */
export const DEFAULT_WORKING_PERIODS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

export function buildWorkingCalendar(
  years: readonly HolidayYear[],
  periods: readonly (readonly [number, number])[] = DEFAULT_WORKING_PERIODS,
): WorkingCalendar {
  return {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
    years: new Set(years.map((y) => y.year)),
    periods,
  };
}

/** The China-time calendar day (YYYY-MM-DD) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC instant of a China-time day plus minutes after its midnight. */
function chinaInstant(day: string, minutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + minutes * 60_000;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  if (calendar.holidays.has(day)) return false;
  if (calendar.workdays.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Minutes of working time in one day. */
function dayLength(calendar: WorkingCalendar): number {
  return calendar.periods.reduce((sum, [a, b]) => sum + (b - a), 0);
}

const MAX_DAYS = 3660;

/** The instant `minutes` of working time after `start`. Zero minutes gives `start` itself. */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  if (minutes <= 0) return new Date(start.getTime());
  let remaining = minutes;
  let day = chinaDate(start);
  const from = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (!isWorkingDay(calendar, day)) continue;
    for (const [a, b] of calendar.periods) {
      const periodStart = Math.max(chinaInstant(day, a), from);
      const periodEnd = chinaInstant(day, b);
      if (periodEnd <= periodStart) continue;
      const available = (periodEnd - periodStart) / 60_000;
      if (available >= remaining) return new Date(periodStart + remaining * 60_000);
      remaining -= available;
    }
  }
  throw new Error('working time beyond ten years');
}

/** Working minutes between two instants (0 when `end` is not after `start`). */
export function workingMinutesBetween(calendar: WorkingCalendar, start: Date, end: Date): number {
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  let total = 0;
  let day = chinaDate(start);
  const lastDay = chinaDate(end);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (isWorkingDay(calendar, day)) {
      for (const [a, b] of calendar.periods) {
        const s = Math.max(chinaInstant(day, a), from);
        const e = Math.min(chinaInstant(day, b), to);
        if (e > s) total += (e - s) / 60_000;
      }
    }
    if (day === lastDay) return total;
  }
  return total;
}

/**
 * The close of business of the `days`-th working day after the day of `start`
 * (自受理次日起计算): reported on Monday with a 3-day limit → due Thursday 17:30.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  let day = chinaDate(start);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS && counted < days; i++) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day)) counted++;
  }
  const close = calendar.periods[calendar.periods.length - 1]![1];
  return new Date(chinaInstant(day, close));
}

/**
 * How a limit in working days is counted. `next_day` (次日起算, the default and the legal way of
 * counting periods in days): N working days end at the close of business of the Nth working day
 * after the day of the start, whatever its hour. `from_report`: N working days are N × the length
 * of a working day (7.5 h) of working time from the very moment of the start, for offices that
 * count days like hours. Hour limits always run from the moment.
 */
export const DayRule = z.enum(['next_day', 'from_report']);
export type DayRule = z.infer<typeof DayRule>;

/** The deadline of a time limit counted from `start`. */
export function deadlineAfter(
  calendar: WorkingCalendar,
  start: Date,
  limit: TimeLimit,
  dayRule: DayRule = 'next_day',
): Date {
  if (limit.unit === 'hours') return addWorkingMinutes(calendar, start, limit.amount * 60);
  return dayRule === 'next_day'
    ? addWorkingDays(calendar, start, limit.amount)
    : addWorkingMinutes(calendar, start, limit.amount * dayLength(calendar));
}

/**
 * Moves a deadline by working time: by the working minutes a pause lasted, or by an
 * approved extension. Days extend to the close of business `days` working days later.
 */
export function extendDeadline(calendar: WorkingCalendar, deadline: Date, limit: TimeLimit): Date {
  return deadlineAfter(calendar, deadline, limit);
}

/** After a pause from `pausedAt` to `resumedAt`, the deadline moves by the working time paused. */
export function deadlineAfterPause(calendar: WorkingCalendar, deadline: Date, pausedAt: Date, resumedAt: Date): Date {
  const paused = workingMinutesBetween(calendar, pausedAt, resumedAt);
  return addWorkingMinutes(calendar, deadline, paused);
}

/** Length of a working day in hours (7.5 with the default periods). */
export function workingDayHours(calendar: WorkingCalendar): number {
  return dayLength(calendar) / 60;
}

/** Years among the instants that the calendar has no holiday data for (the server warns about them). */
export function yearsMissing(calendar: WorkingCalendar, instants: readonly Date[]): number[] {
  const missing = new Set<number>();
  for (const d of instants) {
    const year = Number(chinaDate(d).slice(0, 4));
    if (!calendar.years.has(year)) missing.add(year);
  }
  return [...missing].sort();
}
