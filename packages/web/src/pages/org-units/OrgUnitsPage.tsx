import { useState } from 'react';
import { Card, Form, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { OrgUnit, OrgUnitKind } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { OrgUnitModal } from './OrgUnitModal.tsx';
import { MergeOrgUnitModal } from './MergeOrgUnitModal.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';

interface Filters {
  regionCode?: string;
  q?: string;
}

export default function OrgUnitsPage() {
  const t = useT();
  const mayWrite = useCan('org.write');
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  // undefined: modal closed; null: creating; a unit: editing it.
  const [editing, setEditing] = useState<OrgUnit | null | undefined>(undefined);
  const [merging, setMerging] = useState<OrgUnit | null>(null);

  const { table, reload, exportHref } = useTablePage<OrgUnit>('/api/v1/org-units', {
    ...filters,
  });

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: t('orgUnits.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Space size={4} wrap>
          {name}
          {unit.mergedInto && (
            <Tag data-testid="org-unit-merged">
              {t('orgUnits.mergedInto', { name: unit.mergedInto.name, on: unit.mergedInto.on })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('orgUnits.shortName'),
      dataIndex: 'shortName',
      width: 160,
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('orgUnits.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: OrgUnitKind) => t(`orgUnits.kind.${kind}`),
    },
    { title: t('orgUnits.region'), dataIndex: 'regionName', width: 160 },
    { title: t('orgUnits.code'), dataIndex: 'code', width: 200 },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, unit) => (
        <Space size={8}>
          <a onClick={() => setEditing(unit)}>{t('common.edit')}</a>
          {!unit.mergedInto && (
            <a onClick={() => setMerging(unit)} data-testid="org-unit-merge">
              {t('orgUnits.merge')}
            </a>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('nav.orgUnits')}
      extra={
        mayWrite && (
          <CreateButton onClick={() => setEditing(null)} testId="org-unit-create">
            {t('orgUnits.create')}
          </CreateButton>
        )
      }
    >
      <ListFilterForm
        form={form}
        onSearch={(values) =>
          setFilters({
            regionCode: typeof values.regionCode === 'string' ? values.regionCode : undefined,
            q: values.q?.trim() || undefined,
          })
        }
        onReset={() => setFilters({})}
        extra={<ExportButton href={exportHref} testId="org-unit-export" />}
      >
        <Form.Item name="regionCode" label={t('orgUnits.region')}>
          <RegionSelect
            style={{ width: 240 }}
            placeholder={t('orgUnits.filterRegion')}
            testId="org-unit-region-filter"
          />
        </Form.Item>
        <Form.Item name="q" label={t('orgUnits.filterKeyword')}>
          <Input
            allowClear
            style={{ width: 220 }}
            placeholder={t('orgUnits.searchPlaceholder')}
            data-testid="org-unit-search"
          />
        </Form.Item>
      </ListFilterForm>
      <Table<OrgUnit> rowKey="id" columns={columns} {...table} data-testid="org-unit-table" />
      <OrgUnitModal
        open={editing !== undefined}
        unit={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
      <MergeOrgUnitModal
        unit={merging}
        onClose={() => setMerging(null)}
        onSaved={() => {
          setMerging(null);
          reload();
        }}
      />
    </Card>
  );
}
