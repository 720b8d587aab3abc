import { Comparator, type PlanTargetView, ReportingCadence, type TargetScope } from '@chuangcheng/core';
import type { MessageKey, Translate } from '../../i18n/I18nProvider.tsx';
import { valueKeys } from '../../i18n/value-keys.ts';

/** Catalogue key of each comparator's wording; `{value}` etc. are filled by `targetInWords`. */
export const comparatorKeys = valueKeys('plans.comparator', Comparator.options);

/** Wording of a by-percent comparator when the plan gives no baseline year. */
const withoutBaselineKeys: Partial<Record<Comparator, MessageKey>> = {
  reduce_by_percent: 'plans.comparator.reduce_by_percent_no_baseline',
  increase_by_percent: 'plans.comparator.increase_by_percent_no_baseline',
};

export const cadenceKeys = valueKeys('plans.cadence', ReportingCadence.options);

/** A figure with its unit: `87%`, but `12 小时` with a space before a word unit. */
function quantity(value: number, unit: string): string {
  return unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
}

/** The target in words, e.g. "≥ 87%", "5–7 个", "约 12 小时", "比 2015 年降低 15%". */
export function targetInWords(target: PlanTargetView, t: Translate): string {
  const { comparator, value, valueMax, unit, baseline } = target;
  const key = !baseline ? (withoutBaselineKeys[comparator] ?? comparatorKeys[comparator]) : comparatorKeys[comparator];
  if (!key) return quantity(value, unit);
  return t(key, {
    value: quantity(value, unit),
    min: String(value),
    max: quantity(valueMax ?? value, unit),
    year: baseline?.year ?? '',
  });
}

/** Where a target or milestone applies, in words; group codes become the groups' names. */
export function scopeInWords(scope: TargetScope, t: Translate, groupNames: ReadonlyMap<string, string>): string {
  const separator = t('plans.scope.separator');
  switch (scope.kind) {
    case 'province':
      return t('plans.scope.province');
    case 'region_level':
      return scope.level === 2 ? t('plans.scope.level2') : t('plans.scope.level3');
    case 'regions':
      return t('plans.scope.regions', { codes: scope.regionCodes.join(separator) });
    case 'groups':
      return scope.groupCodes.map((code) => groupNames.get(code) ?? code).join(separator);
    default:
      return t('common.noData');
  }
}
