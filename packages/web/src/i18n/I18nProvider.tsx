import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, en } from './catalogues.ts';
import { setRequestLanguage } from '../api/client.ts';

export type Language = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zhCN;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const catalogues: Record<Language, Record<string, string>> = { 'zh-CN': zhCN, en };
const storageKey = 'chuangcheng.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so gaps are noticed. */
export function format(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  // The client module needs the language before the first request, so set it during render.
  setRequestLanguage(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = catalogues[language]['app.title'] ?? '';
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);

  const t = useCallback<Translate>(
    (key, params) => format(catalogues[language][key] ?? catalogues['zh-CN'][key] ?? key, params),
    [language],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
