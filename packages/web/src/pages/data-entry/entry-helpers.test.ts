import { describe, expect, it } from 'vitest';
import { formFieldOf, importErrorOf, recentPeriods } from './entry-helpers.ts';

describe('recentPeriods', () => {
  it('lists quarters newest first, the current one first', () => {
    expect(recentPeriods('quarter', '2020-05-14', 1)).toEqual([
      '2020Q2',
      '2020Q1',
      '2019Q4',
      '2019Q3',
      '2019Q2',
      '2019Q1',
    ]);
  });
  it('lists months across a year boundary and years', () => {
    expect(recentPeriods('month', '2020-02-01', 0)).toEqual(['2020-02', '2020-01']);
    expect(recentPeriods('month', '2020-01-31', 1).slice(0, 3)).toEqual(['2020-01', '2019-12', '2019-11']);
    expect(recentPeriods('year', '2020-12-31', 3)).toEqual(['2020', '2019', '2018', '2017']);
  });
});

describe('formFieldOf', () => {
  it('maps save and submit errors to the form field of the element', () => {
    expect(formFieldOf('body.values.heated-area')).toEqual(['values', 'heated-area']);
    expect(formFieldOf('values.heated-area')).toEqual(['values', 'heated-area']);
    expect(formFieldOf('body.comments.heated-area')).toEqual(['comments', 'heated-area']);
    expect(formFieldOf('body.period')).toBeNull();
  });
});

describe('importErrorOf', () => {
  it('splits the row from the field', () => {
    expect(importErrorOf('row 7.heated-area')).toEqual({ row: 7, field: 'heated-area' });
    expect(importErrorOf('row 12.region')).toEqual({ row: 12, field: 'region' });
    expect(importErrorOf('period')).toEqual({ row: null, field: 'period' });
  });
});
