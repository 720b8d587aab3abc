import { useEffect, useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Empty, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Region, RegionDetail as RegionDetailData } from '@chuangcheng/core';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { GroupTags, Population, levelLabelKey, regionColumns } from '../../components/region-display.tsx';
import { PopulationModal } from './PopulationModal.tsx';
import { useRegion, useRegionChildren } from './api.ts';

interface Props {
  code: string;
  onSelect: (code: string) => void;
  onLoaded: (detail: RegionDetailData) => void;
}

export function RegionDetail({ code, onSelect, onLoaded }: Props) {
  const t = useT();
  const mayEdit = useCan('region.write');
  const [editing, setEditing] = useState(false);
  const detailQuery = useRegion(code, { keepPrevious: true });
  const childrenQuery = useRegionChildren(code, { keepPrevious: true });
  const loaded =
    detailQuery.data && childrenQuery.data ? { detail: detailQuery.data, children: childrenQuery.data.items } : null;
  const answered = detailQuery.data?.code === code && !childrenQuery.loading ? detailQuery.data : null;
  useEffect(() => {
    if (answered) onLoaded(answered);
  }, [answered, onLoaded]);

  // The previous region stays on screen, greyed by the card's spinner, until the next arrives.
  const loading = detailQuery.loading || childrenQuery.loading || loaded?.detail.code !== code;
  if (!loaded) return <Card loading />;
  const { detail, children } = loaded;

  const crumbs = [...detail.ancestors, { code: detail.code, name: detail.name }].map((region) => ({
    key: region.code,
    title: region.code === detail.code ? region.name : <a onClick={() => onSelect(region.code)}>{region.name}</a>,
  }));

  return (
    <Card loading={loading} title={<Breadcrumb items={crumbs} />} data-testid="region-detail">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, xl: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'code', label: t('regions.code'), children: detail.code },
          { key: 'name', label: t('regions.name'), children: detail.name },
          { key: 'level', label: t('regions.level'), children: t(levelLabelKey(detail.level)) },
          {
            key: 'population',
            label: t('regions.population'),
            children: (
              <>
                <Population value={detail.population} t={t} />
                {mayEdit && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(true)}
                    data-testid="population-edit"
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </>
            ),
          },
          { key: 'year', label: t('regions.populationYear'), children: detail.populationYear ?? '—' },
          { key: 'children', label: t('regions.childCount'), children: detail.childCount },
          { key: 'groups', label: t('regions.groups'), span: 2, children: <GroupTags groups={detail.groups} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('regions.children')}
      </Typography.Title>
      <Table<Region>
        rowKey="code"
        size="small"
        columns={regionColumns(t)}
        dataSource={children}
        pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regions.noChildren')} /> }}
        onRow={(region) => ({ onClick: () => onSelect(region.code), style: { cursor: 'pointer' } })}
        data-testid="region-children"
      />
      <PopulationModal
        open={editing}
        region={detail}
        onClose={() => setEditing(false)}
        onSaved={(region) => {
          detailQuery.replace({ ...detail, ...region });
          setEditing(false);
        }}
      />
    </Card>
  );
}
