import { Alert } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';

/** The shipped framework is a model of the national system, not the official 操作手册: say so wherever its scores show. */
export function ModelBanner({ notice }: { notice?: string | null | undefined }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('evaluation.modelBanner')}
      description={notice || t('evaluation.modelBannerDetail')}
      data-testid="evaluation-model-banner"
    />
  );
}
