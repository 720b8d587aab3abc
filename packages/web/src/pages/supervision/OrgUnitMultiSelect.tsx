import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, withQuery } from '../../api/client.ts';
import type { OrgUnit } from '@chuangcheng/core';
import type { Page } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  testId?: string;
}

/** Several org units picked by name search; chosen names stay visible while searching on. */
export function OrgUnitMultiSelect({ value, onChange, testId }: Props) {
  const t = useT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const chosen = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<OrgUnit>>(withQuery('/api/v1/org-units', { q: q.trim() }))
        .then((page) => {
          const found = page.items.map((unit) => ({ value: unit.id, label: unit.name }));
          const kept = [...chosen.current].map(([id, label]) => ({ value: id, label }));
          setOptions([...kept, ...found.filter((option) => !chosen.current.has(option.value))]);
        })
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      onFocus={() => options.length === 0 && search('')}
      value={value ?? []}
      onChange={(next: string[]) => {
        for (const id of next) {
          const label = options.find((option) => option.value === id)?.label;
          if (label) chosen.current.set(id, label);
        }
        onChange?.(next);
      }}
      options={options}
      placeholder={t('orgUnits.searchPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      data-testid={testId}
    />
  );
}
