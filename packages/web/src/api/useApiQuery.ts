import { useCallback } from 'react';
import { keepPreviousData, queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { apiKey, type ApiQueryMeta } from './query-client.ts';

export interface ApiQueryOptions {
  /** While another URL's answer is on its way, keep showing the previous one (a filter changed). */
  keepPrevious?: boolean;
  /** Report `loading` while the URL is still null (the page waits for something to build it from). */
  loadingWithoutUrl?: boolean;
  /** Statuses the page handles itself instead of a notification, e.g. 404 for "there is none". */
  quiet?: readonly number[];
  /** No notification for any failure: a background list that must not disturb the page. */
  silent?: boolean;
  /** Fetch again every so many milliseconds while shown (polling). */
  refetchEvery?: number;
}

export interface ApiQuery<T> {
  /** The answer for this URL (null before it arrives, after a failure, or while the URL is null). */
  data: T | null;
  /** A request for this URL is on its way (the first one, or a refetch after a write or `reload`). */
  loading: boolean;
  /** The last request for this URL failed (already shown to the person by `useApiError`). */
  failed: boolean;
  /** Fetches this URL again. */
  reload: () => void;
  /** Puts an answer a write already returned into the cache for this URL. */
  replace: (data: T) => void;
  /** The failure itself, for a page that shows some statuses its own way. */
  error: unknown;
}

/** The TanStack options behind `useApiQuery` (also what the tests observe without React). */
export function apiQueryOptions<T>(url: string | null, options: ApiQueryOptions = {}) {
  const meta: ApiQueryMeta = { quiet: options.quiet, silent: options.silent };
  return queryOptions<T>({
    queryKey: url === null ? ['api', null] : apiKey(url),
    queryFn: url === null ? skipToken : () => api.get<T>(url),
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchEvery,
    meta,
  });
}

/**
 * GETs a URL through the shared TanStack Query cache (nothing while `url` is null). Every
 * component asking for the same URL shares one request and one answer; after any write the
 * answer is fetched again (query-client.ts). Failures are shown once by the client's error
 * handler (`useApiError`), and a 401 signs out as before (api/client.ts).
 */
export function useApiQuery<T>(url: string | null, options: ApiQueryOptions = {}): ApiQuery<T> {
  const client = useQueryClient();
  const query = useQuery(apiQueryOptions<T>(url, options));

  const reload = useCallback(() => {
    if (url !== null) void client.invalidateQueries({ queryKey: apiKey(url), exact: true });
  }, [client, url]);
  const replace = useCallback(
    (data: T) => {
      if (url !== null) client.setQueryData(apiKey(url), data);
    },
    [client, url],
  );

  return {
    data: url === null && !options.keepPrevious ? null : (query.data ?? null),
    loading: url === null ? (options.loadingWithoutUrl ?? false) : query.isFetching || query.isPending,
    failed: query.isError,
    error: query.error,
    reload,
    replace,
  };
}

/**
 * A GET made on demand (a tree node opened, a button pressed) through the same cache: an answer
 * already held for the URL is reused while fresh, and a failure is shown by the cache's reporter,
 * so the caller only handles its own state.
 */
export function useApiFetch(): <T>(url: string) => Promise<T> {
  const client = useQueryClient();
  return useCallback(<T>(url: string) => client.fetchQuery(apiQueryOptions<T>(url)), [client]);
}
