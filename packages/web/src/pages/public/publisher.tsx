import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Publisher, PublisherAnswer } from '@chuangcheng/core';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';

const PublisherContext = createContext<Publisher | null>(null);

/** Loads the publisher once for the public pages; until it answers (or without one) they show the app's name. */
export function PublisherProvider({ children }: { children: ReactNode }) {
  // Silent: without an answer the pages show the app's name.
  const { data } = useApiQuery<PublisherAnswer>('/api/v1/public/publisher', { silent: true });
  const publisher = data?.publisher ?? null;
  return <PublisherContext.Provider value={publisher}>{children}</PublisherContext.Provider>;
}

export function usePublisher(): Publisher | null {
  return useContext(PublisherContext);
}

/** The browser tab's title of a public page: the page, the service and whose it is. */
export function usePublicTitle(page: MessageKey) {
  const { t, language } = useI18n();
  const office = usePublisher()?.office[language];
  useEffect(() => {
    document.title = [t(page), t('case.public.brand'), office].filter(Boolean).join(' · ');
  }, [t, page, office]);
}
