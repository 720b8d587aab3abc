import { Segmented } from 'antd';
import { useI18n, type Language } from '../i18n/I18nProvider.tsx';

/** Each language is named in itself (same text in both catalogues), so a reader of either finds theirs. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { value: 'zh-CN', label: t('language.zhCN') },
        { value: 'en', label: t('language.en') },
      ]}
      data-testid="language-switch"
    />
  );
}
