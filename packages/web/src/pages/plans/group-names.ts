import { createContext, useContext, useMemo } from 'react';
import type { Items } from '../../api/types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';

/** Region group names by code, so a scope reads 生活垃圾强制分类试点城市, not pilot-waste-sorting. */
export const GroupNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useGroupNames(): ReadonlyMap<string, string> {
  return useContext(GroupNamesContext);
}

/** Loads the names for the plan page; until they arrive (or if they fail) codes are shown. */
export function useLoadedGroupNames(): ReadonlyMap<string, string> {
  const { data } = useApiQuery<Items<{ code: string; name: string }>>('/api/v1/region-groups');
  return useMemo(() => new Map((data?.items ?? []).map((group) => [group.code, group.name])), [data]);
}
