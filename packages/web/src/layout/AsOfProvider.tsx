import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { chinaDate, type SessionAsOf } from '@chuangcheng/core';
import { api } from '../api/client.ts';
import { useMe } from '../auth/AuthProvider.tsx';

/** Where a date the person chose is kept: for this tab's session only, per account. */
const storageKey = (userId: string) => `cc.asOf.${userId}`;

interface AsOfState {
  /** The date the workbench, the supervision board and the cockpit are read as of. */
  asOf: string;
  /** Why the default is what it is; `chosen` once the person picked a date. */
  basis: SessionAsOf['basis'] | 'chosen';
  /** The server's default for this session (shown as the reset target). */
  defaultAsOf: string;
  setAsOf: (date: string | null) => void;
}

const AsOfContext = createContext<AsOfState | null>(null);

function storedChoice(userId: string): string | null {
  try {
    return window.sessionStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

/**
 * The session's one "as of" date. Its default comes from the server (the demo date, the end of a
 * finished plan, or today); a date picked in the header holds for the rest of the session; pages
 * read it with `useAsOf()` and render once it is known.
 */
export function AsOfProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [fallback, setFallback] = useState<SessionAsOf | null>(null);
  const [chosen, setChosen] = useState<string | null>(() => storedChoice(me.id));

  useEffect(() => {
    let cancelled = false;
    api
      .get<SessionAsOf>('/api/v1/workbench/as-of')
      .then((answer) => {
        if (!cancelled) setFallback(answer);
      })
      .catch(() => {
        // Without an answer the session reads today; pages still work.
        if (!cancelled) setFallback({ asOf: chinaDate(new Date()), basis: 'today' });
      });
    return () => {
      cancelled = true;
    };
  }, [me.id]);

  const setAsOf = useCallback(
    (date: string | null) => {
      setChosen(date);
      try {
        if (date) window.sessionStorage.setItem(storageKey(me.id), date);
        else window.sessionStorage.removeItem(storageKey(me.id));
      } catch {
        // Storage may be off; the choice then lasts until the page is reloaded.
      }
    },
    [me.id],
  );

  const value = useMemo<AsOfState | null>(
    () =>
      fallback
        ? {
            asOf: chosen ?? fallback.asOf,
            basis: chosen ? 'chosen' : fallback.basis,
            defaultAsOf: fallback.asOf,
            setAsOf,
          }
        : null,
    [chosen, fallback, setAsOf],
  );
  return <AsOfContext.Provider value={value}>{children}</AsOfContext.Provider>;
}

/** The session's "as of" state; null until its default is known. */
export function useAsOfState(): AsOfState | null {
  return useContext(AsOfContext);
}

/** The session's "as of" date, or null until it is known (load nothing until then). */
export function useAsOf(): string | null {
  return useContext(AsOfContext)?.asOf ?? null;
}
