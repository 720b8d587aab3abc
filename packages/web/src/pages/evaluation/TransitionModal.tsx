import { useState } from 'react';
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { chinaDate, type Round, type RoundStatus } from '@chuangcheng/core';
import { api, ApiError } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { roundStatusKeys } from './labels.ts';
import type { Publication } from './types.ts';

interface Props {
  round: Round;
  /** The status to move to; null: closed. */
  to: RoundStatus | null;
  onClose: () => void;
  onMoved: (round: Round) => void;
}

/** Confirms a status move, says what it does (publishing is final) and takes an optional note. */
export function TransitionModal({ round, to, onClose, onMoved }: Props) {
  const t = useT();
  const showError = useApiError();
  const [note, setNote] = useState('');
  // The 通报 that publishes the results: threshold sanctions take effect on it (today by default).
  const [decidedOn, setDecidedOn] = useState(() => chinaDate(new Date()));
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const move = async () => {
    if (!to) return;
    setBusy(true);
    setMissing([]);
    try {
      const answer = await api.post<Round | Publication>(`/api/v1/evaluation/rounds/${round.id}/transition`, {
        to,
        note,
        ...(to === 'published' && decidedOn ? { decidedOn } : {}),
      });
      setNote('');
      // Every move answers { round, effects }; what publishing did is read on the round's page.
      onMoved('round' in answer ? answer.round : answer);
    } catch (error) {
      // Publication waits for every standard: list what is still unscored in the dialog.
      if (error instanceof ApiError && error.code === 'ROUND_NOT_FULLY_SCORED') {
        setMissing(error.errors.map((e) => e.message));
      }
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={to !== null}
      title={to && t('evaluation.transition.title', { status: t(roundStatusKeys[to]) })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: to === 'published' }}
      confirmLoading={busy}
      onOk={() => void move()}
      onCancel={() => {
        setMissing([]);
        onClose();
      }}
      destroyOnHidden
    >
      {to && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={to === 'published' ? 'warning' : 'info'}
            showIcon
            title={t(`evaluation.transition.explain.${to}`)}
          />
          {to === 'published' && (
            <>
              <Typography.Text>{t('evaluation.transition.decidedOn')}</Typography.Text>
              <Input
                type="date"
                data-testid="round-decided-on"
                value={decidedOn}
                onChange={(event) => setDecidedOn(event.target.value)}
              />
            </>
          )}
          {missing.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="round-publish-missing"
              title={t('evaluation.transition.missing')}
              description={
                <ul style={{ maxHeight: 200, overflow: 'auto', margin: 0 }}>
                  {missing.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Text>{t('evaluation.transition.note')}</Typography.Text>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
        </Space>
      )}
    </Modal>
  );
}
