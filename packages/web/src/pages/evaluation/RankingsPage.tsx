import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Empty, Select, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CycleResults } from './CycleResults.tsx';
import { cityGroupKeys } from './labels.ts';
import { RoundStatusTag } from './RoundStatusTag.tsx';
import { formatDelta, formatPoints, formatRate } from './score-format.ts';
import type { RankingLine, RoundSummary } from './types.ts';
import styles from './evaluation.module.css';
import { useRanking } from './api.ts';

/** 分组排名: a round's regions ranked within their city group, as points and as score rate; and the cycle totals. */
export default function RankingsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { items: rounds, loading: loadingRounds } = usePagedList<RoundSummary>(
    withQuery('/api/v1/evaluation/rounds', { limit: 100 }),
  );
  const roundId =
    params.get('round') ?? rounds.find((round) => round.status === 'published')?.id ?? rounds[0]?.id ?? null;
  const round = rounds.find((item) => item.id === roundId);
  const { data: ranking, loading } = useRanking(roundId);
  const current = ranking?.roundId === roundId ? ranking : null;
  const tab = params.get('tab') === 'cycle' ? 'cycle' : 'round';

  const roundRanking = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 360 }}
          loading={loadingRounds}
          value={roundId ?? undefined}
          onChange={(next: string) => setParams({ round: next }, { replace: true })}
          options={rounds.map((item) => ({ value: item.id, label: `${item.name}（${item.year}）` }))}
          aria-label={t('a11y.rankings.round')}
          data-testid="ranking-round"
        />
        {round && <RoundStatusTag status={round.status} />}
      </Space>
      {current && !current.published && (
        <Alert type="warning" showIcon title={t('evaluation.ranking.unpublished')} style={{ marginBottom: 16 }} />
      )}
      {!roundId && !loadingRounds && <Empty description={t('evaluation.round.none')} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {(current?.groups ?? []).map((group) => (
          <RankingTable
            key={group.cityGroup}
            testId={`ranking-table-${group.cityGroup}`}
            roundId={current?.roundId ?? ''}
            title={t(cityGroupKeys[group.cityGroup])}
            rows={group.rows}
            loading={loading}
          />
        ))}
      </Space>
    </>
  );

  return (
    <Card
      title={t('evaluation.nav.rankings')}
      extra={
        tab === 'round' &&
        roundId && (
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              href={`/api/v1/evaluation/rounds/${roundId}/results.xlsx`}
              data-testid="ranking-export"
            >
              {t('evaluation.results.excel')}
            </Button>
            <Link to={`/evaluation/rounds/${roundId}/publication`}>
              <Button icon={<PrinterOutlined />}>{t('evaluation.results.print')}</Button>
            </Link>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams(next === 'cycle' ? { tab: 'cycle' } : roundId ? { round: roundId } : {})}
        items={[
          { key: 'round', label: t('evaluation.ranking.tabRound'), children: roundRanking },
          {
            key: 'cycle',
            label: <span data-testid="ranking-tab-cycle">{t('evaluation.ranking.tabCycle')}</span>,
            children: <CycleResults />,
          },
        ]}
      />
    </Card>
  );
}

function RankingTable({
  roundId,
  title,
  rows,
  loading,
  testId,
}: {
  roundId: string;
  title: string;
  rows: RankingLine[];
  loading?: boolean;
  testId: string;
}) {
  const t = useT();
  const columns: TableColumnsType<RankingLine> = [
    {
      title: t('evaluation.ranking.rank'),
      dataIndex: 'rank',
      width: 80,
      align: 'center',
      // Nothing entered yet: no rank, rather than every region tied at 1 on the starting marks.
      render: (rank: number | null) =>
        rank === null ? (
          <Tag title={t('evaluation.ranking.notScoredHint')} data-testid="ranking-not-scored">
            {t('evaluation.ranking.notScored')}
          </Tag>
        ) : (
          rank
        ),
    },
    {
      title: t('regions.name'),
      key: 'region',
      render: (_, row) => (
        <Link
          to={`/evaluation/rounds/${roundId}/scorecards/${row.region.code}`}
          data-testid={`ranking-region-${row.region.code}`}
        >
          {row.region.name}
        </Link>
      ),
    },
    {
      title: t('evaluation.scorecard.total'),
      dataIndex: 'total',
      width: 80,
      align: 'right',
      render: (v: number, row) => (row.rank === null ? '—' : formatPoints(v)),
    },
    {
      title: t('evaluation.scorecard.rate'),
      dataIndex: 'rate',
      width: 90,
      align: 'right',
      render: (v: number, row) => (row.rank === null ? '—' : formatRate(v)),
    },
    {
      title: t('evaluation.scorecard.main'),
      dataIndex: 'mainScore',
      width: 90,
      align: 'right',
      render: (v: number, row) => (row.rank === null ? '—' : formatPoints(v)),
    },
    {
      title: t('evaluation.scorecard.minors'),
      key: 'minors',
      width: 130,
      render: (_, row) => (
        <span>
          {formatPoints(row.minorsScore)}{' '}
          {row.minorsGatePassed === false && <Tag color="red">{t('evaluation.scorecard.gateFailed')}</Tag>}
        </span>
      ),
    },
    {
      title: t('evaluation.scorecard.negative'),
      dataIndex: 'deducted',
      width: 90,
      align: 'right',
      render: (points: number) =>
        points > 0 ? <span className={styles.lostPoints}>−{formatPoints(points)}</span> : '—',
    },
    {
      title: t('evaluation.ranking.previous'),
      key: 'previous',
      width: 130,
      align: 'right',
      render: (_, row) =>
        row.previousTotal === null
          ? '—'
          : `${formatPoints(row.previousTotal)}（${formatDelta(row.total - row.previousTotal)}）`,
    },
  ];
  return (
    <div>
      <h3 style={{ margin: '0 0 8px' }}>{title}</h3>
      <Table<RankingLine>
        rowKey={(row) => row.region.code}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        bordered
        data-testid={testId}
      />
    </div>
  );
}
