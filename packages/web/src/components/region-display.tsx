import { Space, Tag, Typography } from 'antd';
import { regionLevelKeys, type Region } from '@chuangcheng/core';
import type { MessageKey, Translate } from '../i18n/I18nProvider.tsx';
import type { TableColumnsType } from 'antd';

/** Catalogue key of a level's label; unknown levels read as the lowest so nothing crashes. */
export function levelLabelKey(level: number): MessageKey {
  const key = regionLevelKeys[level as keyof typeof regionLevelKeys] ?? 'village';
  return `level.${key}`;
}

/** A missing figure is "no data", never 0: a 0 would be read as an empty village. */
export function Population({ value, t }: { value: number | null; t: Translate }) {
  if (value === null) return <Tag className="no-data">{t('common.noData')}</Tag>;
  return <Typography.Text>{value.toLocaleString()}</Typography.Text>;
}

export function GroupTags({ groups }: { groups: Region['groups'] }) {
  if (groups.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {groups.map((group) => (
        <Tag key={group.code} color="geekblue">
          {group.name}
        </Tag>
      ))}
    </Space>
  );
}

/** Columns shared by the region detail's children table and the search results. */
export function regionColumns(t: Translate): TableColumnsType<Region> {
  return [
    { title: t('regions.code'), dataIndex: 'code', width: 140 },
    // Long township names (管理委员会 ...) must not squeeze into one character per line.
    { title: t('regions.name'), dataIndex: 'name', width: 260, ellipsis: { showTitle: true } },
    { title: t('regions.level'), dataIndex: 'level', width: 110, render: (level: number) => t(levelLabelKey(level)) },
    {
      title: t('regions.population'),
      dataIndex: 'population',
      width: 130,
      align: 'right',
      render: (value: number | null) => <Population value={value} t={t} />,
    },
    {
      title: t('regions.populationYear'),
      dataIndex: 'populationYear',
      width: 100,
      render: (year: number | null) => year ?? '—',
    },
    {
      title: t('regions.groups'),
      dataIndex: 'groups',
      width: 280,
      render: (groups: Region['groups']) => <GroupTags groups={groups} />,
    },
    { title: t('regions.childCount'), dataIndex: 'childCount', width: 90, align: 'right' },
  ];
}
