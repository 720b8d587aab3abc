import { describe, expect, it } from 'vitest';
import { Role, RegionGroupKind, regionLevelKeys } from '@chuangcheng/core';
import { catalogueParts, zhCN, en } from './catalogues.ts';

const catalogues: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

// Vite inlines every component's text at build time, so the test needs no file-system access.
const sources = import.meta.glob<string>('../**/*.tsx', { query: '?raw', import: 'default', eager: true });

/** Literal keys passed to t(...), e.g. t('nav.users') or t('x', { n }). */
function usedKeys(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)].map((match) => match[1] ?? '');
}

describe('i18n catalogues', () => {
  it.each(Object.entries(catalogueParts))('%s: no key is defined in two files', (_language, parts) => {
    const seen = new Map<string, number>();
    for (const part of parts) for (const key of Object.keys(part)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1).map(([key]) => key)).toEqual([]);
  });

  it('zh-CN and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.entries(catalogues))('%s has no empty values', (_language, catalogue) => {
    const empty = Object.entries(catalogue).filter(([, value]) => value.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('placeholders match between languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.entries(zhCN).filter(
      ([key, text]) =>
        JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders((en as Record<string, string>)[key] ?? '')),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('every key used as t(...) in a component exists in both catalogues', () => {
    const files = Object.entries(sources);
    expect(files.length).toBeGreaterThan(5);
    const missing = files.flatMap(([file, source]) =>
      usedKeys(source).flatMap((key) =>
        Object.entries(catalogues)
          .filter(([, catalogue]) => !(key in catalogue))
          .map(([language]) => `${file}: ${key} (${language})`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('keys built from domain enums exist for every value', () => {
    const keys = [
      ...Role.options.map((role) => `role.${role}`),
      ...RegionGroupKind.options.map((kind) => `groupKind.${kind}`),
      ...Object.values(regionLevelKeys).map((level) => `level.${level}`),
    ];
    expect(keys.filter((key) => !(key in zhCN) || !(key in en))).toEqual([]);
  });
});
