import { isCancelledError, QueryClient, type QueryKey } from '@tanstack/react-query';
import { setWriteListener } from './client.ts';

/**
 * Server state in the web app is TanStack Query's cache (decision 0160). A GET is cached under a
 * key made from its URL, `['api', ...path segments, query string]`: `/api/v1/cases/stats?from=…`
 * is `['api', 'cases', 'stats', 'from=…']`, so invalidating `['api', 'cases']` reaches every list
 * and detail of cases, and one URL is one cache entry however many components show it.
 */
export function apiKey(url: string): QueryKey {
  const [path = '', search = ''] = url.split('?', 2);
  const segments = path
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
  return ['api', ...segments, search];
}

/**
 * What a query may carry in `meta`: `quiet` statuses are answers the page handles itself (a 404
 * meaning "none"); a `silent` query's failures are never shown.
 */
export interface ApiQueryMeta extends Record<string, unknown> {
  quiet?: readonly number[] | undefined;
  silent?: boolean | undefined;
}

/**
 * One client per app (and per test). Choices, each the old hand-written hooks' behaviour:
 * - no retries: a 403 or 404 is an answer, shown at once, and a 401 signs out at once;
 * - no refetch on window focus: forms are seeded from queries, and a person coming back to the tab
 *   must find what they typed; data changes reach the screen by invalidation after writes instead;
 * - stale at once (`staleTime` 0): a page opened again shows the cached answer and asks again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } },
  });
}

/**
 * Shows every failed GET once (not once per component showing it) through `onError`, the app's
 * `useApiError`, except the statuses a query marks `quiet`. Returns the function that stops it.
 */
export function reportFailures(client: QueryClient, onError: (error: unknown) => void): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    const { error } = event.action;
    if (isCancelledError(error)) return;
    const meta = event.query.meta as ApiQueryMeta | undefined;
    if (meta?.silent) return;
    const quiet = meta?.quiet ?? [];
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && quiet.includes(status)) return;
    onError(error);
  });
}

/**
 * After any successful write (POST, PUT, PATCH, DELETE, upload) every query is invalidated: the
 * ones on screen are fetched again, the others are marked stale and fetched when next shown. A
 * write in one module changes what others show (a report moves the board, the ledger and the
 * workbench; a case action the notifications; an approved entry the cockpit), and the server,
 * not the web app, knows those links (its outbox); refetching what is on screen is a handful of
 * GETs. Returns the function that stops listening.
 */
export function invalidateAfterWrites(client: QueryClient): () => void {
  setWriteListener(() => {
    void client.invalidateQueries({ queryKey: ['api'] });
  });
  return () => setWriteListener(null);
}
