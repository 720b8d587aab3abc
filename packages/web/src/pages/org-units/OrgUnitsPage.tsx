import { useState } from 'react';
import { Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.ts';
import type { OrgUnit } from '../../api/types.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useCan } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { OrgUnitModal } from './OrgUnitModal.tsx';

interface Filters {
  regionCode: string | undefined;
  q: string;
}

export default function OrgUnitsPage() {
  const t = useT();
  const mayWrite = useCan('org.write');
  const [filters, setFilters] = useState<Filters>({ regionCode: undefined, q: '' });
  // undefined: modal closed; null: creating; a unit: editing it.
  const [editing, setEditing] = useState<OrgUnit | null | undefined>(undefined);

  const { items, loading, nextCursor, loadMore, reload } = usePagedList<OrgUnit>(
    withQuery('/api/v1/org-units', { ...filters }),
  );

  const columns: TableColumnsType<OrgUnit> = [
    { title: t('orgUnits.code'), dataIndex: 'code', width: 160 },
    { title: t('orgUnits.name'), dataIndex: 'name' },
    {
      title: t('orgUnits.shortName'),
      dataIndex: 'shortName',
      width: 160,
      render: (value: string | null) => value ?? '—',
    },
    { title: t('orgUnits.kind'), dataIndex: 'kind', width: 140 },
    { title: t('orgUnits.region'), dataIndex: 'regionName', width: 180 },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, unit) => <a onClick={() => setEditing(unit)}>{t('common.edit')}</a>,
    });
  }

  return (
    <Card
      title={t('nav.orgUnits')}
      extra={
        mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="org-unit-create">
            {t('orgUnits.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <RegionSelect
            value={filters.regionCode}
            onChange={(code) => setFilters({ ...filters, regionCode: typeof code === 'string' ? code : undefined })}
            placeholder={t('orgUnits.filterRegion')}
            testId="org-unit-region-filter"
          />
        </div>
        <SearchInput
          style={{ width: 320 }}
          placeholder={t('orgUnits.searchPlaceholder')}
          onSearch={(q) => setFilters({ ...filters, q: q.trim() })}
          testId="org-unit-search"
        />
      </Space>
      <Table<OrgUnit>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        data-testid="org-unit-table"
      />
      {nextCursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
      <OrgUnitModal
        open={editing !== undefined}
        unit={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
    </Card>
  );
}
