import { describe, expect, it } from 'vitest';
import { formatDelta, formatPoints, formatRate, rateDeltaPoints, scoreRate } from './score-format.ts';

describe('score formatting', () => {
  it('writes points with at most two decimals and a dash for missing', () => {
    expect(formatPoints(40)).toBe('40');
    expect(formatPoints(12.5)).toBe('12.5');
    expect(formatPoints(3.256)).toBe('3.26');
    expect(formatPoints(-0.001)).toBe('0');
    expect(formatPoints(null)).toBe('—');
    expect(formatPoints(undefined)).toBe('—');
  });

  it('computes the score rate and leaves it out when there is no maximum', () => {
    expect(scoreRate(85.3, 100)).toBeCloseTo(0.853);
    expect(scoreRate(30, 40)).toBe(0.75);
    expect(scoreRate(0, 0)).toBeNull();
    expect(scoreRate(null, 100)).toBeNull();
  });

  it('writes the score rate as a percentage with one decimal', () => {
    expect(formatRate(0.853)).toBe('85.3%');
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
  });

  it('signs differences and rate differences in percentage points', () => {
    expect(formatDelta(1.5)).toBe('+1.5');
    expect(formatDelta(-2)).toBe('−2');
    expect(formatDelta(0.001)).toBe('0');
    expect(formatDelta(null)).toBe('—');
    expect(rateDeltaPoints(0.853, 0.829)).toBe(2.4);
    expect(rateDeltaPoints(0.7, null)).toBeNull();
  });
});
