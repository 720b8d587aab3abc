import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';

/** GETs a URL (none while null) and holds the answer for that URL only, so stale answers never show. */
export function useLoaded<T>(url: string | null): { data: T | null; loading: boolean } {
  const showError = useApiError();
  const [held, setHeld] = useState<{ url: string; data: T | null } | null>(null);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    api
      .get<T>(url)
      .then((data) => {
        if (!cancelled) setHeld({ url, data });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setHeld({ url, data: null });
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [url, showError]);

  const current = held?.url === url ? held : null;
  return { data: current?.data ?? held?.data ?? null, loading: current === null };
}
