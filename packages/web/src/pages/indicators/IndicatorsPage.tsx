import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Input, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { DataElementView, DataSetView, IndicatorView } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatNumber } from '../cockpit/format.ts';
import { aggregationKeys, directionKeys, periodTypeKeys } from './labels.ts';
import { useCatalogue } from './api.ts';

/** Whether a code or name contains the search text (case-insensitive). */
function matches(item: { code: string; name: string }, text: string): boolean {
  const q = text.trim().toLowerCase();
  return !q || item.code.toLowerCase().includes(q) || item.name.toLowerCase().includes(q);
}

/** 指标目录: the computed indicators with their formulas and targets, and the data sets with their elements. */
export default function IndicatorsPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const { data: catalogue, loading } = useCatalogue({ keepPrevious: true });

  const levelLabel = (level: number) => (level === 2 ? t('level.prefecture') : t('level.county'));

  const indicatorColumns: TableColumnsType<IndicatorView> = [
    {
      title: t('indicator.name'),
      key: 'name',
      render: (_, row) => (
        <Link to={`/indicators/${encodeURIComponent(row.code)}`} data-testid={`indicator-link-${row.code}`}>
          {row.name}
        </Link>
      ),
    },
    { title: t('indicator.code'), dataIndex: 'code', width: 170, ellipsis: true },
    { title: t('indicator.unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('indicator.formula'),
      key: 'formula',
      render: (_, row) =>
        row.denominator
          ? `${row.numerator.name} ÷ ${row.denominator.name}${row.factor !== 1 ? ` × ${row.factor}` : ''}`
          : `${row.numerator.name}${row.factor !== 1 ? ` × ${row.factor}` : ''}`,
    },
    {
      title: t('indicator.direction'),
      dataIndex: 'direction',
      width: 110,
      render: (direction: IndicatorView['direction']) => t(directionKeys[direction]),
    },
    {
      title: t('indicator.aggregation'),
      dataIndex: 'aggregation',
      width: 100,
      render: (aggregation: IndicatorView['aggregation']) => t(aggregationKeys[aggregation]),
    },
    {
      title: t('indicator.periodType'),
      key: 'period',
      width: 120,
      render: (_, row) => `${t(periodTypeKeys[row.periodType])} · ${levelLabel(row.regionLevel)}`,
    },
    {
      title: t('indicator.targets'),
      key: 'targets',
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.targets.map((target) => (
            <Tooltip key={`${target.planCode}/${target.code}`} title={target.title}>
              <Tag>{target.taskNumber ?? target.code}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
  ];

  const elementColumns: TableColumnsType<DataElementView> = [
    {
      title: t('indicator.name'),
      key: 'name',
      render: (_, row) => (
        <span>
          {row.name}
          {row.required && <Typography.Text type="danger"> *</Typography.Text>}
        </span>
      ),
    },
    { title: t('indicator.code'), dataIndex: 'code', width: 220 },
    { title: t('indicator.unit'), dataIndex: 'unit', width: 90 },
    {
      title: t('indicator.aggregation'),
      dataIndex: 'aggregation',
      width: 100,
      render: (aggregation: DataElementView['aggregation']) => t(aggregationKeys[aggregation]),
    },
    {
      title: t('indicator.range'),
      key: 'range',
      width: 160,
      render: (_, row) =>
        row.min === null && row.max === null ? '—' : `${formatNumber(row.min)} ~ ${formatNumber(row.max)}`,
    },
    {
      title: t('indicator.integer'),
      dataIndex: 'integer',
      width: 80,
      render: (integer: boolean) => (integer ? t('indicator.yes') : t('indicator.no')),
    },
  ];

  const dataSetColumns: TableColumnsType<DataSetView> = [
    { title: t('indicator.dataSet'), dataIndex: 'name' },
    { title: t('indicator.code'), dataIndex: 'code', width: 220 },
    {
      title: t('indicator.periodType'),
      dataIndex: 'periodType',
      width: 110,
      render: (type: DataSetView['periodType']) => t(periodTypeKeys[type]),
    },
    { title: t('indicator.reportedBy'), dataIndex: 'regionLevel', width: 110, render: levelLabel },
    {
      title: t('indicator.source'),
      dataIndex: 'source',
      width: 120,
      render: (source: DataSetView['source']) => <Tag>{t(`indicator.source.${source}`)}</Tag>,
    },
    { title: t('indicator.elements'), key: 'count', width: 90, render: (_, row) => row.elements.length },
  ];

  const indicators = (catalogue?.indicators ?? []).filter((i) => matches(i, search));
  const dataSets = (catalogue?.dataSets ?? []).filter(
    (set) => matches(set, search) || set.elements.some((e) => matches(e, search)),
  );

  return (
    <Card
      title={t('indicator.catalogue')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('indicator.search')}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 240 }}
          data-testid="indicator-search"
        />
      }
      data-testid="indicator-catalogue"
    >
      <Tabs
        items={[
          {
            key: 'indicators',
            label: `${t('indicator.indicators')} (${indicators.length})`,
            children: (
              <Table<IndicatorView>
                rowKey="code"
                size="small"
                columns={indicatorColumns}
                dataSource={indicators}
                loading={loading}
                pagination={false}
                scroll={{ x: 1100 }}
                data-testid="indicator-list"
              />
            ),
          },
          {
            key: 'data-sets',
            label: `${t('indicator.dataSets')} (${dataSets.length})`,
            children: (
              <Table<DataSetView>
                rowKey="code"
                size="small"
                columns={dataSetColumns}
                dataSource={dataSets}
                loading={loading}
                pagination={false}
                scroll={{ x: 800 }}
                expandable={{
                  expandedRowRender: (set) => (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {set.description && <Typography.Text type="secondary">{set.description}</Typography.Text>}
                      <Table<DataElementView>
                        rowKey="code"
                        size="small"
                        columns={elementColumns}
                        dataSource={set.elements}
                        pagination={false}
                      />
                      {set.rules.map((rule) => (
                        <Typography.Text key={rule.indicator} type="secondary">
                          {t('indicator.rule', {
                            numerator: set.elements.find((e) => e.code === rule.numerator)?.name ?? rule.numerator,
                            denominator:
                              set.elements.find((e) => e.code === rule.denominator)?.name ?? rule.denominator,
                          })}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                }}
                data-testid="data-set-list"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
