import { Progress, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import type { CockpitRankingItem } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatProgress } from './format.ts';
import { statusKeys, statusPalette, targetStatuses } from './status.ts';
import { useCockpitTheme } from './theme.ts';
import styles from './cockpit.module.css';

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
            <Progress
              percent={Math.round(score)}
              size="small"
              format={() => formatProgress(score)}
              aria-label={t('a11y.cockpit.scoreOf', { region: row.region.name })}
            />
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
  // The list scrolls in its own box, which a keyboard user can focus and scroll (WCAG 2.1.1);
  // the header sticks to the box's top.
  return (
    <div className={styles.rankingScroll} tabIndex={0} role="region" aria-label={t('cockpit.ranking')}>
      <Table<CockpitRankingItem>
        rowKey={(row) => row.region.code}
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        sticky
        data-testid="cockpit-ranking"
      />
    </div>
  );
}
