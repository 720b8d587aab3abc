import { describe, expect, it } from 'vitest';
import { defaultSessionAsOf } from './as-of.ts';

const plan2018 = { start: '2018-01-01', end: '2020-12-31' };
const plan2021 = { start: '2021-01-01', end: '2023-12-31' };

describe('the default "as of" date of a session', () => {
  it('is the end of the 2018-2020 plan when it is all that is loaded, years later', () => {
    expect(defaultSessionAsOf('2026-12-06', [plan2018])).toEqual({ asOf: '2020-12-31', basis: 'plan_end' });
  });

  it('is the latest end when every plan has ended', () => {
    expect(defaultSessionAsOf('2026-12-06', [plan2021, plan2018])).toEqual({ asOf: '2023-12-31', basis: 'plan_end' });
  });

  it('is today while a plan runs, on its last day too, and before any plan starts', () => {
    expect(defaultSessionAsOf('2019-05-20', [plan2018])).toEqual({ asOf: '2019-05-20', basis: 'today' });
    expect(defaultSessionAsOf('2020-12-31', [plan2018])).toEqual({ asOf: '2020-12-31', basis: 'today' });
    expect(defaultSessionAsOf('2017-03-01', [plan2018])).toEqual({ asOf: '2017-03-01', basis: 'today' });
  });

  it('is today without plans, and the demo date in a demo database whatever the plans', () => {
    expect(defaultSessionAsOf('2026-12-06', [])).toEqual({ asOf: '2026-12-06', basis: 'today' });
    expect(defaultSessionAsOf('2026-12-06', [plan2018], '2020-06-30')).toEqual({ asOf: '2020-06-30', basis: 'demo' });
  });
});
