import { useSearchParams } from 'react-router';
import { Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { LedgerRow, TaskStatus } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { StatusTag, cellColour, taskStatuses, today } from './StatusTag.tsx';
import { OverdueActionItems } from './OverdueActionItems.tsx';
import { useCurrentPlan } from '../plans/api.ts';
import { useLedger } from './api.ts';

/** 台账: one row per task and unit, filtered; the same filters export the Excel file. */
export default function LedgerPage() {
  const t = useT();
  const plan = useCurrentPlan();
  const [params, setParams] = useSearchParams();
  const filters = {
    asOf: params.get('asOf') ?? today(),
    programme: params.get('programme') ?? undefined,
    status: params.get('status') ?? undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const setFilter = (name: keyof typeof filters, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const base = plan ? `/api/v1/plans/${encodeURIComponent(plan.code)}` : null;
  const { data: ledger, loading } = useLedger(plan?.code, filters, {
    keepPrevious: true,
    loadingWithoutUrl: true,
  });

  const columns: TableColumnsType<LedgerRow> = [
    { title: t('ledger.programme'), key: 'programme', width: 70, render: (_, row) => row.programme.code },
    {
      title: t('workbench.task'),
      key: 'task',
      render: (_, row) => (
        <span>
          <Typography.Text strong>{row.taskNumber}</Typography.Text> {row.taskTitle}
        </span>
      ),
    },
    {
      title: t('notices.unit'),
      key: 'unit',
      width: 170,
      render: (_, row) => (
        <span>
          {row.orgUnit.name}
          {row.role === 'lead' && <Typography.Text type="secondary"> · {t('plans.task.lead')}</Typography.Text>}
        </span>
      ),
    },
    { title: t('ledger.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('supervision.statusLabel'),
      key: 'status',
      width: 120,
      onCell: (row) => ({ style: { background: cellColour[row.colour] } }),
      render: (_, row) => (
        <span>
          <StatusTag status={row.status} colour={row.colour} />
          {row.missedMilestones.length > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="ledger-missed">
              {t('supervision.missedMilestones')}: {row.missedMilestones.map((m) => m.due).join('、')}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('board.missingPeriods'), dataIndex: 'missingPeriods', width: 90, align: 'center' },
    { title: t('ledger.latePeriods'), dataIndex: 'latePeriods', width: 80, align: 'center' },
    {
      title: t('workbench.latest'),
      key: 'latest',
      width: 260,
      render: (_, row) =>
        row.latestReport ? (
          <span>
            <Typography.Text strong>{row.latestReport.period}</Typography.Text>{' '}
            {row.latestReport.late && <Tag color="orange">{t('supervision.late')}</Tag>}
            <Typography.Text type="secondary">{row.latestReport.excerpt}</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('ledger.openNotices'), dataIndex: 'openNotices', width: 90, align: 'center' },
  ];

  return (
    <Card
      title={ledger ? `${t('ledger.title')} · ${ledger.plan.name}` : t('ledger.title')}
      extra={
        base && (
          <Button
            icon={<FileExcelOutlined />}
            href={withQuery(`${base}/ledger.xlsx`, filters)}
            data-testid="ledger-export"
          >
            {t('ledger.export')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          type="date"
          value={filters.asOf}
          onChange={(event) => setFilter('asOf', event.target.value)}
          style={{ width: 160 }}
          aria-label={t('a11y.ledger.asOf')}
          data-testid="ledger-as-of"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('ledger.allProgrammes')}
          value={filters.programme}
          onChange={(value: string | undefined) => setFilter('programme', value)}
          options={(plan?.programmes ?? []).map((p) => ({ value: p.code, label: `${p.code}. ${p.title}` }))}
          aria-label={t('a11y.ledger.filterProgramme')}
          data-testid="ledger-programme"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('ledger.allStatuses')}
          value={filters.status as TaskStatus | undefined}
          onChange={(value: string | undefined) => setFilter('status', value)}
          options={taskStatuses.map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
          aria-label={t('a11y.ledger.filterStatus')}
          data-testid="ledger-status"
        />
        <div style={{ width: 240 }}>
          <OrgUnitSelect
            value={filters.orgUnitId}
            onChange={(value) => setFilter('orgUnitId', value)}
            aria-label={t('a11y.ledger.filterUnit')}
            testId="ledger-unit"
          />
        </div>
        <SearchInput
          style={{ width: 260 }}
          placeholder={t('ledger.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim())}
          testId="ledger-search"
        />
      </Space>
      <Table<LedgerRow>
        rowKey={(row) => `${row.taskId}:${row.orgUnit.id}`}
        size="small"
        columns={columns}
        dataSource={ledger?.items ?? []}
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('ledger.rows', { total }) }}
        data-testid="ledger-table"
      />
      {(ledger?.overdueActionItems.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5}>{t('board.overdueActionItems')}</Typography.Title>
          <OverdueActionItems
            items={ledger!.overdueActionItems}
            loading={loading}
            testId="ledger-overdue-action-items"
          />
        </>
      )}
    </Card>
  );
}
