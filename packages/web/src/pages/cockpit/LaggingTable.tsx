import { useEffect } from 'react';
import { Link } from 'react-router';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { LaggingItem } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatPeriod, formatProgress, formatTarget, formatValue } from './format.ts';
import { TargetStatusTag } from './StatusLegend.tsx';

/** Rows fetched at a time; the office reads the oldest first and rarely pages far. */
const PAGE = 20;

/** Targets × regions at risk or off track under a region, longest lagging first, a page at a time. */
export function LaggingTable({
  regionCode,
  asOf,
  refreshed,
}: {
  regionCode: string;
  asOf: string;
  /** Changes when the display wall refreshes; the first page is fetched again. */
  refreshed: number;
}) {
  const { t, language } = useI18n();
  const { items, loading, nextCursor, loadMore, reload } = usePagedList<LaggingItem>(
    withQuery('/api/v1/cockpit/lagging', { region: regionCode, asOf, limit: PAGE }),
  );
  useEffect(() => {
    if (refreshed > 0) reload();
  }, [refreshed, reload]);

  const columns: TableColumnsType<LaggingItem> = [
    {
      title: t('cockpit.laggingSince'),
      dataIndex: 'laggingSince',
      width: 130,
      render: (period: string | null) => formatPeriod(period, language),
    },
    { title: t('cockpit.region'), key: 'region', width: 140, render: (_, row) => row.region.name },
    {
      title: t('cockpit.target'),
      key: 'target',
      render: (_, row) => `${row.target.taskNumber ? `${row.target.taskNumber} ` : ''}${row.target.title}`,
    },
    {
      title: t('cockpit.latest'),
      key: 'latest',
      width: 150,
      render: (_, row) =>
        row.latest
          ? `${formatValue(row.latest.value, row.target.unit)} (${formatPeriod(row.latest.period, language)})`
          : '—',
    },
    {
      title: t('cockpit.goal'),
      key: 'goal',
      width: 110,
      render: (_, row) => formatTarget(row.target.comparator, row.targetValue, null, row.target.unit) ?? '—',
    },
    {
      title: t('cockpit.forecast'),
      dataIndex: 'forecast',
      width: 110,
      render: (value: number | null, row) => formatValue(value, row.target.unit),
    },
    { title: t('cockpit.progress'), dataIndex: 'progress', width: 80, render: formatProgress },
    {
      title: t('cockpit.coverageLabel'),
      dataIndex: 'coverage',
      width: 170,
      render: (coverage: LaggingItem['coverage']) => (coverage ? t('cockpit.coverageOnTime', { ...coverage }) : '—'),
    },
    {
      title: t('cockpit.statusLabel'),
      dataIndex: 'status',
      width: 90,
      render: (status: LaggingItem['status'], row) => (
        <>
          <TargetStatusTag status={status} />
          {row.provisional && (
            <Tag title={t('cockpit.provisional')} data-testid="lagging-provisional">
              {t('cockpit.provisionalTag')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'open',
      width: 80,
      render: (_, row) => (
        <Link to={`/cockpit/${row.region.code}`} data-testid="lagging-open">
          {t('cockpit.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <Table<LaggingItem>
        rowKey={(row) => `${row.target.planCode}/${row.target.code}/${row.region.code}`}
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 1070 }}
        locale={{ emptyText: t('cockpit.noLagging') }}
        data-testid="cockpit-lagging"
      />
      {nextCursor && (
        <Button onClick={() => void loadMore()} loading={loading} style={{ marginTop: 8 }} data-testid="lagging-more">
          {t('cockpit.loadMore')}
        </Button>
      )}
    </>
  );
}
