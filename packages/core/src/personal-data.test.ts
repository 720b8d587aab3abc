import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './personal-data.ts';

describe('masking personal data', () => {
  it('masks mobile numbers as 138****5678, with or without +86 and separators', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('+86138****5678');
    expect(maskPhone('0451-8888123')).toBe('045****8123');
    expect(maskPhone('8888123')).toBe('***8123');
    expect(maskPhone('1234')).toBe('****');
  });

  it('masks ID numbers to the first 3 and last 4 characters', () => {
    expect(maskIdNumber('23010219900101123X')).toBe('230***********123X');
    expect(maskIdNumber('123456')).toBe('******');
  });
});
