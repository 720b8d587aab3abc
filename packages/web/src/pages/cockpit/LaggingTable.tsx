import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { Space, Table, Tag, type TableColumnsType } from 'antd';
import type { LaggingItem } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatPeriod, formatProgress, formatTarget, formatValue } from './format.ts';
import { TargetStatusTag } from './StatusLegend.tsx';

/** The target's title never gets narrower than this. */
const TARGET_MIN_WIDTH = 240;
/** Below this the table scrolls inside its card (the fixed columns plus the title's minimum). */
const MIN_TABLE_WIDTH = 750 + TARGET_MIN_WIDTH;

type SortKey = 'since' | 'progress' | 'region';

/** Targets × regions at risk or off track under a region, longest lagging first, a page at a time. */
export function LaggingTable({
  regionCode,
  asOf,
  refreshed,
  wall = false,
}: {
  regionCode: string;
  asOf: string;
  /** On the display wall: no export button. */
  wall?: boolean;
  /** Changes when the display wall refreshes; the first page is fetched again. */
  refreshed: number;
}) {
  const { t, language } = useI18n();
  // Sortable by how long it lags (the default), by progress or by region; numbered pages with the total.
  const [sorted, setSorted] = useState<{ sort: SortKey; order: 'ascend' | 'descend' }>({
    sort: 'since',
    order: 'ascend',
  });
  const { table, reload, exportHref } = useTablePage<LaggingItem>('/api/v1/cockpit/lagging', {
    region: regionCode,
    asOf,
    ...sorted,
  });
  const sortOrderOf = (key: SortKey) => (sorted.sort === key ? sorted.order : null);
  useEffect(() => {
    if (refreshed > 0) reload();
  }, [refreshed, reload]);

  // Fixed widths for the short columns; the target's title takes the rest and never less than
  // TARGET_MIN_WIDTH (at 1366 px it squeezed to a character per line). The coverage column shows
  // on wide screens only; the region's name opens its cockpit.
  const columns: TableColumnsType<LaggingItem> = [
    {
      title: t('cockpit.laggingSince'),
      dataIndex: 'laggingSince',
      key: 'since',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('since'),
      render: (period: string | null) => formatPeriod(period, language),
    },
    {
      title: t('cockpit.region'),
      key: 'region',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('region'),
      render: (_, row) => (
        <Link to={`/cockpit/${row.region.code}`} title={t('cockpit.open')} data-testid="lagging-open">
          {row.region.name}
        </Link>
      ),
    },
    {
      title: t('cockpit.target'),
      key: 'target',
      minWidth: TARGET_MIN_WIDTH,
      onCell: () => ({ 'data-testid': 'lagging-target' }) as HTMLAttributes<HTMLElement>,
      render: (_, row) => `${row.target.taskNumber ? `${row.target.taskNumber} ` : ''}${row.target.title}`,
    },
    {
      title: t('cockpit.latest'),
      key: 'latest',
      width: 140,
      render: (_, row) =>
        row.latest
          ? `${formatValue(row.latest.value, row.target.unit)} (${formatPeriod(row.latest.period, language)})`
          : '—',
    },
    {
      title: t('cockpit.goal'),
      key: 'goal',
      width: 100,
      render: (_, row) => formatTarget(row.target.comparator, row.targetValue, null, row.target.unit) ?? '—',
    },
    {
      title: t('cockpit.forecast'),
      dataIndex: 'forecast',
      width: 100,
      render: (value: number | null, row) => formatValue(value, row.target.unit),
    },
    {
      title: t('cockpit.progress'),
      dataIndex: 'progress',
      key: 'progress',
      width: 80,
      sorter: true,
      sortOrder: sortOrderOf('progress'),
      render: formatProgress,
    },
    {
      title: t('cockpit.coverageLabel'),
      dataIndex: 'coverage',
      width: 160,
      responsive: ['xxl'],
      render: (coverage: LaggingItem['coverage']) => (coverage ? t('cockpit.coverageOnTime', { ...coverage }) : '—'),
    },
    {
      title: t('cockpit.statusLabel'),
      dataIndex: 'status',
      width: 110,
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
  ];

  return (
    <>
      {!wall && (
        <Space style={{ marginBottom: 8 }}>
          <ExportButton href={exportHref} testId="lagging-export" />
        </Space>
      )}
      <Table<LaggingItem>
        rowKey={(row) => `${row.target.planCode}/${row.target.code}/${row.region.code}`}
        size="small"
        columns={columns}
        {...table}
        onChange={(_, __, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = one?.order ? (one.columnKey as SortKey) : 'since';
          setSorted({ sort: key, order: one?.order ?? 'ascend' });
        }}
        scroll={{ x: MIN_TABLE_WIDTH }}
        locale={{ emptyText: t('cockpit.noLagging') }}
        data-testid="cockpit-lagging"
      />
    </>
  );
}
