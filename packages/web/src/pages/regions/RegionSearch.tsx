import { useState } from 'react';
import { Button, Input, Select, Space, Table } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Region } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { levelLabelKey, regionColumns } from '../../components/region-display.tsx';

const pageSize = 20;
const levels = [1, 2, 3, 4, 5];

interface Query {
  q: string;
  level: number | undefined;
}

/** Name or code search with a level filter; pages with the server's cursor ("load more"). */
export function RegionSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const t = useT();
  const showError = useApiError();
  const [text, setText] = useState('');
  const [level, setLevel] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState<Query | null>(null);
  const [items, setItems] = useState<Region[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (next: Query, after: string | null) => {
    setLoading(true);
    try {
      const page = await api.get<Page<Region>>(
        withQuery('/api/v1/regions/search', { q: next.q, level: next.level, limit: pageSize, cursor: after }),
      );
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setQuery(next);
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  };

  const search = (value: string) => {
    const q = value.trim();
    if (!q) {
      setQuery(null);
      setItems([]);
      setCursor(null);
      return;
    }
    void load({ q, level }, null);
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
        <Button type="primary" icon={<SearchOutlined />} loading={loading && !cursor} onClick={() => search(text)}>
          {t('common.search')}
        </Button>
      </Space.Compact>
      {query && (
        <>
          <Table<Region>
            rowKey="code"
            size="small"
            columns={regionColumns(t)}
            dataSource={items}
            pagination={false}
            loading={loading}
            onRow={(region) => ({ onClick: () => onOpen(region.code), style: { cursor: 'pointer' } })}
            data-testid="region-search-results"
          />
          <Space>
            {cursor && (
              <Button onClick={() => void load(query, cursor)} loading={loading} data-testid="region-search-more">
                {t('common.loadMore')}
              </Button>
            )}
            <Button type="link" onClick={() => search('')}>
              {t('regions.closeSearch')}
            </Button>
          </Space>
        </>
      )}
    </Space>
  );
}
