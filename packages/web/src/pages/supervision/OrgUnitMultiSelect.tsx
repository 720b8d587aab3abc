import { useRef } from 'react';
import { Select, Spin } from 'antd';
import { useOrgUnitSearch } from '../../components/OrgUnitSelect.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  testId?: string;
}

/** Several org units picked by name search; chosen names stay visible while searching on. */
export function OrgUnitMultiSelect({ value, onChange, testId }: Props) {
  const t = useT();
  const chosen = useRef(new Map<string, string>());
  const {
    results: options,
    loading,
    search,
  } = useOrgUnitSearch((units) => {
    const found = units.map((unit) => ({ value: unit.id, label: unit.name }));
    const kept = [...chosen.current].map(([id, label]) => ({ value: id, label }));
    return [...kept, ...found.filter((option) => !chosen.current.has(option.value))];
  });

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
