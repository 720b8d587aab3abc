import type { z } from 'zod';
import type { FrameworkDetail, FrameworkList, Ranking, Round, Scorecard } from '@chuangcheng/core';
import { apiQueryOptions, useApiQuery, type ApiQuery } from '../../api/useApiQuery.ts';

/**
 * The evaluation module's reads, typed by the core schemas the server answers with (the same zod
 * schemas validate and document the routes). Each is a cached query keyed by its URL; a write
 * anywhere fetches what is on screen again (api/query-client.ts).
 */

const base = '/api/v1/evaluation';
const segment = encodeURIComponent;

/** The framework list (summaries); nothing is asked while `enabled` is false (a closed modal). */
export function useFrameworks(enabled = true): ApiQuery<z.infer<typeof FrameworkList>> {
  return useApiQuery(enabled ? `${base}/frameworks` : null);
}

/** One framework with its document, the newest version unless `version` is given. */
export function useFramework(id: string | null | undefined, version?: number): ApiQuery<FrameworkDetail> {
  return useApiQuery(
    id ? `${base}/frameworks/${segment(id)}${version === undefined ? '' : `?version=${version}`}` : null,
  );
}

export function useRound(id: string): ApiQuery<Round> {
  return useApiQuery(`${base}/rounds/${segment(id)}`);
}

export function useRanking(roundId: string | null): ApiQuery<Ranking> {
  return useApiQuery(roundId ? `${base}/rounds/${segment(roundId)}/ranking` : null);
}

/** One region's scorecard in a round, as query options (the publication asks for many at once). */
export function scorecardQuery(roundId: string, regionCode: string) {
  return apiQueryOptions<Scorecard>(`${base}/rounds/${segment(roundId)}/scorecards/${segment(regionCode)}`);
}

export function useScorecard(roundId: string, regionCode: string): ApiQuery<Scorecard> {
  return useApiQuery(`${base}/rounds/${segment(roundId)}/scorecards/${segment(regionCode)}`);
}
