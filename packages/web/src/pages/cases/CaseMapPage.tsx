import { useState } from 'react';
import { Alert, Card, Space, Table, Typography } from 'antd';
import type { CaseMap } from '@chuangcheng/core';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRegionOutlines } from '../cockpit/useRegionOutlines.ts';
import { Chart } from './CaseChart.tsx';
import { CategoryFilter } from './CategoryFilter.tsx';
import { caseMapOption } from './stats-chart.ts';
import styles from './cases.module.css';
import { useCaseMap } from './api.ts';

type AreaRow = CaseMap['byRegion'][number];

/**
 * Open cases in the account's area: on the map of its child regions when outlines exist (each
 * area coloured by its open cases, each located case a point, overdue red), and always as a table.
 */
export default function CaseMapPage() {
  const t = useT();
  const me = useMe();
  const [category, setCategory] = useState<string[] | undefined>();
  const outlines = useRegionOutlines(me.regionCode);
  const { data: map, loading } = useCaseMap(category?.[1], { keepPrevious: true });

  return (
    <Card
      title={t('nav.caseMap')}
      extra={<CategoryFilter value={category} onChange={setCategory} width={220} />}
      data-testid="case-map"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {map && (
          <Typography.Text type="secondary">
            {t('case.map.summary', {
              points: map.points.length,
              overdue: map.points.filter((point) => point.overdue).length,
            })}
          </Typography.Text>
        )}
        {map?.truncated && <Alert type="info" showIcon title={t('case.map.truncated')} />}
        {map && outlines.state === 'ready' && (
          <Chart option={caseMapOption(map, outlines.mapName, t)} className={styles.mapChart} testId="case-map-chart" />
        )}
        {outlines.state === 'none' && <Alert type="info" showIcon title={t('case.map.noOutlines')} />}
        <Table<AreaRow>
          rowKey="regionCode"
          size="small"
          loading={loading}
          dataSource={[...(map?.byRegion ?? [])].sort((a, b) => b.open - a.open)}
          pagination={false}
          columns={[
            { title: t('case.map.area'), dataIndex: 'regionName' },
            { title: t('case.stats.open'), dataIndex: 'open', align: 'right' },
            { title: t('case.stats.overdueOpen'), dataIndex: 'overdue', align: 'right' },
          ]}
        />
      </Space>
    </Card>
  );
}
