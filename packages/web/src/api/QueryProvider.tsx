import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient, invalidateAfterWrites, reportFailures } from './query-client.ts';
import { useApiError } from './useApiError.ts';

/**
 * The app's one TanStack Query client (inside antd's <App>, so failures reach `useApiError`'s
 * notifications). Every write through api/client.ts invalidates the cached answers.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const showError = useApiError();
  const [client] = useState(createQueryClient);
  useEffect(() => reportFailures(client, showError), [client, showError]);
  useEffect(() => invalidateAfterWrites(client), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
