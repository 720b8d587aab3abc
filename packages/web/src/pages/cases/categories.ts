import type { CaseCategory } from '@chuangcheng/core';
import type { Translate } from '../../i18n/I18nProvider.tsx';

export interface CategoryOption {
  value: string;
  label: string;
  /** Name, description and keywords (小广告 …), searched by {@link matchesCategory}. */
  words?: string[];
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
        .map((item) => ({
          value: item.code,
          label: item.name,
          words: [item.name, item.description ?? '', ...item.keywords],
        })),
    }))
    .filter((group) => group.children.length > 0);
}

/** "4 工作时" / "1 工作日"; a dash for a group. */
export function timeLimitText(category: Pick<CaseCategory, 'timeLimit'>, t: Translate): string {
  const limit = category.timeLimit;
  if (!limit) return '—';
  return t(limit.unit === 'hours' ? 'case.limit.hours' : 'case.limit.days', { amount: limit.amount });
}

/**
 * Cascader search: a path (大类 → 小类) matches when every word typed (split by spaces) is found
 * in a label, description or keyword along it, so "小广告" finds 宣传广告 / 广告乱贴 and "路灯 不亮"
 * finds 路灯损坏. Case is ignored for Latin letters.
 */
export function matchesCategory(input: string, path: readonly Pick<CategoryOption, 'label' | 'words'>[]): boolean {
  const terms = input.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return false;
  const haystack = path.flatMap((option) => [option.label, ...(option.words ?? [])]).map((w) => w.toLowerCase());
  return terms.every((term) => haystack.some((word) => word.includes(term)));
}
