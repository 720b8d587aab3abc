import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  countTitles,
  monthsLater,
  refuseChange,
  titleStateAt,
  titleStatesAt,
  type TitleEventInput,
} from './titles.ts';
import { renderMessage } from './server-messages.ts';

let n = 0;
const ev = (e: Omit<TitleEventInput, 'id' | 'reason' | 'endsOn'> & { endsOn?: string }): TitleEventInput => ({
  id: `e${++n}`,
  reason: `reason ${n}`,
  endsOn: null,
  ...e,
});

// 哈尔滨-like history: national nominee 2012, national civilized city 2015, suspended a year
// after a 2018 annual test below 70, then reinstated early by decision.
const harbin = [
  ev({ title: 'national_nominated', change: 'awarded', effectiveOn: '2012-01-01' }),
  ev({ title: 'national_nominated', change: 'expired', effectiveOn: '2015-02-28' }),
  ev({ title: 'national_civilized', change: 'awarded', effectiveOn: '2015-02-28' }),
  ev({ title: 'national_civilized', change: 'suspended', effectiveOn: '2019-03-01', endsOn: '2020-02-29' }),
];

describe('title state at a date', () => {
  it('follows the history: none, held, suspended, held again after the suspension lapses', () => {
    expect(titleStateAt(harbin, 'national_civilized', '2015-02-27').status).toBe('none');
    expect(titleStateAt(harbin, 'national_civilized', '2015-02-28')).toMatchObject({
      status: 'held',
      since: '2015-02-28',
    });
    expect(titleStateAt(harbin, 'national_civilized', '2019-06-30')).toMatchObject({
      status: 'suspended',
      since: '2015-02-28',
      until: '2020-02-29',
      reason: 'reason 4',
    });
    // the last day of the suspension is still suspended; the day after the title is held again
    expect(titleStateAt(harbin, 'national_civilized', '2020-02-29').status).toBe('suspended');
    expect(titleStateAt(harbin, 'national_civilized', '2020-03-01')).toMatchObject({ status: 'held', until: null });
    expect(titleStateAt(harbin, 'national_nominated', '2016-01-01').status).toBe('expired');
  });

  it('reinstates a suspension without an end only by an event', () => {
    const events = [
      ev({ title: 'provincial_civilized', change: 'awarded', effectiveOn: '2018-05-01' }),
      ev({ title: 'provincial_civilized', change: 'suspended', effectiveOn: '2019-01-10' }),
      ev({ title: 'provincial_civilized', change: 'reinstated', effectiveOn: '2019-09-01' }),
    ];
    expect(titleStateAt(events, 'provincial_civilized', '2019-08-31').status).toBe('suspended');
    expect(titleStateAt(events, 'provincial_civilized', '2019-09-01').status).toBe('held');
  });

  it('orders same-day events by when they were recorded and skips events that do not fit', () => {
    const events = [
      ev({
        title: 'provincial_nominated',
        change: 'revoked',
        effectiveOn: '2019-01-01',
        recordedAt: '2019-01-02T10:00Z',
      }),
      ev({
        title: 'provincial_nominated',
        change: 'awarded',
        effectiveOn: '2019-01-01',
        recordedAt: '2019-01-02T09:00Z',
      }),
      // reinstating a revoked title does nothing
      ev({ title: 'provincial_nominated', change: 'reinstated', effectiveOn: '2019-02-01' }),
    ];
    expect(titleStateAt(events, 'provincial_nominated', '2019-03-01')).toMatchObject({
      status: 'revoked',
      since: '2019-01-01',
    });
  });

  it('counts held and suspended titles across regions', () => {
    const other = [ev({ title: 'national_civilized', change: 'awarded', effectiveOn: '2017-11-14' })];
    const counts = countTitles([titleStatesAt(harbin, '2019-06-30'), titleStatesAt(other, '2019-06-30')]);
    expect(counts.held.national_civilized).toBe(1);
    expect(counts.suspended.national_civilized).toBe(1);
    expect(counts.held.national_nominated).toBe(0);
    const later = countTitles([titleStatesAt(harbin, '2020-06-30'), titleStatesAt(other, '2020-06-30')]);
    expect(later.held.national_civilized).toBe(2);
  });
});

describe('which changes are possible', () => {
  const held = titleStateAt(harbin, 'national_civilized', '2016-01-01');
  const none = titleStateAt([], 'national_civilized', '2016-01-01');
  it('refuses impossible changes with a reason', () => {
    expect(refuseChange(held, 'awarded')).toMatch(/already holds/);
    expect(refuseChange(none, 'suspended')).toMatch(/only a held title/);
    expect(refuseChange(held, 'reinstated')).toMatch(/only a suspended title/);
    expect(refuseChange(none, 'revoked')).toMatch(/nothing to revoke/);
    expect(refuseChange(held, 'suspended')).toBeNull();
    expect(refuseChange(none, 'barred')).toBeNull();
  });
});

describe('eligibility for an award', () => {
  const facts = { cycleYears: 3, cycleComplete: true, minorsGatePassed: true };
  const nominee = [ev({ title: 'national_nominated', change: 'awarded', effectiveOn: '2017-11-14' })];

  it('a nominee that worked the whole 2018-2020 cycle may be awarded in 2020', () => {
    const result = checkEligibility(nominee, 'national_civilized', '2020-11-10', facts);
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => c.rule)).toEqual([
      'not_already_held',
      'not_barred',
      'holds_prerequisite',
      'completed_cycle',
      'cycle_scored',
      'minors_gate',
    ]);
  });

  it('a city nominated during the cycle has not completed it', () => {
    const late = [ev({ title: 'national_nominated', change: 'awarded', effectiveOn: '2018-06-01' })];
    const result = checkEligibility(late, 'national_civilized', '2020-11-10', facts);
    expect(result.eligible).toBe(false);
    const cycle = result.checks.find((c) => c.rule === 'completed_cycle')!;
    expect(cycle.met).toBe(false);
    // Explained in either language, from the catalogue.
    expect(renderMessage(cycle.explanation, 'zh')).toBe(
      '须自测评周期起点2018-01-01起即为“全国文明城市提名城市”（完整的3年周期）；实际自2018-06-01起。',
    );
    expect(renderMessage(cycle.explanation, 'en')).toBe(
      'Must be a "national nominee city" from the start of the cycle on 2018-01-01 (a full 3-year cycle); it is since 2018-06-01.',
    );
  });

  it('a city that was never nominated cannot be awarded', () => {
    const result = checkEligibility([], 'national_civilized', '2020-11-10', facts);
    expect(result.eligible).toBe(false);
    expect(result.checks.find((c) => c.rule === 'holds_prerequisite')!.met).toBe(false);
  });

  it('a bar (loss of eligibility) blocks an award until its last day', () => {
    const barred = [
      ...nominee,
      ev({ title: 'national_civilized', change: 'barred', effectiveOn: '2020-02-25', endsOn: '2021-02-24' }),
    ];
    expect(checkEligibility(barred, 'national_civilized', '2020-11-10', facts).eligible).toBe(false);
    expect(checkEligibility(barred, 'national_civilized', '2021-02-25', facts).checks[1]!.met).toBe(true);
  });

  it('the minors’ gate and an unscored cycle block; unknown facts do not', () => {
    expect(
      checkEligibility(nominee, 'national_civilized', '2020-11-10', { ...facts, minorsGatePassed: false }).eligible,
    ).toBe(false);
    expect(
      checkEligibility(nominee, 'national_civilized', '2020-11-10', { ...facts, cycleComplete: false }).eligible,
    ).toBe(false);
    const unknown = checkEligibility(nominee, 'national_civilized', '2020-11-10', {
      cycleYears: 3,
      cycleComplete: null,
      minorsGatePassed: null,
    });
    expect(unknown.eligible).toBe(true);
    const minors = unknown.checks.find((c) => c.rule === 'minors_gate')!.explanation;
    expect(renderMessage(minors, 'zh')).toMatch(/没有未成年人/);
    expect(renderMessage(minors, 'en')).toMatch(/^There is no score for minors/);
  });

  it('nominations have no prerequisite', () => {
    expect(checkEligibility([], 'provincial_nominated', '2019-01-01', facts).eligible).toBe(true);
  });
});

describe('month arithmetic', () => {
  it('gives the last day of a period of whole months', () => {
    expect(monthsLater('2019-03-01', 12)).toBe('2020-02-29');
    expect(monthsLater('2017-02-25', 12)).toBe('2018-02-24');
    expect(monthsLater('2019-01-31', 1)).toBe('2019-02-27');
  });
});
