import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Card,
  Empty,
  Result,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { EvaluationMethod, ScoringSheet } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { cityGroupKeys, methodKeys } from './labels.ts';
import { RoundStatusTag } from './RoundStatusTag.tsx';
import { formatPoints } from './score-format.ts';
import { StandardScoring } from './StandardScoring.tsx';
import type { SheetRow } from './types.ts';
import styles from './evaluation.module.css';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useFramework, useRound } from './api.ts';

/**
 * 评分工作台: for one region of a round and one method, the standards of that method, each with
 * the input its rule takes (findings, checks passed, satisfaction, an indicator value), the
 * city's material and who scored what.
 */
export default function ScoringPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: round, failed } = useRound(id);
  const { data: framework } = useFramework(round?.framework.id, round?.framework.version);

  const methods = useMemo(() => {
    const used = new Set<EvaluationMethod>();
    for (const project of framework?.document.projects ?? [])
      for (const content of project.contents) for (const standard of content.standards) used.add(standard.method);
    return [...used];
  }, [framework]);

  const regionCode = params.get('region') ?? round?.regions[0]?.code ?? null;
  const requested = params.get('method') as EvaluationMethod | null;
  const method = requested && methods.includes(requested) ? requested : (methods[0] ?? null);
  const sheetUrl =
    round && regionCode && method
      ? withQuery(`/api/v1/evaluation/rounds/${round.id}/regions/${regionCode}/sheet`, { method })
      : null;
  const { data: sheet, loading, reload } = useApiQuery<ScoringSheet>(sheetUrl);

  if (failed && !round) return <Result status="warning" title={t('evaluation.round.loadFailed')} />;
  if (!round || round.id !== id) return <Card loading />;

  const choose = (next: { region?: string; method?: string }) =>
    setParams({ region: next.region ?? regionCode ?? '', method: next.method ?? method ?? '' }, { replace: true });
  const siteNames = new Map((framework?.document.siteTypes ?? []).map((site) => [site.code, site.name]));
  const current = sheet && sheet.region.code === regionCode && sheet.method === method ? sheet : null;

  const columns: TableColumnsType<SheetRow> = [
    {
      title: t('evaluation.node.project'),
      key: 'path',
      width: 220,
      render: (_, row) => (
        <span>
          {row.projectName}
          <Typography.Text type="secondary"> / {row.contentName}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('evaluation.node.standard'),
      key: 'standard',
      render: (_, row) => (
        <span>
          <span className={styles.code}>{row.standard.code}</span> {row.standard.text}
        </span>
      ),
    },
    {
      title: t('evaluation.node.points'),
      key: 'points',
      width: 70,
      align: 'right',
      render: (_, row) => formatPoints(row.standard.points),
    },
    {
      title: t('evaluation.score.score'),
      key: 'score',
      width: 80,
      align: 'right',
      // Blank until something is entered: a standard nobody has looked at has not earned full marks.
      render: (_, row) =>
        row.result || row.findings.some((finding) => !finding.withdrawn) ? (
          <span
            className={row.score < row.standard.points ? styles.lostPoints : undefined}
            data-testid={`sheet-score-${row.standard.code}`}
          >
            {formatPoints(row.score)}
          </span>
        ) : (
          <span data-testid={`sheet-score-${row.standard.code}`} data-blank="true">
            —
          </span>
        ),
    },
    {
      title: t('evaluation.score.state'),
      key: 'state',
      width: 170,
      render: (_, row) => {
        const active = row.findings.filter((finding) => !finding.withdrawn).length;
        return (
          <Space size={[0, 4]} wrap>
            {row.result || active > 0 ? (
              <Tag color="green">{t('evaluation.score.entered')}</Tag>
            ) : (
              <Tag>{t('evaluation.score.notEntered')}</Tag>
            )}
            {active > 0 && <Tag color="red">{t('evaluation.score.findingCount', { count: active })}</Tag>}
            {row.evidence.length > 0 && (
              <Tag color="blue">{t('evaluation.score.evidenceCount', { count: row.evidence.length })}</Tag>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scoring-page">
      <Card
        title={
          <Space wrap>
            <Link to={`/evaluation/rounds/${round.id}`}>{round.name}</Link>
            <span>/</span>
            <span>{t('evaluation.round.workbench')}</span>
            <RoundStatusTag status={round.status} />
          </Space>
        }
      >
        <Space wrap size="large">
          <Select
            style={{ width: 260 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={regionCode ?? undefined}
            onChange={(region: string) => choose({ region })}
            options={round.regions.map((region) => ({
              value: region.code,
              label: `${region.name} · ${t(cityGroupKeys[region.cityGroup])}`,
            }))}
            aria-label={t('a11y.scoring.region')}
            data-testid="scoring-region"
          />
          <Segmented<EvaluationMethod>
            value={method ?? undefined}
            onChange={(next) => choose({ method: next })}
            options={methods.map((value) => ({
              value,
              label: <span data-testid={`scoring-method-${value}`}>{t(methodKeys[value])}</span>,
            }))}
          />
        </Space>
      </Card>
      {current && !current.canScore && (
        <Alert type="info" showIcon title={t('evaluation.score.readOnly')} data-testid="scoring-read-only" />
      )}
      <Card size="small">
        {methods.length === 0 && !loading ? (
          <Empty />
        ) : (
          <Table<SheetRow>
            rowKey={(row) => row.standard.code}
            size="small"
            loading={loading}
            columns={columns}
            dataSource={current?.standards ?? []}
            pagination={{ pageSize: 30, hideOnSinglePage: true }}
            rowClassName={(row) => (row.score < row.standard.points ? (styles.lossRow ?? '') : '')}
            expandable={{
              expandRowByClick: true,
              expandedRowRender: (row) =>
                current && (
                  <StandardScoring round={round} sheet={current} row={row} siteNames={siteNames} onChanged={reload} />
                ),
            }}
            data-testid="scoring-sheet"
          />
        )}
      </Card>
    </Space>
  );
}
