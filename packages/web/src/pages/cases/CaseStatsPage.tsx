import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
} from 'antd';
import { CASE_STATS_DEFINITIONS, type CaseStatsRow, type StatsGroupBy } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useI18n, useT, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { Chart } from './CaseChart.tsx';
import { CategoryFilter } from './CategoryFilter.tsx';
import { formatRate } from './format.ts';
import { statsChartOption } from './stats-chart.ts';
import styles from './cases.module.css';
import { useCaseStats } from './api.ts';

const groupings: { value: StatsGroupBy; label: MessageKey }[] = [
  { value: 'region', label: 'case.stats.byRegion' },
  { value: 'unit', label: 'case.stats.byUnit' },
  { value: 'category', label: 'case.stats.byCategory' },
  { value: 'month', label: 'case.stats.byMonth' },
];

const number = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

/**
 * 案件统计: cases, 结案率, 按期结案率, 返工率, average handling time and satisfaction by region,
 * unit, category or month, for a period (default the last 30 days), as figures, a chart and a table.
 */
export default function CaseStatsPage() {
  const t = useT();
  const { language } = useI18n();
  const [groupBy, setGroupBy] = useState<StatsGroupBy>('region');
  const [range, setRange] = useState<[string, string] | null>(null);
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [category, setCategory] = useState<string[] | undefined>();

  const query = { groupBy, from: range?.[0], to: range?.[1], regionCode, categoryCode: category?.[1] };
  const { data: stats, loading } = useCaseStats(query, { keepPrevious: true });

  // One list of figures feeds both the table's columns and its total row.
  const figures: { key: string; title: MessageKey; value: (row: CaseStatsRow) => string }[] = [
    { key: 'cases', title: 'case.stats.cases', value: (row) => String(row.cases) },
    { key: 'accepted', title: 'case.stats.accepted', value: (row) => String(row.accepted) },
    { key: 'due', title: 'case.stats.due', value: (row) => String(row.due) },
    { key: 'closed', title: 'case.stats.closed', value: (row) => String(row.closed) },
    { key: 'closureRate', title: 'case.stats.closureRate', value: (row) => formatRate(row.closureRate) },
    { key: 'onTimeRate', title: 'case.stats.onTimeRate', value: (row) => formatRate(row.onTimeRate) },
    { key: 'reworkRate', title: 'case.stats.reworkRate', value: (row) => formatRate(row.reworkRate) },
    { key: 'avgHours', title: 'case.stats.avgHours', value: (row) => number(row.avgHandlingHours) },
    {
      key: 'avgWorkingHours',
      title: 'case.stats.avgWorkingHours',
      value: (row) => number(row.avgHandlingWorkingHours),
    },
    {
      key: 'satisfaction',
      title: 'case.stats.satisfaction',
      value: (row) => (row.satisfaction === null ? '—' : `${number(row.satisfaction, 2)} (${row.ratings})`),
    },
    { key: 'open', title: 'case.stats.open', value: (row) => String(row.open) },
    { key: 'overdueOpen', title: 'case.stats.overdueOpen', value: (row) => String(row.overdueOpen) },
  ];
  const groupLabel = groupings.find((g) => g.value === groupBy)?.label ?? 'case.stats.byRegion';
  const columns: TableColumnsType<CaseStatsRow> = [
    { title: t(groupLabel), dataIndex: 'name', fixed: 'left', width: 150 },
    ...figures.map((figure) => ({
      title: t(figure.title),
      key: figure.key,
      align: 'right' as const,
      render: (_: unknown, row: CaseStatsRow) => figure.value(row),
    })),
  ];

  const total = stats?.total;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-stats">
      <Card title={t('nav.caseStats')}>
        <Space wrap>
          <Segmented<StatsGroupBy>
            value={groupBy}
            onChange={setGroupBy}
            options={groupings.map((g) => ({ value: g.value, label: t(g.label) }))}
            data-testid="case-stats-group"
          />
          <DatePicker.RangePicker
            onChange={(_, text) => setRange(text[0] && text[1] ? [text[0], text[1]] : null)}
            placeholder={[t('case.stats.from'), t('case.stats.to')]}
          />
          <div style={{ width: 240 }}>
            <RegionSelect
              value={regionCode}
              onChange={(value) => setRegionCode(value as string | undefined)}
              aria-label={t('a11y.cases.filterRegion')}
            />
          </div>
          <CategoryFilter value={category} onChange={setCategory} width={200} />
          <Button href={withQuery('/api/v1/cases/stats.xlsx', query)} data-testid="case-stats-export">
            {t('case.stats.export')}
          </Button>
        </Space>
        <Collapse
          ghost
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'definitions',
              label: t('case.stats.definitions'),
              children: (
                <Descriptions column={1} size="small" data-testid="case-stats-definitions">
                  {CASE_STATS_DEFINITIONS.map((d) => (
                    <Descriptions.Item key={d.key}>{language === 'en' ? d.en : d.zh}</Descriptions.Item>
                  ))}
                </Descriptions>
              ),
            },
          ]}
        />
      </Card>
      {total && (
        <Row gutter={[12, 12]}>
          {(
            [
              ['case.stats.cases', String(total.cases)],
              ['case.stats.closureRate', formatRate(total.closureRate)],
              ['case.stats.onTimeRate', formatRate(total.onTimeRate)],
              ['case.stats.reworkRate', formatRate(total.reworkRate)],
              ['case.stats.avgHours', number(total.avgHandlingHours)],
              ['case.stats.avgWorkingHours', number(total.avgHandlingWorkingHours)],
              ['case.stats.satisfaction', number(total.satisfaction, 2)],
            ] as [MessageKey, string][]
          ).map(([label, value]) => (
            <Col key={label} xs={12} md={8} xl={3}>
              <Card size="small" className={styles.statCard}>
                <Statistic title={t(label)} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card
        title={stats ? t('case.stats.period', { from: stats.from, to: stats.to }) : undefined}
        loading={loading && !stats}
      >
        {stats && stats.rows.length > 0 && (
          <Chart option={statsChartOption(stats.rows, t)} className={styles.chart} testId="case-stats-chart" />
        )}
        <Table<CaseStatsRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={stats?.rows ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 1100 }}
          summary={() =>
            total && (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('case.stats.total')}</Table.Summary.Cell>
                  {figures.map((figure, index) => (
                    <Table.Summary.Cell key={figure.key} index={index + 1} align="right">
                      {figure.value(total)}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
          data-testid="case-stats-table"
        />
      </Card>
    </Space>
  );
}
