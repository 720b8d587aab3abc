import { Progress, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import type { CockpitRankingItem } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatProgress } from './format.ts';
import { statusKeys, statusPalette, targetStatuses } from './status.ts';
import { useCockpitTheme } from './theme.ts';

/** Child regions by mean progress over their targets, best first; a click drills into one. */
export function RankingTable({
  items,
  loading,
  onOpen,
}: {
  items: CockpitRankingItem[];
  loading: boolean;
  onOpen: (regionCode: string) => void;
}) {
  const t = useT();
  const theme = useCockpitTheme();
  const columns: TableColumnsType<CockpitRankingItem> = [
    { title: t('cockpit.rank'), dataIndex: 'rank', width: 56, align: 'center' },
    {
      title: t('cockpit.region'),
      key: 'region',
      render: (_, row) => (
        <a onClick={() => onOpen(row.region.code)} data-testid={`ranking-open-${row.region.code}`}>
          {row.region.name}
        </a>
      ),
    },
    {
      title: t('cockpit.score'),
      dataIndex: 'score',
      width: 150,
      render: (score: number | null, row) => (
        <Tooltip title={t('cockpit.scoredOf', { scored: row.scored, applicable: row.applicable })}>
          {score === null ? (
            '—'
          ) : (
            <Progress percent={Math.round(score)} size="small" format={() => formatProgress(score)} />
          )}
          <div style={{ fontSize: 12, opacity: 0.75 }} data-testid="ranking-scored">
            {t('cockpit.scoredOf', { scored: row.scored, applicable: row.applicable })}
          </div>
        </Tooltip>
      ),
    },
    {
      title: t('cockpit.statusLabel'),
      key: 'counts',
      render: (_, row) => (
        <Space size={6} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          {targetStatuses
            .filter((status) => (row.counts[status] ?? 0) > 0)
            .map((status) => (
              <Tooltip key={status} title={t(statusKeys[status])}>
                <span style={{ color: statusPalette(status, theme).text, fontWeight: 600 }}>■{row.counts[status]}</span>
              </Tooltip>
            ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<CockpitRankingItem>
      rowKey={(row) => row.region.code}
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ y: 420 }}
      data-testid="cockpit-ranking"
    />
  );
}
