import { useState } from 'react';
import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { AuditVerdict } from '@chuangcheng/core';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Asks the server to rebuild the audit log's trees against their signed checkpoints and shows the verdict. */
export function VerifyChainButton() {
  const t = useT();
  const showError = useApiError();
  const [result, setResult] = useState<AuditVerdict | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      setResult(await api.get<AuditVerdict>('/api/v1/audit/verify'));
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
              ? t('audit.chainOk', { checked: result.entries, pending: result.pending })
              : t('audit.chainBroken', { checked: result.entries, at: brokenTrees(result).length })
          }
          description={result.ok ? undefined : brokenTrees(result).join('; ')}
          style={{ marginTop: 12 }}
          data-testid="audit-verify-result"
        />
      )}
    </>
  );
}

/** What failed, tree by tree (the server's own wording), and the chain of rows from before the log. */
function brokenTrees(result: AuditVerdict): string[] {
  const trees = result.shards.filter((s) => s.problems.length > 0).map((s) => `${s.shard}: ${s.problems.join(', ')}`);
  const chain =
    result.legacyChain.brokenAt === null ? [] : [`#${result.legacyChain.brokenAt}: ${result.legacyChain.reason}`];
  return [...trees, ...chain];
}
