import { useParams } from 'react-router';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ReportHistory } from '../workbench/ReportHistory.tsx';
import { formatTime, statusColumn } from './StatusTag.tsx';
import type { LedgerRow } from '@chuangcheng/core';
import { useReportHistory } from '../workbench/api.ts';
import { useLedger } from './api.ts';

function UnitReports({ taskId, orgUnitId }: { taskId: string; orgUnitId: string }) {
  const { data, loading } = useReportHistory(taskId, orgUnitId, { keepPrevious: true });
  if (loading && !data) return <Typography.Text type="secondary">…</Typography.Text>;
  return <ReportHistory reports={(data?.items ?? []).filter((report) => report.status !== 'draft')} />;
}

/** On the plan page: each unit of a task with its derived status and latest report; expand for the history. */
export function TaskUnitsStatus({ taskId, taskNumber }: { taskId: string; taskNumber: string }) {
  const t = useT();
  const { code } = useParams();
  const { data, loading } = useLedger(code, { q: taskNumber }, { keepPrevious: true, loadingWithoutUrl: true });
  const rows = (data?.items ?? []).filter((row) => row.taskId === taskId);

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: t('notices.unit'),
      key: 'unit',
      width: 180,
      render: (_, row) => (
        <span>
          {row.orgUnit.name}
          {row.role === 'lead' && <Typography.Text type="secondary"> · {t('plans.task.lead')}</Typography.Text>}
        </span>
      ),
    },
    statusColumn<LedgerRow>(t, (row) => row.status),
    { title: t('board.missingPeriods'), dataIndex: 'missingPeriods', width: 90, align: 'center' },
    {
      title: t('workbench.latest'),
      key: 'latest',
      render: (_, row) =>
        row.latestReport ? (
          <span>
            <Typography.Text strong>{row.latestReport.period}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatTime(row.latestReport.submittedAt)} · {row.latestReport.excerpt}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('reports.none')}</Typography.Text>
        ),
    },
    { title: t('ledger.openNotices'), dataIndex: 'openNotices', width: 90, align: 'center' },
  ];

  return (
    <Table<LedgerRow>
      rowKey={(row) => row.orgUnit.id}
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      expandable={{
        expandedRowRender: (row) => <UnitReports taskId={taskId} orgUnitId={row.orgUnit.id} />,
        rowExpandable: (row) => row.latestReport !== null,
      }}
      locale={{ emptyText: t('plans.task.noUnits') }}
      data-testid="plan-task-supervision"
    />
  );
}
