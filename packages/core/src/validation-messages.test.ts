import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage } from './server-messages.ts';
import { validationMessages } from './validation-messages.ts';

/** Every kind of issue the schemas can raise, from real schemas and inputs. */
function issues() {
  const schema = z.strictObject({
    text: z.string().min(2),
    count: z.number().max(3),
    date: z.iso.date(),
    kind: z.enum(['x', 'y']),
    list: z.array(z.string()).min(1),
    id: z.uuid(),
    required: z.string(),
    step: z.number().multipleOf(5),
    either: z.union([z.string(), z.number()]),
    long: z.string().max(3),
  });
  const result = schema.safeParse({
    text: 'x',
    count: 5,
    date: '2019-13-45',
    kind: 'z',
    list: [],
    id: 'no',
    step: 7,
    either: true,
    long: 'abcd',
    extra: 1,
  });
  if (result.success) throw new Error('the bad input passed');
  return result.error.issues;
}

describe('field error messages', () => {
  it('have a Chinese and an English text for every code', () => {
    for (const [code, texts] of Object.entries(validationMessages)) {
      expect(texts.zh, code).toMatch(/\p{Script=Han}/u);
      expect(texts.en, code).toMatch(/^[\x20-\x7e]+$/);
      // The same placeholders in both languages.
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(texts.zh), code).toEqual(names(texts.en));
    }
  });

  it('translate every issue a schema raises, none falling back to the generic text', () => {
    const all = issues();
    expect(all.map((i) => i.code).sort()).toEqual(
      [
        'invalid_format',
        'invalid_format',
        'invalid_type',
        'invalid_union',
        'invalid_value',
        'not_multiple_of',
        'too_big',
        'too_big',
        'too_small',
        'too_small',
        'unrecognized_keys',
      ].sort(),
    );
    for (const issue of all) {
      expect(validationMessage(issue, 'zh'), issue.code).not.toBe(validationMessages.custom.zh);
      expect(validationMessage(issue, 'en'), issue.code).not.toBe(validationMessages.custom.en);
    }
  });

  it('fill in the values checked, in the language asked for', () => {
    const byPath = new Map(issues().map((i) => [i.path.join('.'), i]));
    expect(validationMessage(byPath.get('text')!, 'zh')).toBe('至少 2 个字符');
    expect(validationMessage(byPath.get('text')!, 'en')).toBe('at least 2 characters');
    expect(validationMessage(byPath.get('count')!, 'zh')).toBe('不能大于 3');
    expect(validationMessage(byPath.get('date')!, 'zh')).toBe('应为日期，格式 YYYY-MM-DD');
    expect(validationMessage(byPath.get('kind')!, 'zh')).toBe('应为以下之一：x、y');
    expect(validationMessage(byPath.get('kind')!, 'en')).toBe('expected one of: x, y');
    expect(validationMessage(byPath.get('required')!, 'zh')).toBe('必填');
    expect(validationMessage(byPath.get('list')!, 'en')).toBe('at least 1 items');
    expect(validationMessage(byPath.get('step')!, 'zh')).toBe('应为 5 的整数倍');
  });
});
