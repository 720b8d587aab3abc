import { useState } from 'react';
import { App, Button, Space, type TableColumnsType } from 'antd';
import { awaitingReply, type Notice } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { NoticeDrawer } from '../supervision/NoticeDrawer.tsx';
import { NoticeStatusTag } from '../supervision/StatusTag.tsx';
import { ReplyModal } from './ReplyModal.tsx';
import { WorkbenchList } from './WorkbenchList.tsx';

/** 督办单 addressed to the unit: sign for them (签收) and reply with evidence (反馈). */
export function MyNotices() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useApiError();
  const list = usePagedList<Notice>(withQuery('/api/v1/notices', { orgUnitId: me.orgUnitId }));
  const { reload } = list;
  const [replying, setReplying] = useState<Notice | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const acknowledge = async (notice: Notice) => {
    try {
      await api.post(`/api/v1/notices/${notice.id}/acknowledge`);
      message.success(t('notices.acknowledged'));
      reload();
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notices.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, notice) => <a onClick={() => setViewing(notice.id)}>{number}</a>,
    },
    {
      title: t('notices.subject'),
      key: 'subject',
      width: 220,
      render: (_, notice) =>
        notice.task ? `${notice.task.number} ${notice.task.title}` : (notice.actionItem?.title ?? '—'),
    },
    { title: t('notices.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('notices.replyDue'), dataIndex: 'replyDue', width: 110 },
    {
      title: t('supervision.statusLabel'),
      key: 'status',
      width: 150,
      render: (_, notice) => <NoticeStatusTag status={notice.status} overdue={notice.overdue} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, notice) => (
        <Space size="small">
          {notice.status === 'issued' && (
            <Button size="small" onClick={() => void acknowledge(notice)} data-testid={`notice-ack-${notice.number}`}>
              {t('notices.acknowledge')}
            </Button>
          )}
          {awaitingReply.includes(notice.status) && (
            <Button
              size="small"
              type="primary"
              onClick={() => setReplying(notice)}
              data-testid={`notice-reply-${notice.number}`}
            >
              {t('notices.reply')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <WorkbenchList
      title={t('workbench.notices')}
      columns={columns}
      list={list}
      emptyText={t('notices.none')}
      testId="workbench-notices"
    >
      <ReplyModal
        notice={replying}
        onClose={() => setReplying(null)}
        onSaved={() => {
          setReplying(null);
          reload();
        }}
      />
      <NoticeDrawer id={viewing} onClose={() => setViewing(null)} onChanged={reload} />
    </WorkbenchList>
  );
}
