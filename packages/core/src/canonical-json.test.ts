import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth so that key order does not change the text', () => {
    const a = { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined members, keeps arrays in order and escapes strings', () => {
    expect(canonicalJson({ x: undefined, y: '引号"' })).toBe('{"y":"引号\\""}');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson(new Date('2020-01-01T00:00:00Z'))).toBe('"2020-01-01T00:00:00.000Z"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
