import { useState } from 'react';
import { Alert, Button, Card, Input, List, Modal, Space, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { chinaDate, type Round } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  round: Round;
  mayManage: boolean;
  onCorrected: (round: Round) => void;
}

/**
 * The publications of a published round, oldest first: the first and each dated, reasoned
 * correction. Every version stays readable; an organiser may publish a correction.
 */
export function PublicationsCard({ round, mayManage, onCorrected }: Props) {
  const t = useT();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(() => chinaDate(new Date()));
  const [busy, setBusy] = useState(false);

  const correct = async () => {
    setBusy(true);
    try {
      await api.post(`/api/v1/evaluation/rounds/${round.id}/corrections`, { reason, decidedOn });
      onCorrected(await api.get<Round>(`/api/v1/evaluation/rounds/${round.id}`));
      setOpen(false);
      setReason('');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('evaluation.round.publications')}
      data-testid="round-publications"
      extra={
        mayManage && (
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="round-correct">
            {t('evaluation.round.correct')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={round.publications}
        renderItem={(p) => (
          <List.Item>
            {t('evaluation.round.publicationLine', {
              version: p.version,
              decidedOn: p.decidedOn ?? p.publishedAt.slice(0, 10),
              reason: p.reason,
              by: p.publishedBy,
            })}
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('evaluation.round.correct')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim() === '' }}
        confirmLoading={busy}
        onOk={() => void correct()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('evaluation.round.correctExplain')} />
          <Typography.Text>{t('evaluation.transition.decidedOn')}</Typography.Text>
          <Input type="date" value={decidedOn} onChange={(event) => setDecidedOn(event.target.value)} />
          <Typography.Text>{t('evaluation.round.correctReason')}</Typography.Text>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="round-correct-reason"
          />
        </Space>
      </Modal>
    </Card>
  );
}
