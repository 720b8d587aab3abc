import { describe, expect, it } from 'vitest';
import { readableText, scaleColour, scaleGradient, valueScale } from './colour-scale.ts';

const red = '#f5222d';
const amber = '#faad14';
const green = '#73d13d';

describe('valueScale', () => {
  it('spans the values present, ignoring missing ones', () => {
    expect(valueScale([40, null, 80, 60], 'higher_is_better')).toEqual({
      min: 40,
      max: 80,
      direction: 'higher_is_better',
    });
    expect(valueScale([null, null], 'higher_is_better')).toBeNull();
  });
});

describe('scaleColour', () => {
  const higher = { min: 40, max: 80, direction: 'higher_is_better' as const };
  const lower = { min: 40, max: 80, direction: 'lower_is_better' as const };

  it('colours the best value green, the worst red, the middle amber', () => {
    expect(scaleColour(80, higher)).toBe(green);
    expect(scaleColour(40, higher)).toBe(red);
    expect(scaleColour(60, higher)).toBe(amber);
  });

  it('turns round for lower-is-better figures such as PM2.5', () => {
    expect(scaleColour(40, lower)).toBe(green);
    expect(scaleColour(80, lower)).toBe(red);
  });

  it('mixes linearly between stops', () => {
    // A quarter of the way: half way from red (245,34,45) to amber (250,173,20) = (247.5,103.5,32.5).
    expect(scaleColour(50, higher)).toBe('#f86821');
  });

  it('clamps values outside the range, greys a missing value, greens a single value', () => {
    expect(scaleColour(100, higher)).toBe(green);
    expect(scaleColour(0, higher)).toBe(red);
    expect(scaleColour(null, higher)).toBe('#d9d9d9');
    expect(scaleColour(5, { min: 5, max: 5, direction: 'higher_is_better' })).toBe(green);
    expect(scaleColour(5, null)).toBe('#d9d9d9');
  });
});

describe('scaleGradient', () => {
  it('runs from the minimum to the maximum, green on the better side', () => {
    expect(scaleGradient('higher_is_better')).toBe(`linear-gradient(to right, ${red}, ${amber}, ${green})`);
    expect(scaleGradient('lower_is_better')).toBe(`linear-gradient(to right, ${green}, ${amber}, ${red})`);
  });
});

describe('readableText', () => {
  it('puts white on the deep fills and dark text on the light ones', () => {
    expect(readableText('#237804')).toBe('#ffffff'); // achieved
    expect(readableText('#f5222d')).toBe('#ffffff'); // off track
    expect(readableText('#73d13d')).toBe('#1f1f1f'); // on track
    expect(readableText('#faad14')).toBe('#1f1f1f'); // at risk
    expect(readableText('#d9d9d9')).toBe('#1f1f1f'); // no data
    expect(readableText('#595959')).toBe('#ffffff'); // no data on the wall
  });
});
