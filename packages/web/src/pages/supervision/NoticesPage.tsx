import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Checkbox, Select, Space, Table, type TableColumnsType } from 'antd';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { IssueNoticeModal } from './IssueNoticeModal.tsx';
import { NoticeDrawer } from './NoticeDrawer.tsx';
import { NoticeStatusTag, formatTime, noticeStatuses } from './StatusTag.tsx';
import type { Notice, NoticeStatus } from '@chuangcheng/core';
import { useCurrentPlan } from '../plans/api.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 督办单: every notice in scope, filtered by status, unit and overdue; the office issues new ones. */
export default function NoticesPage() {
  const t = useT();
  const mayWrite = useCan('supervision.write');
  const plan = useCurrentPlan();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<NoticeStatus | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const openId = params.get('id');

  const filters = { status, orgUnitId, overdue: overdue ? 'true' : undefined };
  const { items, loading, reload } = usePagedList<Notice>(withQuery('/api/v1/notices', filters));

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notices.number'),
      dataIndex: 'number',
      width: 160,
      render: (number: string, notice) => (
        <a onClick={() => setParams({ id: notice.id })} data-testid={`notice-open-${notice.number}`}>
          {number}
        </a>
      ),
    },
    { title: t('notices.unit'), key: 'unit', width: 160, render: (_, notice) => notice.orgUnit.name },
    {
      title: t('notices.subject'),
      key: 'subject',
      render: (_, notice) =>
        notice.task ? `${notice.task.number} ${notice.task.title}` : (notice.actionItem?.title ?? '—'),
    },
    { title: t('notices.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('notices.issuedAt'), dataIndex: 'issuedAt', width: 150, render: (v: string) => formatTime(v) },
    { title: t('notices.replyDue'), dataIndex: 'replyDue', width: 110 },
    {
      title: t('supervision.statusLabel'),
      key: 'status',
      width: 170,
      render: (_, notice) => <NoticeStatusTag status={notice.status} overdue={notice.overdue} />,
    },
  ];

  return (
    <Card
      title={t('nav.notices')}
      extra={
        <Space>
          <ExportButton href={withQuery('/api/v1/notices/export.xlsx', filters)} testId="notice-export" />
          {mayWrite && (
            <CreateButton onClick={() => setIssuing(true)} testId="notice-issue">
              {t('notices.issue')}
            </CreateButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('notices.allStatuses')}
          value={status}
          onChange={setStatus}
          options={noticeStatuses.map((value) => ({ value, label: t(`notices.status.${value}`) }))}
          aria-label={t('a11y.notices.filterStatus')}
          data-testid="notice-filter-status"
        />
        <div style={{ width: 260 }}>
          <OrgUnitSelect
            value={orgUnitId}
            onChange={setOrgUnitId}
            aria-label={t('a11y.notices.filterUnit')}
            testId="notice-filter-unit"
          />
        </div>
        <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
          {t('notices.onlyOverdue')}
        </Checkbox>
      </Space>
      <Table<Notice>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('notices.none') }}
        data-testid="notice-table"
      />
      <IssueNoticeModal
        open={issuing}
        plan={plan}
        onClose={() => setIssuing(false)}
        onSaved={() => {
          setIssuing(false);
          reload();
        }}
      />
      <NoticeDrawer id={openId} onClose={() => setParams({})} onChanged={reload} />
    </Card>
  );
}
