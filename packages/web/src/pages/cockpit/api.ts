import type { ChildOutlines, CockpitMap, CockpitRanking, CockpitView } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The cockpit's reads (a region's targets, the map, the ranking) and the map outlines of the geo
 * module, typed by the core schemas the server answers with. Each is a cached query keyed by its
 * URL; nothing is asked while its query is null.
 */

/** The region (the person's scope region when absent) and the day the statuses are computed for. */
export interface CockpitParams {
  region?: string;
  asOf?: string;
}

/** What the map colours by: one target's status or one indicator's value (as the server's `mapDefault`). */
export type ColourBy = NonNullable<CockpitView['mapDefault']>;

export function useCockpit(query: CockpitParams | null, options?: ApiQueryOptions): ApiQuery<CockpitView> {
  return useApiQuery(query ? withQuery('/api/v1/cockpit', { ...query }) : null, options);
}

/** The child regions of `region` coloured by `colourBy`. */
export function useCockpitMap(
  query: { region: string; asOf: string; colourBy: ColourBy } | null,
  options?: ApiQueryOptions,
): ApiQuery<CockpitMap> {
  return useApiQuery(
    query
      ? withQuery('/api/v1/cockpit/map', {
          region: query.region,
          asOf: query.asOf,
          [query.colourBy.kind]: query.colourBy.code,
        })
      : null,
    options,
  );
}

/** The child regions of `region` ranked by mean progress. */
export function useCockpitRanking(
  query: { region: string; asOf: string } | null,
  options?: ApiQueryOptions,
): ApiQuery<CockpitRanking> {
  return useApiQuery(query ? withQuery('/api/v1/cockpit/ranking', { ...query }) : null, options);
}

/** The outlines of a region's children (GET /geo/:regionCode; 404 when there is no map for it). */
export function useChildOutlines(regionCode: string, options?: ApiQueryOptions): ApiQuery<ChildOutlines> {
  return useApiQuery(`/api/v1/geo/${encodeURIComponent(regionCode)}`, options);
}
