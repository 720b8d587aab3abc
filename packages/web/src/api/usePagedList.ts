import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';
import { useApiError } from './useApiError.ts';

interface Loaded<T> {
  /** Which request the items answer, so a stale answer is never shown as current. */
  key: string;
  items: T[];
  nextCursor: string | null;
}

function withCursor(url: string, cursor: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * Loads `{items, nextCursor}` from a URL and pages on with the server's cursor ("load more").
 * Loading is derived from whether the held answer belongs to the current URL, rather than
 * set inside the effect, so a filter change costs one render, not two.
 */
export function usePagedList<T>(url: string) {
  const showError = useApiError();
  const [reloads, setReloads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = `${reloads} ${url}`;

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items: T[]; nextCursor?: string | null }>(url)
      .then((page) => {
        if (!cancelled) setLoaded({ key, items: page.items, nextCursor: page.nextCursor ?? null });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoaded({ key, items: [], nextCursor: null });
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [key, url, showError]);

  const current = loaded?.key === key ? loaded : null;

  const loadMore = useCallback(async () => {
    if (!current?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<{ items: T[]; nextCursor: string | null }>(withCursor(url, current.nextCursor));
      setLoaded((previous) =>
        previous?.key === key
          ? { key, items: [...previous.items, ...page.items], nextCursor: page.nextCursor }
          : previous,
      );
    } catch (error) {
      showError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [current, key, url, showError]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  return {
    // While a new answer is on its way the previous rows stay, under the table's spinner.
    items: loaded?.items ?? [],
    loading: current === null || loadingMore,
    nextCursor: current?.nextCursor ?? null,
    loadMore,
    reload,
  };
}
