import type { CaseCategoryList, CaseTracking, DuplicateCandidateList, TrackManyResponse } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The public pages' reads (no account): the categories, possible duplicates near a point, one
 * case by number and tracking token, and the statuses of this phone's reports. Typed by the core
 * schemas the server answers with, imported as types only: no zod enters the public chunk.
 */

const base = '/api/v1/public';
const segment = encodeURIComponent;

/** The categories a resident may report under. */
export function usePublicCategories(): ApiQuery<CaseCategoryList> {
  return useApiQuery(`${base}/case-categories`);
}

/** Open cases of a category near a point (nothing until both are known). */
export function useNearbyCases(
  categoryCode: string | undefined,
  point: { lat?: number; lng?: number } | undefined,
  options?: ApiQueryOptions,
): ApiQuery<DuplicateCandidateList> {
  const url =
    categoryCode && point?.lat !== undefined && point.lng !== undefined
      ? withQuery(`${base}/cases/nearby`, { categoryCode, lat: point.lat, lng: point.lng })
      : null;
  return useApiQuery(url, options);
}

/** One case by its number and tracking token (nothing without a token). */
export function useTracking(
  number: string,
  token: string | null | undefined,
  options?: ApiQueryOptions,
): ApiQuery<CaseTracking> {
  return useApiQuery(token ? `${base}/cases/${segment(number)}?token=${segment(token)}` : null, options);
}

/** The statuses of several of the reporter's cases, `number.token` pairs (nothing for none). */
export function useTrackedCases(refs: string[], options?: ApiQueryOptions): ApiQuery<TrackManyResponse> {
  return useApiQuery(refs.length > 0 ? withQuery(`${base}/cases`, { refs: refs.join(',') }) : null, options);
}
