import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Input, Space, Table, type TableColumnsType } from 'antd';
import { TitleKind } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { titleKindKeys } from './labels.ts';
import { TitleHistoryDrawer } from './TitleHistoryDrawer.tsx';
import { StateTag } from './TitleStateTag.tsx';
import type { TitleStates } from './types.ts';

type RegionRow = TitleStates['items'][number];

/** 称号管理: every region's titles at a date; a region opens its dated history with reasons and sources. */
export default function TitlesPage() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [under, setUnder] = useState(me.regionCode);
  const [at, setAt] = useState('');
  const openRegion = params.get('region');
  const { table, reload, exportHref } = useTablePage<RegionRow>('/api/v1/evaluation/titles', {
    under,
    at,
  });

  const stateCell = (title: TitleKind) => ({
    title: t(titleKindKeys[title]),
    key: title,
    width: 150,
    render: (_: unknown, row: RegionRow) => {
      const state = row.titles.find((item) => item.title === title);
      if (!state || state.status === 'none') return <span>—</span>;
      return <StateTag state={state} testId={`title-${row.regionCode}-${title}`} />;
    },
  });

  const columns: TableColumnsType<RegionRow> = [
    {
      title: t('regions.name'),
      key: 'region',
      width: 180,
      render: (_, row) => (
        <a onClick={() => setParams({ region: row.regionCode })} data-testid={`titles-open-${row.regionCode}`}>
          {row.regionName}
        </a>
      ),
    },
    ...TitleKind.options.map(stateCell),
  ];

  return (
    <Card title={t('evaluation.nav.titles')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <RegionSelect
            value={under}
            known={[{ code: me.regionCode, name: me.regionName }]}
            onChange={(value) => setUnder(typeof value === 'string' && value ? value : me.regionCode)}
            aria-label={t('a11y.titles.under')}
          />
        </div>
        <Space>
          <label htmlFor="titles-at">{t('evaluation.titles.at')}</label>
          <Input
            id="titles-at"
            type="date"
            value={at}
            onChange={(event) => setAt(event.target.value)}
            style={{ width: 170 }}
          />
        </Space>
        <ExportButton href={exportHref} testId="titles-export" />
      </Space>
      <Table<RegionRow> rowKey="regionCode" columns={columns} {...table} size="small" data-testid="titles-table" />
      <TitleHistoryDrawer regionCode={openRegion} onClose={() => setParams({})} onChanged={reload} />
    </Card>
  );
}
