import { useState } from 'react';
import { Empty, InputNumber, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CityGroup } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { cityGroupKeys } from './labels.ts';
import { formatPoints } from './score-format.ts';
import type { CycleLine, Cycle } from './types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useFrameworks } from './api.ts';

/**
 * 周期成绩: for a framework's cycle starting in a year, each region's annual scores (routine
 * assessments and year-end evaluation combined by the framework's weights) and the weighted cycle
 * total, ranked within its group; only published rounds count.
 */
export function CycleResults() {
  const t = useT();
  const { data: frameworks } = useFrameworks();
  const [chosen, setChosen] = useState<string | undefined>();
  const [startYear, setStartYear] = useState<number | null>(2018);
  const [cityGroup, setCityGroup] = useState<CityGroup | undefined>();
  const frameworkId = chosen ?? frameworks?.items[0]?.id;
  const { data: cycle, loading } = useApiQuery<Cycle>(
    frameworkId && startYear ? withQuery('/api/v1/evaluation/cycle', { frameworkId, startYear, cityGroup }) : null,
  );
  const rows = cycle?.rows ?? [];
  const years = rows[0]?.years.map((year) => year.year) ?? [];

  const columns: TableColumnsType<CycleLine> = [
    {
      title: t('evaluation.ranking.rank'),
      dataIndex: 'rank',
      width: 60,
      align: 'center',
      render: (rank: number | null) => rank ?? '—',
    },
    { title: t('regions.name'), dataIndex: 'regionName', width: 140 },
    {
      title: t('evaluation.round.cityGroup'),
      dataIndex: 'cityGroup',
      width: 150,
      render: (group: CityGroup) => t(cityGroupKeys[group]),
    },
    ...years.map((year, index) => ({
      title: t('evaluation.cycle.year', { year }),
      key: String(year),
      width: 170,
      render: (_: unknown, row: CycleLine) => {
        const entry = row.years[index];
        if (!entry || entry.annual === null) return '—';
        return (
          <span>
            <Typography.Text strong>{formatPoints(entry.annual)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {t('evaluation.cycle.parts', {
                routine: formatPoints(entry.routine),
                yearEnd: formatPoints(entry.yearEnd),
              })}
            </Typography.Text>
          </span>
        );
      },
    })),
    {
      title: t('evaluation.cycle.total'),
      key: 'total',
      width: 150,
      render: (_, row) => (
        <Space size={4}>
          <Typography.Text strong>{formatPoints(row.cycleTotal)}</Typography.Text>
          {!row.complete && <Tag>{t('evaluation.cycle.incomplete')}</Tag>}
          {row.minorsGatePassed === false && <Tag color="red">{t('evaluation.scorecard.gateFailed')}</Tag>}
          {row.standing === 'disqualified' && (
            <Tooltip title={row.disqualifications.map((d) => d.reason).join('；')}>
              <Tag color="purple" data-testid={`cycle-disqualified-${row.regionCode}`}>
                {t('evaluation.cycle.standing.disqualified')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 340 }}
          value={frameworkId}
          onChange={setChosen}
          options={(frameworks?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <Space>
          <span>{t('evaluation.cycle.startYear')}</span>
          <InputNumber min={2000} max={2100} value={startYear} onChange={setStartYear} style={{ width: 100 }} />
        </Space>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('evaluation.cycle.allGroups')}
          value={cityGroup}
          onChange={setCityGroup}
          options={CityGroup.options.map((value) => ({ value, label: t(cityGroupKeys[value]) }))}
        />
      </Space>
      <Typography.Text type="secondary">{t('evaluation.cycle.help')}</Typography.Text>
      {rows.length === 0 && !loading ? (
        <Empty description={t('evaluation.cycle.none')} />
      ) : (
        <Table<CycleLine>
          rowKey="regionCode"
          size="small"
          bordered
          columns={columns}
          dataSource={[...rows].sort(
            (a, b) => a.cityGroup.localeCompare(b.cityGroup) || (a.rank ?? 1e9) - (b.rank ?? 1e9),
          )}
          loading={loading}
          pagination={false}
          data-testid="cycle-table"
        />
      )}
    </Space>
  );
}
