import type { RegionDetail, RegionList } from '@chuangcheng/core';
import type { z } from 'zod';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/** The regions module's reads, typed by the core schemas the server answers with. */

/** One region with the chain of regions above it. */
export function useRegion(code: string, options?: ApiQueryOptions): ApiQuery<RegionDetail> {
  return useApiQuery(`/api/v1/regions/${encodeURIComponent(code)}`, options);
}

/** The regions directly under one region. */
export function useRegionChildren(parent: string, options?: ApiQueryOptions): ApiQuery<z.infer<typeof RegionList>> {
  return useApiQuery(withQuery('/api/v1/regions', { parent }), options);
}
