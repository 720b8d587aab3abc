import { useEffect, useState } from 'react';
import { Button, Descriptions, Drawer, Input, Space, Timeline, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useCan, useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ReplyModal } from '../workbench/ReplyModal.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { NoticeStatusTag, formatTime } from './StatusTag.tsx';
import type { Notice } from './types.ts';

interface Props {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** One 督办单 with its timeline and the steps the viewer may take next. */
export function NoticeDrawer({ id, onClose, onChanged }: Props) {
  const t = useT();
  const me = useMe();
  const mayWrite = useCan('supervision.write');
  const showError = useApiError();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [replying, setReplying] = useState(false);
  const [closeNote, setCloseNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    api
      .get<Notice>(`/api/v1/notices/${id}`)
      .then((loaded) => {
        if (!cancelled) setNotice(loaded);
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [id, showError]);

  const act = async (path: string, body?: unknown) => {
    if (!notice) return;
    setBusy(true);
    try {
      setNotice(await api.post<Notice>(`/api/v1/notices/${notice.id}/${path}`, body));
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const current = notice && notice.id === id ? notice : null;
  const ours = current !== null && me.orgUnitId === current.orgUnit.id && me.role === 'unit_officer';

  const steps = current
    ? [
        { at: current.issuedAt, label: t('notices.timeline.issued'), color: 'blue' },
        { at: current.acknowledgedAt, label: t('notices.timeline.acknowledged'), color: 'cyan' },
        { at: current.repliedAt, label: t('notices.timeline.replied'), color: 'purple', text: current.replyText },
        {
          at: current.escalatedAt,
          label: t('notices.timeline.escalated', { unit: current.escalatedTo?.name ?? '' }),
          color: 'red',
        },
        { at: current.closedAt, label: t('notices.timeline.closed'), color: 'green', text: current.closeNote },
      ].filter((step) => step.at)
    : [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      loading={id !== null && current === null}
      title={current && `${t('notices.notice')} ${current.number}`}
      extra={current && <NoticeStatusTag status={current.status} overdue={current.overdue} />}
      data-testid="notice-drawer"
    >
      {current && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 110 } }}
            items={[
              { key: 'unit', label: t('notices.unit'), children: current.orgUnit.name },
              {
                key: 'subject',
                label: t('notices.subject'),
                children: current.task
                  ? `${current.task.number} ${current.task.title}`
                  : (current.actionItem?.title ?? '—'),
              },
              { key: 'reason', label: t('notices.reason'), children: current.reason },
              { key: 'required', label: t('notices.requiredAction'), children: current.requiredAction },
              { key: 'due', label: t('notices.replyDue'), children: current.replyDue },
            ]}
          />
          <Timeline
            data-testid="notice-timeline"
            items={steps.map((step) => ({
              color: step.color,
              content: (
                <div>
                  <Typography.Text strong>{step.label}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatTime(step.at)}</Typography.Text>
                  {step.text && <Typography.Paragraph style={{ marginBottom: 0 }}>{step.text}</Typography.Paragraph>}
                </div>
              ),
            }))}
          />
          {current.attachments && <AttachmentList attachments={current.attachments} />}
          {ours && (current.status === 'issued' || current.status === 'acknowledged') && (
            <Space>
              {current.status === 'issued' && (
                <Button loading={busy} onClick={() => void act('acknowledge')}>
                  {t('notices.acknowledge')}
                </Button>
              )}
              <Button type="primary" onClick={() => setReplying(true)}>
                {t('notices.reply')}
              </Button>
            </Space>
          )}
          {mayWrite && current.status === 'replied' && (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder={t('notices.closeNote')}
                value={closeNote}
                onChange={(event) => setCloseNote(event.target.value)}
                data-testid="notice-close-note"
              />
              <Button
                type="primary"
                loading={busy}
                onClick={() => void act('close', { note: closeNote })}
                data-testid="notice-close"
              >
                {t('notices.close')}
              </Button>
            </Space.Compact>
          )}
        </Space>
      )}
      <ReplyModal
        notice={replying ? current : null}
        onClose={() => setReplying(false)}
        onSaved={() => {
          setReplying(false);
          if (current) void api.get<Notice>(`/api/v1/notices/${current.id}`).then(setNotice);
          onChanged();
        }}
      />
    </Drawer>
  );
}
