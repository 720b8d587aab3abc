import { useState } from 'react';
import { Button, Space, Timeline, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList, RecordDrawer } from '../../components/RecordDrawer.tsx';
import { ReplyModal } from '../workbench/ReplyModal.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { NoticeChainActions } from './NoticeChainActions.tsx';
import { NoticeStatusTag, formatTime } from './StatusTag.tsx';
import type { Notice } from '@chuangcheng/core';
import { useNotice } from './api.ts';

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
  const { data: notice, replace: setNotice } = useNotice(id);
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);

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
          at: current.returnedCount > 0 ? current.repliedAt : null,
          label: t('notices.timeline.returned', { count: current.returnedCount }),
          color: 'orange',
          text: current.returnReason,
        },
        { at: current.reviewedAt, label: t('notices.timeline.reviewed'), color: 'geekblue' },
        { at: current.approvedAt, label: t('notices.timeline.approved'), color: 'geekblue' },
        {
          at: current.escalatedAt,
          label: t('notices.timeline.escalated', { unit: current.escalatedTo?.name ?? '' }),
          color: 'red',
        },
        { at: current.closedAt, label: t('notices.timeline.closed'), color: 'green' },
      ].filter((step) => step.at)
    : [];

  return (
    <>
      <RecordDrawer
        open={id !== null}
        onClose={onClose}
        size={640}
        record={current}
        title={(current) => `${t('notices.notice')} ${current.number}`}
        extra={(current) => (
          <Space>
            <Button
              size="small"
              icon={<FileWordOutlined />}
              href={`/api/v1/notices/${current.id}/document.docx`}
              data-testid="notice-docx"
            >
              {t('notices.downloadWord')}
            </Button>
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={`/api/v1/notices/${current.id}/document.pdf`}
              data-testid="notice-pdf"
            >
              {t('notices.downloadPdf')}
            </Button>
            <NoticeStatusTag status={current.status} overdue={current.overdue} />
          </Space>
        )}
        testId="notice-drawer"
      >
        {(current) => (
          <>
            <FactList
              labelWidth={110}
              items={[
                { key: 'unit', label: t('notices.unit'), children: current.orgUnit.name },
                {
                  key: 'level',
                  label: t('notices.level'),
                  children: `${t(`notices.level.${current.level}`)}${current.source ? ` · ${t(`notices.source.${current.source}`)}` : ''}`,
                },
                { key: 'signer', label: t('notices.signer'), children: current.signer ?? '—' },
                { key: 'cc', label: t('notices.cc'), children: current.cc || '—' },
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
                {
                  key: 'ackDue',
                  label: t('notices.ackDue'),
                  children: current.ackDue ? (
                    <span>
                      {current.ackDue}
                      {current.ackOverdue && (
                        <Typography.Text type="danger"> · {t('notices.ackOverdue')}</Typography.Text>
                      )}
                    </span>
                  ) : (
                    '—'
                  ),
                },
                ...(current.extension
                  ? [
                      {
                        key: 'extension',
                        label: t('notices.extension'),
                        children: `${current.extension.requestedDue} · ${t(`notices.extension.${current.extension.status}`)} · ${current.extension.reason}${current.extension.note ? ` · ${current.extension.note}` : ''}`,
                      },
                    ]
                  : []),
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
            <NoticeChainActions
              notice={current}
              ours={ours}
              office={mayWrite}
              busy={busy}
              act={act}
              onReply={() => setReplying(true)}
            />
          </>
        )}
      </RecordDrawer>
      <ReplyModal
        notice={replying ? current : null}
        onClose={() => setReplying(false)}
        onSaved={() => {
          // The reply refetches the notice (every write invalidates the query cache).
          setReplying(false);
          onChanged();
        }}
      />
    </>
  );
}
