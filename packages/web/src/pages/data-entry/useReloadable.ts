import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';

/** GETs a URL (none while null) and again on `reload()`, e.g. after an entry changed status. */
export function useReloadable<T>(url: string | null): {
  data: T | null;
  loading: boolean;
  reload: () => void;
  replace: (data: T) => void;
} {
  const showError = useApiError();
  const [round, setRound] = useState(0);
  const [held, setHeld] = useState<{ url: string; round: number; data: T | null } | null>(null);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    api
      .get<T>(url)
      .then((data) => {
        if (!cancelled) setHeld({ url, round, data });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setHeld({ url, round, data: null });
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [url, round, showError]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((data: T) => url && setHeld({ url, round, data }), [url, round]);
  const current = held?.url === url ? held : null;
  return { data: current?.data ?? null, loading: !current || current.round !== round, reload, replace };
}
