import { describe, expect, it } from 'vitest';
import { Permission, Role } from './roles.ts';
import { EvaluationMethod } from './evaluation.ts';
import { CaseStatus } from './cases.ts';
import { caseActionRules } from './case-workflow.ts';
import { message, renderMessage, serverMessages } from './server-messages.ts';

/** Chinese characters or full-width punctuation (a message may be "{number}：{reason}"). */
const HAN = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server message catalogue', () => {
  const entries = Object.entries(serverMessages) as [string, { zh: string; en: string }][];

  it('has every message in both languages, Chinese in Chinese', () => {
    expect(entries.filter(([, m]) => !m.zh.trim() || !m.en.trim()).map(([id]) => id)).toEqual([]);
    expect(entries.filter(([, m]) => !HAN.test(m.zh)).map(([id]) => id)).toEqual([]);
  });

  it('takes the same parameters in both languages', () => {
    const mismatched = entries.filter(
      ([, m]) => JSON.stringify([...new Set(placeholders(m.zh))]) !== JSON.stringify([...new Set(placeholders(m.en))]),
    );
    expect(mismatched.map(([id]) => id)).toEqual([]);
  });

  it('names every role, permission, evaluation method, case status and case action a message can take', () => {
    for (const role of Role.options) expect(serverMessages).toHaveProperty([`role.${role}`]);
    for (const p of Permission.options) expect(serverMessages).toHaveProperty([`permission.${p}`]);
    for (const method of EvaluationMethod.options) expect(serverMessages).toHaveProperty([`method.${method}`]);
    for (const status of CaseStatus.options) expect(serverMessages).toHaveProperty([`caseStatus.${status}`]);
    for (const action of Object.keys(caseActionRules)) expect(serverMessages).toHaveProperty([`caseAction.${action}`]);
  });
});

describe('renderMessage', () => {
  it('fills parameters, rendering a message parameter in the same language', () => {
    const missing = message('notFound', { thing: message('record.case'), id: 'c-1' });
    expect(renderMessage(missing, 'zh')).toBe('未找到案件 c-1');
    expect(renderMessage(missing, 'en')).toBe('case c-1');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(renderMessage(message('notification.caseDispatched'), 'en')).toBe('New case dispatched: {number}');
  });
});
