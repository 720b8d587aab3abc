import { useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { api, withQuery, type QueryValue } from './client.ts';
import { useApiError } from './useApiError.ts';

interface Loaded<T> {
  /** Which request the rows answer, so a stale answer is never shown as current. */
  key: string;
  items: T[];
  total: number;
}

/** Page sizes offered under every list; 20 fits a 900 px high screen. */
const PAGE_SIZES = [20, 50, 100];

/**
 * One numbered page of a server list (`?page=&limit=` → `{items, total}`), the convention of every
 * list screen: 查询/重置 set `filters`, which go back to page 1; the table's pagination shows
 * "共 N 条" and the page numbers; `exportHref` downloads the same filters as Excel from
 * `<path>/export.xlsx` (the server applies the same scope).
 */
export function useTablePage<T>(path: string, filters: Record<string, QueryValue>) {
  const t = useT();
  const showError = useApiError();
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZES[0]!, filterKey: '' });
  const [reloads, setReloads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const filterKey = JSON.stringify(filters);
  // New filters start again at page 1 (derived, so a filter change is one request, not two).
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const url = withQuery(path, { ...filters, page, limit: paging.pageSize });
  const key = `${reloads} ${url}`;

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items: T[]; total?: number }>(url)
      .then((answer) => {
        if (!cancelled) setLoaded({ key, items: answer.items, total: answer.total ?? answer.items.length });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoaded({ key, items: [], total: 0 });
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [key, url, showError]);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: paging.pageSize,
    total: loaded?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (total) => t('list.total', { total }),
    onChange: (next, pageSize) => setPaging({ page: pageSize === paging.pageSize ? next : 1, pageSize, filterKey }),
  };

  return {
    // While a new answer is on its way the previous rows stay, under the table's spinner.
    items: loaded?.items ?? [],
    total: loaded?.total ?? 0,
    loading: loaded?.key !== key,
    pagination,
    reload: () => setReloads((count) => count + 1),
    exportHref: withQuery(`${path}/export.xlsx`, filters),
  };
}
