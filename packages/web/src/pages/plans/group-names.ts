import { createContext, useContext, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';

/** Region group names by code, so a scope reads 生活垃圾强制分类试点城市, not pilot-waste-sorting. */
export const GroupNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useGroupNames(): ReadonlyMap<string, string> {
  return useContext(GroupNamesContext);
}

/** Loads the names once for the plan page; until they arrive (or if they fail) codes are shown. */
export function useLoadedGroupNames(): ReadonlyMap<string, string> {
  const showError = useApiError();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    api
      .get<Items<{ code: string; name: string }>>('/api/v1/region-groups')
      .then(({ items }) => {
        if (!cancelled) setNames(new Map(items.map((group) => [group.code, group.name])));
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [showError]);
  return names;
}
