import { indicatorPeriodType, type Comparator } from '@chuangcheng/core';
import type { Language } from '../../i18n/I18nProvider.tsx';

/**
 * A figure rounded for reading: whole numbers stay whole, up to two decimals below 10 and one
 * above, thousands grouped (`12,345.6`). Null and NaN become a dash, never 0.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1;
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A figure with its unit: `87.3%`, `12.5 小时`. */
export function formatValue(value: number | null | undefined, unit: string): string {
  const number = formatNumber(value);
  if (number === '—' || !unit) return number;
  return unit === '%' || unit === '‰' ? `${number}${unit}` : `${number} ${unit}`;
}

/** Progress from baseline to target as a whole percentage. */
export function formatProgress(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return '—';
  return `${Math.round(progress)}%`;
}

/** A period label in words: `2019年第3季度` / `2019 Q3`, `2019年7月` / `Jul 2019`, `2019年` / `2019`. */
export function formatPeriod(period: string | null | undefined, language: Language): string {
  if (!period) return '—';
  const year = period.slice(0, 4);
  switch (indicatorPeriodType(period)) {
    case 'year':
      return language === 'en' ? year : `${year}年`;
    case 'quarter':
      return language === 'en' ? `${year} ${period.slice(4)}` : `${year}年第${period.slice(5)}季度`;
    case 'month': {
      const month = Number(period.slice(5, 7));
      if (language !== 'en') return `${year}年${month}月`;
      const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      return `${name} ${year}`;
    }
  }
}

const comparatorSigns: Record<Comparator, string> = {
  at_least: '≥ ',
  at_most: '≤ ',
  equal: '',
  approximately: '≈ ',
  between: '',
  count_between: '',
  // A resolved "down 15% from 2015" is a ceiling, "up 10%" a floor.
  reduce_by_percent: '≤ ',
  increase_by_percent: '≥ ',
};

/**
 * The resolved figure to reach, with its comparator: `≥ 87%`, `5–7 个`, `≤ 42.5 μg/m³`.
 * Null when the target could not be resolved (a by-percent target without a baseline value).
 */
export function formatTarget(
  comparator: Comparator,
  targetValue: number | null,
  targetValueMax: number | null,
  unit: string,
): string | null {
  if (targetValue === null) return null;
  if (targetValueMax !== null && targetValueMax !== targetValue) {
    return `${formatNumber(targetValue)}–${formatValue(targetValueMax, unit)}`;
  }
  return `${comparatorSigns[comparator]}${formatValue(targetValue, unit)}`;
}
