import { describe, expect, it } from 'vitest';
import { formatNumber, formatPeriod, formatProgress, formatTarget, formatValue } from './format.ts';

describe('formatNumber', () => {
  it.each([
    [87, '87'],
    [87.345, '87.3'],
    [3.14159, '3.14'],
    [-0.456, '-0.46'],
    [12345.67, '12,345.7'],
    [1200000, '1,200,000'],
  ])('%s → %s', (value, text) => expect(formatNumber(value)).toBe(text));

  it('shows a missing figure as a dash, never 0', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatValue', () => {
  it('puts % and ‰ right after the figure and a space before a word unit', () => {
    expect(formatValue(87.25, '%')).toBe('87.3%');
    expect(formatValue(12, '小时')).toBe('12 小时');
    expect(formatValue(5, '‰')).toBe('5‰');
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(3, '')).toBe('3');
  });
});

describe('formatProgress', () => {
  it('rounds to a whole percentage', () => {
    expect(formatProgress(66.6)).toBe('67%');
    expect(formatProgress(0)).toBe('0%');
    expect(formatProgress(null)).toBe('—');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2019', '2019年', '2019'],
    ['2019Q3', '2019年第3季度', '2019 Q3'],
    ['2019-07', '2019年7月', 'Jul 2019'],
    ['2020-12', '2020年12月', 'Dec 2020'],
  ] as const)('%s', (period, zh, en) => {
    expect(formatPeriod(period, 'zh-CN')).toBe(zh);
    expect(formatPeriod(period, 'en')).toBe(en);
  });

  it('shows no period as a dash', () => {
    expect(formatPeriod(null, 'zh-CN')).toBe('—');
  });
});

describe('formatTarget', () => {
  it('shows the comparator before the resolved figure', () => {
    expect(formatTarget('at_least', 87, null, '%')).toBe('≥ 87%');
    expect(formatTarget('reduce_by_percent', 42.5, null, 'μg/m³')).toBe('≤ 42.5 μg/m³');
    expect(formatTarget('equal', 100, null, '%')).toBe('100%');
  });
  it('shows a range as low–high', () => {
    expect(formatTarget('count_between', 5, 7, '个')).toBe('5–7 个');
    expect(formatTarget('between', 60, 60, '%')).toBe('60%');
  });
  it('is null when the target has no resolved figure', () => {
    expect(formatTarget('reduce_by_percent', null, null, '%')).toBeNull();
  });
});
