import { useState } from 'react';
import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { ChainVerification } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Asks the server to re-walk the audit hash chain and shows whether it is intact. */
export function VerifyChainButton() {
  const t = useT();
  const showError = useApiError();
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      setResult(await api.get<ChainVerification>('/api/v1/audit/verify'));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={busy}
        onClick={() => void verify()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      {result && (
        <Alert
          closable={{ onClose: () => setResult(null) }}
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={
            result.ok
              ? t('audit.chainOk', { checked: result.checked })
              : t('audit.chainBroken', { checked: result.checked, at: result.brokenAt ?? '—' })
          }
          description={result.reason ?? undefined}
          style={{ marginTop: 12 }}
          data-testid="audit-verify-result"
        />
      )}
    </>
  );
}
