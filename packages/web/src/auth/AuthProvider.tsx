import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, SessionResponse } from '@chuangcheng/core';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface AuthValue {
  state: AuthState;
  login: (credentials: LoginRequest) => Promise<void>;
  logout: (everywhere: boolean) => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const queryClient = useQueryClient();

  // Signed out (or the session expired): nothing one account was shown stays cached for the next.
  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    queryClient.clear();
    setState({ status: 'anonymous' });
  }, [queryClient]);

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', me: session.user });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(signOutLocally);
    api
      .get<SessionResponse>('/api/v1/auth/me')
      .then(accept)
      .catch((error: unknown) => {
        // 401 just means "not signed in"; anything else is shown on the sign-in page's retry.
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        signOutLocally();
      });
    return () => setUnauthenticatedHandler(null);
  }, [accept, signOutLocally]);

  const login = useCallback(
    async (credentials: LoginRequest) => {
      accept(await api.post<SessionResponse>('/api/v1/auth/login', credentials));
    },
    [accept],
  );

  const logout = useCallback(
    async (everywhere: boolean) => {
      try {
        await api.post<void>(everywhere ? '/api/v1/auth/logout-all' : '/api/v1/auth/logout');
      } finally {
        signOutLocally();
      }
    },
    [signOutLocally],
  );

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in account; only valid below <RequireAuth>. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in user');
  return state.me;
}
