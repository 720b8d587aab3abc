import { Link } from 'react-router';
import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { PlanSummary } from '@chuangcheng/core';

/** Shown when more than one plan (or none) is loaded. */
export function PlanList({ plans }: { plans: PlanSummary[] }) {
  const t = useT();
  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('plans.name'),
      dataIndex: 'name',
      render: (name: string, plan) => <Link to={`/plans/${encodeURIComponent(plan.code)}`}>{name}</Link>,
    },
    { title: t('plans.issuingRegion'), key: 'issuer', width: 160, render: (_issuer, plan) => plan.issuingRegion.name },
    {
      title: t('plans.period'),
      key: 'period',
      width: 240,
      render: (_period, plan) => t('plans.periodRange', { start: plan.period.start, end: plan.period.end }),
    },
    {
      title: t('plans.version'),
      dataIndex: 'currentVersion',
      width: 100,
      render: (version: number) => t('plans.versions.current', { version }),
    },
  ];
  return (
    <Card title={t('plans.listTitle')}>
      <Table<PlanSummary>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={plans}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.none')} /> }}
        data-testid="plan-list"
      />
    </Card>
  );
}
