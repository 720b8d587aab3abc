import type { CaseCategory } from '@chuangcheng/core';
import type { Translate } from '../../i18n/I18nProvider.tsx';

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

/** The two-level tree (大类 → 小类) for a cascader; groups without active children are left out. */
export function categoryOptions(categories: CaseCategory[]): CategoryOption[] {
  return categories
    .filter((group) => group.parentCode === null)
    .map((group) => ({
      value: group.code,
      label: group.name,
      children: categories
        .filter((item) => item.parentCode === group.code && item.active)
        .map((item) => ({ value: item.code, label: item.name })),
    }))
    .filter((group) => group.children.length > 0);
}

/** "4 工作时" / "1 工作日"; a dash for a group. */
export function timeLimitText(category: Pick<CaseCategory, 'timeLimit'>, t: Translate): string {
  const limit = category.timeLimit;
  if (!limit) return '—';
  return t(limit.unit === 'hours' ? 'case.limit.hours' : 'case.limit.days', { amount: limit.amount });
}
