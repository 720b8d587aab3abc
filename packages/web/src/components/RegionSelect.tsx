import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import type { Region } from '@chuangcheng/core';
import { api, withQuery } from '../api/client.ts';
import type { Page, RegionRef } from '../api/types.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { levelLabelKey } from './region-display.tsx';

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  /** Regions already chosen, so their names show before any search runs. */
  known?: RegionRef[];
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
  /** Set by a Form.Item, so its label names the field. */
  id?: string;
  /** The field's name where no label shows (a filter in a toolbar). */
  'aria-label'?: string;
}

/**
 * Picks regions by searching the server; the server limits results to the caller's scope,
 * so an administrator can only pick within their own subtree.
 */
export function RegionSelect({
  value,
  onChange,
  multiple,
  known = [],
  placeholder,
  testId,
  style,
  id,
  'aria-label': ariaLabel,
}: Props) {
  const t = useT();
  const [results, setResults] = useState<Region[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  // Labels of regions picked from earlier searches, so they keep their names after a new search.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      api
        .get<Page<Region>>(withQuery('/api/v1/regions/search', { q: q.trim(), limit: 20 }))
        .then((page) => {
          if (ticket === latest.current) setResults(page.items);
        })
        .catch(() => setResults([]))
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, 250);
  };

  const options = useMemo(() => {
    const byCode = new Map<string, { value: string; label: string }>();
    for (const region of known) byCode.set(region.code, { value: region.code, label: region.name });
    for (const [code, label] of picked) byCode.set(code, { value: code, label });
    for (const region of results) {
      byCode.set(region.code, {
        value: region.code,
        label: `${region.name} · ${t(levelLabelKey(region.level))} · ${region.code}`,
      });
    }
    return [...byCode.values()];
  }, [known, picked, results, t]);

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      style={style}
      showSearch={{ filterOption: false, onSearch: search }}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next: string | string[]) => {
        const codes = new Set(Array.isArray(next) ? next : [next]);
        const labels = new Map(picked);
        for (const option of options) if (codes.has(option.value)) labels.set(option.value, option.label);
        setPicked(labels);
        onChange?.(next);
      }}
      options={options}
      placeholder={placeholder ?? t('regions.searchPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('common.typeToSearch')}
      allowClear
      data-testid={testId}
    />
  );
}
