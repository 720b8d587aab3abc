import { useState } from 'react';
import { Button, Input, Select, Space, Table } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Region } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { levelLabelKey, regionColumns } from '../../components/region-display.tsx';

const levels = [1, 2, 3, 4, 5];

interface Query {
  q: string;
  level: number | undefined;
}

/** Name or code search with a level filter; the results in numbered pages with their total. */
export function RegionSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [level, setLevel] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState<Query | null>(null);

  const search = (value: string) => {
    const q = value.trim();
    setQuery(q ? { q, level } : null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Select<number>
          allowClear
          style={{ width: 140 }}
          placeholder={t('regions.allLevels')}
          aria-label={t('shell.regions.levelFilter')}
          value={level}
          onChange={setLevel}
          options={levels.map((value) => ({ value, label: t(levelLabelKey(value)) }))}
          data-testid="region-level-filter"
        />
        <Input
          allowClear
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value === '') search('');
          }}
          onPressEnter={() => search(text)}
          placeholder={t('regions.searchPlaceholder')}
          aria-label={t('regions.searchPlaceholder')}
          data-testid="region-search"
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={() => search(text)}>
          {t('common.search')}
        </Button>
      </Space.Compact>
      {query && (
        <>
          <SearchResults query={query} onOpen={onOpen} />
          <Button type="link" onClick={() => search('')}>
            {t('regions.closeSearch')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** One numbered page of the search's results ("共 N 条"); a row opens its region. */
function SearchResults({ query, onOpen }: { query: Query; onOpen: (code: string) => void }) {
  const t = useT();
  const { table } = useTablePage<Region>('/api/v1/regions/search', {
    q: query.q,
    level: query.level,
  });
  return (
    <Table<Region>
      rowKey="code"
      size="small"
      columns={regionColumns(t)}
      {...table}
      onRow={(region) => ({ onClick: () => onOpen(region.code), style: { cursor: 'pointer' } })}
      data-testid="region-search-results"
    />
  );
}
