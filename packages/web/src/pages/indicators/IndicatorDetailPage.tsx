import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Card, Descriptions, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Chart } from '../cockpit/Chart.tsx';
import { formatNumber, formatPeriod, formatTarget, formatValue } from '../cockpit/format.ts';
import { directionKeys, aggregationKeys, periodTypeKeys } from './labels.ts';
import { seriesPeriods, seriesRows, toCsv, type SeriesRow } from './series-table.ts';
import { useIndicatorSeries } from './api.ts';

/** Saves text as a file through a temporary link; nothing leaves the browser. */
function download(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** One indicator over time: a line per region (the region bold, its children thin), the target line, the table. */
export default function IndicatorDetailPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const withChildren = params.get('children') !== 'false';
  const query = { region, children: String(withChildren) };
  const { data: series, loading } = useIndicatorSeries(code, query, { keepPrevious: true });
  const current = series && series.indicator.code === code ? series : null;
  const indicator = current?.indicator;
  const own = current?.regions[0]?.region;
  const unit = indicator?.unit ?? '';

  const periods = useMemo(() => (current ? seriesPeriods(current) : []), [current]);
  const rows = useMemo(() => (current ? seriesRows(current) : []), [current]);
  const targetLines = (current?.targets ?? []).filter(
    (line) => line.regionCode === own?.code && line.targetValue !== null,
  );

  const option = current && {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => formatValue(value, unit) },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: periods.map((p) => formatPeriod(p, language)) },
    yAxis: { type: 'value', scale: true, name: unit },
    series: current.regions.map(({ region: r, points }, index) => {
      const byPeriod = new Map(points.map((p) => [p.period, p.value]));
      return {
        name: r.name,
        type: 'line',
        connectNulls: false,
        data: periods.map((p) => byPeriod.get(p) ?? null),
        lineStyle: { width: index === 0 ? 3 : 1.5 },
        symbolSize: index === 0 ? 6 : 4,
        z: index === 0 ? 3 : 2,
        markLine:
          index === 0 && targetLines.length > 0
            ? {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#cf1322' },
                label: { formatter: (p: { name: string }) => p.name, position: 'insideEndTop' },
                data: targetLines.map((line) => ({
                  yAxis: line.targetValue,
                  name: `${t('cockpit.target')} ${formatTarget(line.target.comparator, line.targetValue, null, unit) ?? ''}`,
                })),
              }
            : undefined,
      };
    }),
  };

  const columns: TableColumnsType<SeriesRow> = [
    {
      title: t('cockpit.region'),
      dataIndex: 'regionName',
      width: 140,
      filters: current?.regions.map(({ region: r }) => ({ text: r.name, value: r.code })),
      onFilter: (value, row) => row.regionCode === value,
    },
    {
      title: t('indicator.period'),
      key: 'period',
      width: 130,
      render: (_, row) => formatPeriod(row.point.period, language),
    },
    {
      title: `${t('indicator.value')} (${unit})`,
      key: 'value',
      align: 'right',
      render: (_, row) => formatNumber(row.point.value),
    },
    ...(indicator?.denominator
      ? [
          {
            title: `${indicator.numerator.name} (${indicator.numerator.unit})`,
            key: 'numerator',
            align: 'right' as const,
            render: (_: unknown, row: SeriesRow) => formatNumber(row.point.numerator),
          },
          {
            title: `${indicator.denominator.name} (${indicator.denominator.unit})`,
            key: 'denominator',
            align: 'right' as const,
            render: (_: unknown, row: SeriesRow) => formatNumber(row.point.denominator),
          },
        ]
      : []),
    {
      title: t('indicator.coverage'),
      key: 'coverage',
      width: 110,
      render: (_, row) => {
        const { reported, expected } = row.point.coverage;
        return <span style={reported < expected ? { color: '#d48806' } : undefined}>{`${reported}/${expected}`}</span>;
      },
    },
    {
      title: t('indicator.timely'),
      key: 'timely',
      width: 90,
      render: (_, row) => row.point.coverage.timely,
    },
    {
      title: t('indicator.unapproved'),
      key: 'unapproved',
      width: 100,
      render: (_, row) => (row.point.unapproved > 0 ? <Tag color="gold">{row.point.unapproved}</Tag> : '—'),
    },
  ];

  const exportCsv = () => {
    if (!current || !indicator) return;
    const header = [
      t('cockpit.region'),
      t('indicator.regionCode'),
      t('indicator.period'),
      `${t('indicator.value')} (${unit})`,
      t('indicator.numerator'),
      t('indicator.denominator'),
      t('indicator.reported'),
      t('indicator.expected'),
      t('indicator.timely'),
      t('indicator.unapproved'),
    ];
    const body = rows.map((row) => [
      row.regionName,
      row.regionCode,
      row.point.period,
      row.point.value,
      row.point.numerator,
      row.point.denominator,
      row.point.coverage.reported,
      row.point.coverage.expected,
      row.point.coverage.timely,
      row.point.unapproved,
    ]);
    download(toCsv(header, body), `${indicator.code}-${own?.code ?? ''}.csv`, 'text/csv;charset=utf-8');
  };

  const setParam = (name: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(name, value);
      return next;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="indicator-detail">
      <Card
        size="small"
        loading={loading && !current}
        title={
          <Space wrap>
            <Link to="/indicators">{t('nav.indicators')}</Link>
            <span>/</span>
            <span data-testid="indicator-name">{indicator?.name ?? code}</span>
          </Space>
        }
        extra={
          own && (
            <Link to={`/cockpit/${own.code}`} data-testid="indicator-cockpit">
              {t('indicator.openCockpit', { region: own.name })}
            </Link>
          )
        }
      >
        {indicator && (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('indicator.code')}>{indicator.code}</Descriptions.Item>
            <Descriptions.Item label={t('indicator.unit')}>{indicator.unit}</Descriptions.Item>
            <Descriptions.Item label={t('indicator.direction')}>
              {t(directionKeys[indicator.direction])}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicator.formula')}>
              {indicator.denominator
                ? `${indicator.numerator.name} ÷ ${indicator.denominator.name}${indicator.factor !== 1 ? ` × ${indicator.factor}` : ''}`
                : `${indicator.numerator.name}${indicator.factor !== 1 ? ` × ${indicator.factor}` : ''}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicator.aggregation')}>
              {t(aggregationKeys[indicator.aggregation])}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicator.periodType')}>
              {t(periodTypeKeys[indicator.periodType])}
            </Descriptions.Item>
            {indicator.description && (
              <Descriptions.Item label={t('indicator.description')} span={3}>
                {indicator.description}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>

      <Card
        size="small"
        title={own ? t('indicator.overTime', { region: own.name }) : t('indicator.chart')}
        extra={
          <Space wrap>
            {current && current.regions.length > 1 && (
              <Select
                placeholder={t('indicator.openChild')}
                style={{ width: 160 }}
                onChange={(value: string) => setParam('region', value)}
                options={current.regions.slice(1).map(({ region: r }) => ({ value: r.code, label: r.name }))}
                data-testid="indicator-child"
              />
            )}
            <Space size={4}>
              <Switch
                checked={withChildren}
                onChange={(checked) => setParam('children', String(checked))}
                size="small"
                data-testid="indicator-children"
              />
              <Typography.Text>{t('indicator.showChildren')}</Typography.Text>
            </Space>
          </Space>
        }
      >
        {option && (
          <Chart
            option={option}
            style={{ height: 380 }}
            testId="indicator-chart"
            onEvents={{
              click: (p) => {
                const child = current?.regions
                  .slice(1)
                  .find(({ region: r }) => r.name === (p as { seriesName?: string }).seriesName);
                if (child)
                  navigate(withQuery(`/indicators/${encodeURIComponent(code)}`, { region: child.region.code }));
              },
            }}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('indicator.table')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!current} data-testid="indicator-csv">
              CSV
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={withQuery(`/api/v1/indicators/${encodeURIComponent(code)}/series.xlsx`, query)}
              data-testid="indicator-xlsx"
            >
              Excel
            </Button>
          </Space>
        }
      >
        <Table<SeriesRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 800 }}
          data-testid="indicator-table"
        />
      </Card>
    </Space>
  );
}
