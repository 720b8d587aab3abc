import { describe, expect, it } from 'vitest';
import { ancestorCodes, childPath, isWithinScope } from './scope.ts';
import { levelFromCode } from './regions.ts';

describe('region scope', () => {
  it.each([
    ['23', '23', true],
    ['23', '23/2301/230102', true],
    ['23/2301', '23/2301', true],
    ['23/2301', '23/2301/230102/230102001', true],
    ['23/2301', '23/2306', false],
    ['23/2301', '23', false],
    // A prefix of the text but not of the path: 2301 must not contain 23011.
    ['23/2301', '23/23011', false],
  ])('scope %s contains %s: %s', (scope, region, expected) => {
    expect(isWithinScope(scope, region)).toBe(expected);
  });

  it('builds paths and reads ancestors back', () => {
    const path = childPath(childPath(childPath(null, '23'), '2301'), '230102');
    expect(path).toBe('23/2301/230102');
    expect(ancestorCodes(path)).toEqual(['23', '2301']);
    expect(ancestorCodes('23')).toEqual([]);
  });

  it('infers levels from NBS code lengths and rejects others', () => {
    expect(['23', '2301', '230102', '230102001', '230102001001'].map(levelFromCode)).toEqual([1, 2, 3, 4, 5]);
    expect(() => levelFromCode('230')).toThrow(/cannot infer/);
  });
});
