import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { apiKey } from './query-client.ts';

interface ListPage<T> {
  items: T[];
  nextCursor?: string | null;
}

function withCursor(url: string, cursor: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/** The cache key of a cursor-paged list: its URL's key and `pages`, so the URL's own prefix still reaches it. */
function pagedKey(url: string) {
  return [...apiKey(url), 'pages'];
}

/**
 * Loads `{items, nextCursor}` from a URL and pages on with the server's cursor ("load more"), as a
 * TanStack infinite query: after a write every loaded page is fetched again, so the list a person
 * has scrolled stays as long as it was.
 */
export function usePagedList<T>(url: string) {
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: pagedKey(url),
    queryFn: ({ pageParam }) => api.get<ListPage<T>>(pageParam ? withCursor(url, pageParam) : url),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    // While a new answer is on its way the previous rows stay, under the table's spinner.
    placeholderData: keepPreviousData,
  });
  const { fetchNextPage, hasNextPage } = query;

  const loadMore = useCallback(async () => {
    if (hasNextPage) await fetchNextPage();
  }, [fetchNextPage, hasNextPage]);
  const reload = useCallback(() => {
    void client.invalidateQueries({ queryKey: pagedKey(url), exact: true });
  }, [client, url]);

  const pages = query.data?.pages ?? [];
  return {
    items: pages.flatMap((page) => page.items),
    loading: query.isFetching || query.isPlaceholderData,
    nextCursor: query.isPlaceholderData ? null : (pages.at(-1)?.nextCursor ?? null),
    loadMore,
    reload,
  };
}
