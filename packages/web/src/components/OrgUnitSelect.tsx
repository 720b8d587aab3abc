import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, withQuery } from '../api/client.ts';
import type { OrgUnit } from '@chuangcheng/core';
import type { Page } from '../api/types.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The current unit, so its name shows before any search runs. */
  known?: { id: string; name: string } | null;
  regionCode?: string;
  testId?: string;
  /** Set by a Form.Item, so its label names the field. */
  id?: string;
  /** The field's name where no label shows (a filter in a toolbar). */
  'aria-label'?: string;
}

/**
 * Org units found by name 250 ms after the last keystroke (optionally within one region), turned
 * into what the select shows by `found` when the answer arrives; nothing on a failed search.
 */
export function useOrgUnitSearch<T>(
  found: (units: OrgUnit[]) => T[],
  regionCode?: string,
): { results: T[]; loading: boolean; search: (q: string) => void } {
  const [results, setResults] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<OrgUnit>>(withQuery('/api/v1/org-units', { q: q.trim(), regionCode }))
        .then((page) => setResults(found(page.items)))
        .catch(() => setResults([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  useEffect(() => () => clearTimeout(timer.current), []);
  return { results, loading, search };
}

/** Picks an org unit by name search, optionally within one region. */
export function OrgUnitSelect({ value, onChange, known, regionCode, testId, id, 'aria-label': ariaLabel }: Props) {
  const t = useT();
  const { results: units, loading, search } = useOrgUnitSearch((found) => found, regionCode);

  const options = useMemo(() => {
    const byId = new Map<string, { value: string; label: string }>();
    if (known) byId.set(known.id, { value: known.id, label: known.name });
    for (const unit of units) byId.set(unit.id, { value: unit.id, label: `${unit.name} · ${unit.regionName}` });
    return [...byId.values()];
  }, [known, units]);

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: search }}
      onFocus={() => units.length === 0 && search('')}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      placeholder={t('orgUnits.searchPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      allowClear
      data-testid={testId}
    />
  );
}
