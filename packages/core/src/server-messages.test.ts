import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

// The server's sources, read as text at test time: every text it writes for a person must come
// from the catalogue above, so none may be a string literal.
const serverRoot = fileURLToPath(new URL('../../server/src/', import.meta.url));
const serverSources: Record<string, string> = Object.fromEntries(
  (fs.readdirSync(serverRoot, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.split(path.sep).includes('test'))
    .map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(serverRoot, f), 'utf8')]),
);

/**
 * Files whose texts are for an operator at a terminal, not for a person using the app: the CLI's
 * data-file imports (YAML and the region CSVs are edited by the installation's engineers and
 * reported in English on the command line), the demo loader's refusal (a CLI flag), the metrics
 * endpoint (a scraper's token) and the audit proofs (a verifier's tool, RFC 9162 terms).
 */
const OPERATOR_FILES = [
  'data-files/yaml.ts',
  'modules/regions/import-regions.ts',
  'modules/indicators/demo.ts',
  'modules/system/metrics.ts',
  'modules/audit/proofs.ts',
];

/** A field message, a refusal's detail or an error's detail written as a literal text. */
const LITERAL_TEXT =
  /(\bmessage:\s*['"`]|\b(?:invalid|conflict|forbidden|outOfScope)\(\s*['"`]|new AppError\(\s*'[A-Z_]+',\s*['"`])/g;

describe("the server's texts", () => {
  it('are all messages of the catalogue: no literal field message or problem detail in a service', () => {
    const literals: string[] = [];
    for (const [file, text] of Object.entries(serverSources)) {
      if (OPERATOR_FILES.some((f) => file.endsWith(f))) continue;
      for (const m of text.matchAll(LITERAL_TEXT)) {
        const line = text.slice(0, m.index).split('\n').length;
        literals.push(`${file}:${line}: ${text.slice(m.index, m.index + 80)}`);
      }
    }
    expect(literals).toEqual([]);
    expect(Object.keys(serverSources).length).toBeGreaterThan(100);
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
