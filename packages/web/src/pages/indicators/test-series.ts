import type { SeriesPoint } from '@chuangcheng/core';

/** For tests: a period's value with full, timely coverage and nothing awaiting approval. */
export const point = (period: string, value: number | null): SeriesPoint => ({
  period,
  value,
  numerator: null,
  denominator: null,
  coverage: { reported: 1, expected: 1, timely: 1 },
  unapproved: 0,
});
