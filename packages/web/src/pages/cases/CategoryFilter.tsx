import { useMemo } from 'react';
import { Cascader } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { categoryOptions } from './categories.ts';
import { useCategories } from './useCategories.ts';

/** The category filter of the staff case pages (大类 → 小类); cleared, every category counts. */
export function CategoryFilter({
  value,
  onChange,
  width,
}: {
  value: string[] | undefined;
  onChange: (value: string[] | undefined) => void;
  width: number;
}) {
  const t = useT();
  const categories = useCategories();
  const options = useMemo(() => categoryOptions(categories), [categories]);
  return (
    <Cascader
      style={{ width }}
      options={options}
      value={value}
      onChange={(picked) => onChange(picked as string[] | undefined)}
      placeholder={t('case.filter.allCategories')}
      aria-label={t('a11y.cases.filterCategory')}
      allowClear
    />
  );
}
