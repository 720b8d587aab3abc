import { describe, expect, it } from 'vitest';
import { calendarCoverage } from './holiday-coverage.ts';

const shipped = [2023, 2024, 2025, 2026];

describe('calendarCoverage: is the holiday calendar there for the years deadlines run in', () => {
  it('asks for nothing on 30 September when this year is installed', () => {
    expect(calendarCoverage(shipped, '2026-09-30').missing).toEqual([]);
  });

  it('asks for next year from 1 October (a quarter ahead) until it is installed', () => {
    expect(calendarCoverage(shipped, '2026-10-01').missing).toEqual([{ year: 2027, due: 'next' }]);
    expect(calendarCoverage(shipped, '2026-12-31').missing).toEqual([{ year: 2027, due: 'next' }]);
    expect(calendarCoverage([...shipped, 2027], '2026-10-01').missing).toEqual([]);
  });

  it('asks for this year whenever it is missing, and for the next one too from October', () => {
    expect(calendarCoverage(shipped, '2027-01-01').missing).toEqual([{ year: 2027, due: 'current' }]);
    expect(calendarCoverage(shipped, '2027-11-15').missing).toEqual([
      { year: 2027, due: 'current' },
      { year: 2028, due: 'next' },
    ]);
  });

  it('lists the installed years in order, once each', () => {
    expect(calendarCoverage([2025, 2023, 2025], '2025-03-01').installed).toEqual([2023, 2025]);
  });
});
