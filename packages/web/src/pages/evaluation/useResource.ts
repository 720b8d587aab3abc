import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';

/**
 * GETs a URL (nothing while null) and holds the answer for that URL only, so a stale answer is
 * never shown as current; `reload` asks again after a change, `replace` takes an answer a write
 * already returned.
 */
export function useResource<T>(url: string | null) {
  const showError = useApiError();
  const [reloads, setReloads] = useState(0);
  const [held, setHeld] = useState<{ key: string; url: string; data: T | null; failed: boolean } | null>(null);
  const key = `${reloads} ${url}`;

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    api
      .get<T>(url)
      .then((data) => {
        if (!cancelled) setHeld({ key, url, data, failed: false });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setHeld({ key, url, data: null, failed: true });
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [key, url, showError]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const replace = useCallback(
    (data: T) => {
      if (url) setHeld({ key, url, data, failed: false });
    },
    [key, url],
  );
  const current = held?.key === key ? held : null;
  const sameUrl = held !== null && held.url === url;
  return {
    // After a reload the previous answer stays on screen until the new one arrives.
    data: current?.data ?? (sameUrl ? (held?.data ?? null) : null),
    loading: url !== null && current === null,
    failed: current?.failed ?? false,
    reload,
    replace,
  };
}
