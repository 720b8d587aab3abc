import { describe, expect, it } from 'vitest';
import {
  CaseChannel,
  CaseStatus,
  EntryAction,
  OrgUnitKind,
  TitleChange,
  TitleKind,
  TitleStatus,
} from '@chuangcheng/core';
import { zhCN, en } from './catalogues.ts';

// Every code the server sends that a screen shows must have a label in both catalogues: a
// Chinese screen showing `mass_organisation` or `session.create` is the failure this test prevents.

const has = (key: string) => key in zhCN && key in en;

// The server's sources, read as text at test time, for the audit vocabulary it writes.
const serverSources = import.meta.glob<string>(['../../../server/src/modules/**/*.ts', '!**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Dotted codes on lines that set an audit `action:` (with both arms of a ternary), or passed to an audit helper. */
function auditActionsInSource(source: string): string[] {
  const codes = new Set<string>();
  for (const line of source.split('\n')) {
    if (!/\baction\b|audit\w*\(/i.test(line)) continue;
    for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1]!);
  }
  return [...codes];
}

function entityTypesInSource(source: string): string[] {
  return [...source.matchAll(/entityType: '([a-z_]+)'/g)].map((m) => m[1]!);
}

describe('no machine words: every code shown has a label in zh-CN and en', () => {
  it('unit types, case states and channels, title states', () => {
    const keys = [
      ...OrgUnitKind.options.map((kind) => `orgUnits.kind.${kind}`),
      ...CaseStatus.options.map((status) => `case.status.${status}`),
      ...CaseChannel.options.map((channel) => `case.channel.${channel}`),
      ...TitleStatus.options.map((status) => `evaluation.titleStatus.${status}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it('audit actions the server writes, including the generated ones (case.<action>, title.<change>, data.<action>)', () => {
    const sources = Object.values(serverSources);
    expect(sources.length).toBeGreaterThan(20);
    const written = new Set(sources.flatMap(auditActionsInSource));
    // Actions built at run time from an enum.
    const caseActions = ['accept', 'reject', 'merge', 'dispatch', 'start', 'return', 'request_extension'];
    for (const a of [...caseActions, 'decide_extension', 'pause', 'resume', 'handle', 'verify'])
      written.add(`case.${a}`);
    for (const change of TitleChange.options) written.add(`title.${change}`);
    for (const action of EntryAction.options) written.add(`data.${action}`);
    // Dotted codes that sit on an `action` line but are permissions or event names, not audit actions.
    const audited = [...written].filter((code) => !NOT_AUDIT_ACTIONS.has(code));
    expect(audited.length).toBeGreaterThan(40);
    expect(audited.filter((code) => !has(`audit.action.${code}`)).sort()).toEqual([]);
  });

  it('audited entity types', () => {
    const types = new Set(Object.values(serverSources).flatMap(entityTypesInSource));
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((type) => !has(`audit.entity.${type}`)).sort()).toEqual([]);
  });

  it('title names are catalogued for every title', () => {
    expect(TitleKind.options.filter((kind) => !has(`evaluation.title.${kind}`))).toEqual([]);
  });
});

/** Codes the source scan finds on `action` lines that are not audit actions (permissions, event names). */
// Strings shaped like actions that are not audit actions: a body field, a permission, an outbox event.
const NOT_AUDIT_ACTIONS = new Set<string>(['body.action', 'data.enter', 'notice.transitioned']);
