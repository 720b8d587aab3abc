import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  code: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
}

/**
 * Marks a standard not applicable to the region (e.g. no site of the kind it inspects), always
 * with a reason: it then counts for no points, and no longer blocks publication.
 */
export function NotApplicableForm({ code, busy, onSubmit }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        placeholder={t('evaluation.scoring.notApplicableReason')}
        value={reason}
        maxLength={2000}
        onChange={(event) => setReason(event.target.value)}
        data-testid={`standard-na-reason-${code}`}
      />
      <Button
        icon={<StopOutlined />}
        loading={busy}
        disabled={reason.trim() === ''}
        onClick={() => onSubmit(reason.trim())}
        data-testid={`standard-na-${code}`}
      >
        {t('evaluation.scoring.notApplicable')}
      </Button>
    </Space.Compact>
  );
}
