import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { registerMap } from './Chart.tsx';

type Outlines = { state: 'loading' } | { state: 'none' } | { state: 'ready'; mapName: string };

/**
 * The map of a region's children, registered with echarts under the region's code. Most regions
 * have none (404): the cockpit then lists the children as coloured tiles instead.
 */
export function useRegionOutlines(regionCode: string): Outlines {
  const showError = useApiError();
  const [held, setHeld] = useState<{ code: string; outlines: Outlines } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<object>(`/api/v1/geo/${encodeURIComponent(regionCode)}`)
      .then((geoJson) => {
        registerMap(regionCode, geoJson);
        if (!cancelled) setHeld({ code: regionCode, outlines: { state: 'ready', mapName: regionCode } });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setHeld({ code: regionCode, outlines: { state: 'none' } });
        if (!(error instanceof ApiError && error.status === 404)) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [regionCode, showError]);

  return held?.code === regionCode ? held.outlines : { state: 'loading' };
}
