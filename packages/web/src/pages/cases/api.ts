import type {
  CalendarCoverage,
  CaseCategoryList,
  CaseDetail,
  CaseMap,
  CaseSettings,
  CaseStats,
  CaseStatsQuery,
  DuplicateCandidateList,
  HolidayList,
} from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The cases module's staff reads (a case, its possible duplicates, the categories, the settings,
 * the holiday calendar, statistics and the map), typed by the core schemas the server answers
 * with. Each is a cached query keyed by its URL; nothing is asked while the id it needs is null.
 * The queue itself pages through `useTablePage`.
 */

const base = '/api/v1/cases';
const segment = encodeURIComponent;

/** One case with its timeline and photos (nothing while `id` is null). */
export function useCase(id: string | null | undefined): ApiQuery<CaseDetail> {
  return useApiQuery(id ? `${base}/${segment(id)}` : null);
}

/** Open cases near this one, suggested as the case it duplicates. */
export function useCaseDuplicates(id: string, options?: ApiQueryOptions): ApiQuery<DuplicateCandidateList> {
  return useApiQuery(`${base}/${segment(id)}/duplicates`, options);
}

/** The category tree for staff, inactive categories included. */
export function useCaseCategories(): ApiQuery<CaseCategoryList> {
  return useApiQuery(`${base}/categories`);
}

/** The duplicate distance and window and the stage limits. */
export function useCaseSettings(options?: ApiQueryOptions): ApiQuery<CaseSettings> {
  return useApiQuery(`${base}/settings`, options);
}

/** The holiday calendar in use. */
export function useHolidays(options?: ApiQueryOptions): ApiQuery<HolidayList> {
  return useApiQuery(`${base}/holidays`, options);
}

/** The years the holiday calendar lacks (the settings page warns). */
export function useCalendarCoverage(options?: ApiQueryOptions): ApiQuery<CalendarCoverage> {
  return useApiQuery(`${base}/holidays/coverage`, options);
}

/** Case statistics grouped as the query says; empty filters are left out. */
export function useCaseStats(
  query: { [K in keyof CaseStatsQuery]?: CaseStatsQuery[K] | undefined },
  options?: ApiQueryOptions,
): ApiQuery<CaseStats> {
  return useApiQuery(withQuery(`${base}/stats`, query), options);
}

/** Open cases on the map (points and counts per area), of one category or all. */
export function useCaseMap(categoryCode: string | undefined, options?: ApiQueryOptions): ApiQuery<CaseMap> {
  return useApiQuery(withQuery(`${base}/map`, { categoryCode }), options);
}
