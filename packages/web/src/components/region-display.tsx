import { Space, Tag, Typography } from 'antd';
import type { Region, regionLevelKeys } from '@chuangcheng/core';
import type { MessageKey, Translate } from '../i18n/I18nProvider.tsx';
import type { TableColumnsType } from 'antd';

/**
 * Core's regionLevelKeys, restated so that the resident's location field loads no core code (zod
 * comes with it); its type is core's, so the two cannot differ.
 */
const levelKeys: typeof regionLevelKeys = { 1: 'province', 2: 'prefecture', 3: 'county', 4: 'township', 5: 'village' };

/** Catalogue key of a level's label; unknown levels read as the lowest so nothing crashes. */
export function levelLabelKey(level: number): MessageKey {
  const key = levelKeys[level as keyof typeof levelKeys] ?? 'village';
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

/** Column headings stay on one line: "人口年份" broken after "人口" reads as two headings. */
const oneLine = () => ({ style: { whiteSpace: 'nowrap' as const } });

/**
 * Columns shared by the region detail's children table and the search results. Widths add up to
 * what fits beside the tree at 1440 px (the name takes the rest), so the card never scrolls sideways.
 */
export function regionColumns(t: Translate): TableColumnsType<Region> {
  const columns: TableColumnsType<Region> = [
    { title: t('regions.code'), dataIndex: 'code', width: 120 },
    // Long township names (管理委员会 ...) are cut with the full name on hover, not squeezed per character.
    { title: t('regions.name'), dataIndex: 'name', ellipsis: { showTitle: true } },
    { title: t('regions.level'), dataIndex: 'level', width: 80, render: (level: number) => t(levelLabelKey(level)) },
    {
      title: t('regions.population'),
      dataIndex: 'population',
      width: 110,
      align: 'right',
      render: (value: number | null) => <Population value={value} t={t} />,
    },
    {
      title: t('regions.populationYear'),
      dataIndex: 'populationYear',
      width: 90,
      render: (year: number | null) => year ?? '—',
    },
    {
      title: t('regions.groups'),
      dataIndex: 'groups',
      width: 170,
      render: (groups: Region['groups']) => <GroupTags groups={groups} />,
    },
    { title: t('regions.childCount'), dataIndex: 'childCount', width: 80, align: 'right' },
  ];
  return columns.map((column) => ({ ...column, onHeaderCell: oneLine }));
}
