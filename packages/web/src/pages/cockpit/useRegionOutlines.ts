import { useMemo } from 'react';
import { useChildOutlines } from './api.ts';
import { registerMap } from './Chart.tsx';

type Outlines = { state: 'loading' } | { state: 'none' } | { state: 'ready'; mapName: string };

/**
 * The map of a region's children, registered with echarts under the region's code. Most regions
 * have none (404, not shown as an error): the cockpit then lists the children as coloured tiles instead.
 */
export function useRegionOutlines(regionCode: string): Outlines {
  const { data, error } = useChildOutlines(regionCode, { quiet: [404] });
  return useMemo((): Outlines => {
    if (data) {
      registerMap(regionCode, data);
      return { state: 'ready', mapName: regionCode };
    }
    if (error) return { state: 'none' };
    return { state: 'loading' };
  }, [data, error, regionCode]);
}
