import { useCallback, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../i18n/I18nProvider.tsx';
import { api, withQuery, type QueryValue } from './client.ts';
import { apiKey } from './query-client.ts';

/** Page sizes offered under every list; 20 fits a 900 px high screen. */
const PAGE_SIZES = [20, 50, 100];

/**
 * One numbered page of a server list (`?page=&limit=` → `{items, total}`), the convention of every
 * list screen: 查询/重置 set `filters`, which go back to page 1; the table's pagination shows
 * "共 N 条" and the page numbers; `exportHref` downloads the same filters as Excel from
 * `<path>/export.xlsx` (the server applies the same scope). Each page is a TanStack query keyed by
 * its URL; `table` is what the list's `<Table>` takes from it (`{...table}`).
 */
export function useTablePage<T>(path: string, filters: Record<string, QueryValue>) {
  const t = useT();
  const client = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZES[0]!, filterKey: '' });
  const filterKey = JSON.stringify(filters);
  // New filters start again at page 1 (derived, so a filter change is one request, not two).
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const url = withQuery(path, { ...filters, page, limit: paging.pageSize });
  const query = useQuery({
    queryKey: apiKey(url),
    queryFn: () => api.get<{ items: T[]; total?: number }>(url),
    // While a new answer is on its way the previous rows stay, under the table's spinner.
    placeholderData: keepPreviousData,
  });
  const total = query.data ? (query.data.total ?? query.data.items.length) : 0;

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (count) => t('list.total', { total: count }),
    onChange: (next, pageSize) => setPaging({ page: pageSize === paging.pageSize ? next : 1, pageSize, filterKey }),
  };
  const reload = useCallback(() => {
    void client.invalidateQueries({ queryKey: apiKey(url), exact: true });
  }, [client, url]);

  return {
    /** The rows, the spinner and the pager, to spread on the page's `<Table>`. */
    table: {
      dataSource: query.data?.items ?? [],
      loading: query.isFetching || query.isPlaceholderData,
      pagination,
    },
    reload,
    exportHref: withQuery(`${path}/export.xlsx`, filters),
  };
}
