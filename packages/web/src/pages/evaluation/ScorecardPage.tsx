import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Loss, Scorecard } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FileLinks } from './FileLinks.tsx';
import { cityGroupKeys, methodKeys } from './labels.ts';
import { ModelBanner } from './ModelBanner.tsx';
import { formatDelta, formatPoints, formatRate } from './score-format.ts';
import { keysWithLosses, scorecardRows, standardNames, type ScorecardRow } from './scorecard-rows.ts';
import styles from './evaluation.module.css';
import { useRound, useScorecard } from './api.ts';

type MethodRow = Scorecard['methods'][number];

/** A region's scorecard for a round: totals, method subtotals, the minors' gate, comparisons, and every point lost explained. */
export default function ScorecardPage() {
  const t = useT();
  const { id = '', code = '' } = useParams();
  const { data: round } = useRound(id);
  const { data: scorecard, failed } = useScorecard(id, code);

  if (failed && !scorecard) return <Result status="warning" title={t('evaluation.scorecard.loadFailed')} />;
  if (!scorecard || scorecard.region.code !== code || scorecard.roundId !== id) return <Card loading />;
  return <ScorecardView scorecard={scorecard} roundName={round?.id === id ? round.name : null} />;
}

function ScorecardView({ scorecard, roundName }: { scorecard: Scorecard; roundName: string | null }) {
  const t = useT();
  const rows = scorecardRows(scorecard);
  const names = standardNames(scorecard);
  const deducted = scorecard.deductions.reduce((sum, deduction) => sum + deduction.points, 0);

  const methodColumns: TableColumnsType<MethodRow> = [
    { title: t('evaluation.scorecard.methodGroup'), dataIndex: 'name' },
    {
      title: t('evaluation.scorecard.methods'),
      dataIndex: 'methods',
      render: (methods: MethodRow['methods']) => methods.map((m) => t(methodKeys[m])).join('、'),
    },
    { title: t('evaluation.node.points'), dataIndex: 'points', width: 80, align: 'right', render: formatPoints },
    { title: t('evaluation.score.score'), dataIndex: 'score', width: 80, align: 'right', render: formatPoints },
    { title: t('evaluation.scorecard.rate'), dataIndex: 'rate', width: 90, align: 'right', render: formatRate },
    { title: t('evaluation.scorecard.weight'), dataIndex: 'weight', width: 80, align: 'right', render: formatPoints },
    {
      title: t('evaluation.scorecard.weighted'),
      dataIndex: 'weighted',
      width: 90,
      align: 'right',
      render: formatPoints,
    },
  ];

  const treeColumns: TableColumnsType<ScorecardRow> = [
    {
      title: t('evaluation.scorecard.item'),
      key: 'name',
      render: (_, row) => (
        <span>
          <span className={styles.code}>{row.code}</span>{' '}
          {row.kind === 'project' ? <strong>{row.name}</strong> : row.name}
          {row.method && <Tag style={{ marginLeft: 6 }}>{t(methodKeys[row.method])}</Tag>}
          {row.unscored && <Tag color="default">{t('evaluation.scorecard.unscoredTag')}</Tag>}
        </span>
      ),
    },
    { title: t('evaluation.node.points'), dataIndex: 'points', width: 70, align: 'right', render: formatPoints },
    { title: t('evaluation.score.score'), dataIndex: 'score', width: 70, align: 'right', render: formatPoints },
    {
      title: t('evaluation.scorecard.lost'),
      dataIndex: 'lost',
      width: 70,
      align: 'right',
      render: (lost: number) => (lost > 0 ? <span className={styles.lostPoints}>−{formatPoints(lost)}</span> : '—'),
    },
    { title: t('evaluation.scorecard.rate'), dataIndex: 'rate', width: 80, align: 'right', render: formatRate },
    {
      title: t('evaluation.scorecard.explanation'),
      key: 'losses',
      width: '38%',
      render: (_, row) => <LossList losses={row.losses} />,
    },
  ];

  const lossColumns: TableColumnsType<Loss> = [
    {
      title: t('evaluation.node.standard'),
      dataIndex: 'standardCode',
      width: 280,
      render: (code: string) => (
        <span>
          <span className={styles.code}>{code}</span> {names.get(code) ?? ''}
        </span>
      ),
    },
    {
      title: t('evaluation.scorecard.lost'),
      dataIndex: 'points',
      width: 70,
      align: 'right',
      render: (p: number) => `−${formatPoints(p)}`,
    },
    { title: t('evaluation.scorecard.reason'), dataIndex: 'reason' },
    { title: t('evaluation.score.scorer'), dataIndex: 'scorer', width: 120, render: (s: string | null) => s ?? '—' },
    {
      title: t('evaluation.scorecard.evidence'),
      key: 'evidence',
      width: 160,
      render: (_, loss) => <EvidenceLinks loss={loss} />,
    },
  ];

  const previousDelta = scorecard.previous ? scorecard.total - scorecard.previous.total : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scorecard">
      {scorecard.isModelFramework && <ModelBanner />}
      <Card
        title={
          <Space wrap>
            <Link to={`/evaluation/rounds/${scorecard.roundId}`}>{roundName ?? t('evaluation.nav.rounds')}</Link>
            <span>/</span>
            <span data-testid="scorecard-region">{scorecard.region.name}</span>
            <Tag>{t(cityGroupKeys[scorecard.region.cityGroup])}</Tag>
            {scorecard.published ? (
              <Tag color="green">{t('evaluation.roundStatus.published')}</Tag>
            ) : (
              <Tag color="orange">{t('evaluation.scorecard.unpublished')}</Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            {scorecard.publication && (
              // The audit entry written at publication and its inclusion proof in the signed tree.
              <a
                href={`/api/v1/evaluation/rounds/${scorecard.roundId}/scorecards/${scorecard.region.code}/attestation?version=${scorecard.publication.version}`}
                target="_blank"
                rel="noreferrer"
                data-testid="scorecard-proof"
              >
                {t('evaluation.scorecard.proof')}
              </a>
            )}
            <Link to={`/evaluation/titles?region=${scorecard.region.code}`}>{t('evaluation.scorecard.titles')}</Link>
          </Space>
        }
      >
        <Row gutter={[12, 12]}>
          <StatTile
            title={t('evaluation.scorecard.total')}
            value={formatPoints(scorecard.total)}
            testId="scorecard-total"
          />
          <StatTile title={t('evaluation.scorecard.rate')} value={formatRate(scorecard.rate)} testId="scorecard-rate" />
          <StatTile
            title={t('evaluation.scorecard.rank')}
            value={scorecard.rank ?? '—'}
            suffix={`/ ${scorecard.groupSize}`}
            testId="scorecard-rank"
          />
          <StatTile title={t('evaluation.scorecard.main')} value={formatPoints(scorecard.mainScore)} />
          <StatTile
            title={t('evaluation.scorecard.minors')}
            value={formatPoints(scorecard.minorsScore)}
            cardTestId="scorecard-minors"
          >
            {scorecard.minorsGatePassed !== null && (
              <Tag color={scorecard.minorsGatePassed ? 'green' : 'red'}>
                {t(scorecard.minorsGatePassed ? 'evaluation.scorecard.gatePassed' : 'evaluation.scorecard.gateFailed')}
              </Tag>
            )}
          </StatTile>
          <StatTile
            title={t('evaluation.scorecard.negative')}
            value={deducted > 0 ? `−${formatPoints(deducted)}` : '0'}
            color={deducted > 0 ? '#cf1322' : undefined}
          />
        </Row>
        {scorecard.unscored > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('evaluation.scorecard.unscored', { count: scorecard.unscored })}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('evaluation.scorecard.compare')}
            className={styles.statCard}
            data-testid="scorecard-compare"
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'previous',
                  label: t('evaluation.scorecard.previous'),
                  children: scorecard.previous ? (
                    <span>
                      {scorecard.previous.name}：{formatPoints(scorecard.previous.total)}
                      {scorecard.previous.rank !== null &&
                        ` · ${t('evaluation.scorecard.rankN', { rank: scorecard.previous.rank })}`}
                      {' · '}
                      <DeltaText value={previousDelta} />
                    </span>
                  ) : (
                    t('evaluation.scorecard.noPrevious')
                  ),
                },
                {
                  key: 'group',
                  label: t('evaluation.scorecard.group'),
                  children: (
                    <span>
                      {t('evaluation.scorecard.groupStats', {
                        mean: formatPoints(scorecard.group.mean),
                        best: formatPoints(scorecard.group.best),
                        worst: formatPoints(scorecard.group.worst),
                      })}
                      {' · '}
                      {t('evaluation.scorecard.vsMean')} <DeltaText value={scorecard.total - scorecard.group.mean} />
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('evaluation.scorecard.negativeList')}
            className={styles.statCard}
            data-testid="scorecard-deductions"
          >
            {scorecard.deductions.length === 0 ? (
              <Typography.Text type="secondary">{t('evaluation.scorecard.noDeductions')}</Typography.Text>
            ) : (
              scorecard.deductions.map((deduction) => (
                <div key={deduction.incidentId}>
                  <Tag color="red">−{formatPoints(deduction.points)}</Tag>
                  {deduction.category} · {deduction.reason}
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('evaluation.scorecard.methodTitle')}>
        <Table<MethodRow>
          rowKey="code"
          size="small"
          columns={methodColumns}
          dataSource={scorecard.methods}
          pagination={false}
          data-testid="scorecard-methods"
        />
      </Card>
      <Card size="small" title={t('evaluation.scorecard.treeTitle')}>
        <Table<ScorecardRow>
          rowKey="key"
          size="small"
          columns={treeColumns}
          dataSource={rows}
          pagination={false}
          rowClassName={(row) => (row.lost > 0 ? (styles.lossRow ?? '') : '')}
          expandable={{ defaultExpandedRowKeys: keysWithLosses(rows) }}
          data-testid="scorecard-tree"
        />
      </Card>
      <Card size="small" title={t('evaluation.scorecard.lossTitle', { count: scorecard.losses.length })}>
        <Table<Loss>
          rowKey={(loss, index) => `${loss.standardCode}:${loss.findingId ?? index}`}
          size="small"
          columns={lossColumns}
          dataSource={scorecard.losses}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('evaluation.scorecard.noLosses') }}
          data-testid="scorecard-losses"
        />
      </Card>
    </Space>
  );
}

function DeltaText({ value }: { value: number | null }) {
  const className =
    value === null || Math.abs(value) < 0.005 ? undefined : value > 0 ? styles.gainPoints : styles.lostPoints;
  return <span className={className}>{formatDelta(value)}</span>;
}

/** The finding's photos and the city's material a loss refers to, each file a download link. */
function EvidenceLinks({ loss }: { loss: Loss }) {
  const t = useT();
  if (loss.attachments.length === 0 && loss.evidence.length === 0) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <FileLinks files={loss.attachments} />
      {loss.evidence.map((evidence) => (
        <span key={evidence.id}>
          <Typography.Text type="secondary">
            {t('evaluation.scorecard.material', { note: evidence.note || t('evaluation.score.evidenceNoNote') })}
          </Typography.Text>{' '}
          <FileLinks files={evidence.attachments} />
        </span>
      ))}
    </Space>
  );
}

function LossList({ losses }: { losses: Loss[] }) {
  const t = useT();
  if (losses.length === 0) return null;
  return (
    <Space orientation="vertical" size={2}>
      {losses.map((loss, index) => (
        <span key={loss.findingId ?? index} data-testid={`loss-${loss.standardCode}`}>
          <span className={styles.lostPoints}>−{formatPoints(loss.points)}</span> {loss.reason}
          <Typography.Text type="secondary">
            {' · '}
            {t('evaluation.score.scorer')}：{loss.scorer ?? '—'}
          </Typography.Text>{' '}
          <EvidenceLinks loss={loss} />
        </span>
      ))}
    </Space>
  );
}

/** One figure of the scorecard's head row. */
function StatTile(props: {
  title: string;
  value: string | number;
  suffix?: string;
  color?: string;
  testId?: string;
  cardTestId?: string;
  children?: ReactNode;
}) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" className={styles.statCard} data-testid={props.cardTestId}>
        <Statistic
          title={props.title}
          value={props.value}
          suffix={props.suffix}
          styles={props.color ? { content: { color: props.color } } : undefined}
          data-testid={props.testId}
        />
        {props.children}
      </Card>
    </Col>
  );
}
