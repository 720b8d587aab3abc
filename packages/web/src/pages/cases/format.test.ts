import { describe, expect, it } from 'vitest';
import { zhCN, en } from '../../i18n/catalogues.ts';
import { format, type MessageKey, type Translate } from '../../i18n/I18nProvider.tsx';
import { formatRate, formatRemaining, formatSpan, formatTime } from './format.ts';

const zh: Translate = (key, params) => format(zhCN[key], params);
const english: Translate = (key, params) => format((en as Record<MessageKey, string>)[key], params);

describe('case formatting', () => {
  it('shows times on the China clock whatever the device zone', () => {
    expect(formatTime('2026-03-10T08:05:00Z')).toBe('2026-03-10 16:05');
    expect(formatTime('2026-12-31T17:30:00.000Z')).toBe('2027-01-01 01:30');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('nonsense')).toBe('—');
  });

  it('shows rates as percentages with one decimal, a dash when undefined', () => {
    expect(formatRate(0.9372)).toBe('93.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('names a span by its two largest units', () => {
    const minute = 60_000;
    expect(formatSpan((2 * 24 * 60 + 3 * 60 + 7) * minute, zh)).toBe('2 天 3 小时');
    expect(formatSpan((5 * 60 + 30) * minute, zh)).toBe('5 小时 30 分钟');
    expect(formatSpan(45 * minute, english)).toBe('45 min');
    expect(formatSpan(26 * 60 * minute, english)).toBe('1 d 2 h');
  });

  it('says how long is left or how long it is overdue', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(formatRemaining('2026-03-10T10:30:00Z', now, zh)).toBe('剩余 2 小时 30 分钟');
    expect(formatRemaining('2026-03-10T07:00:00Z', now, zh)).toBe('已超期 1 小时 0 分钟');
    expect(formatRemaining('2026-03-12T08:00:00Z', now, english)).toBe('2 d 0 h left');
  });
});
