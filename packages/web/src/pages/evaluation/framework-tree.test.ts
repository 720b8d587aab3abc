import { describe, expect, it } from 'vitest';
import type { FrameworkDocument, FrameworkStandard } from '@chuangcheng/core';
import { zhCN, en } from '../../i18n/catalogues.ts';
import { format, type MessageKey, type Translate } from '../../i18n/I18nProvider.tsx';
import {
  branchPoints,
  findNode,
  nodeHistory,
  nodeKey,
  parseNodeKey,
  replaceNode,
  type VersionedDocument,
} from './framework-tree.ts';
import * as labels from './labels.ts';
import { ruleInWords } from './rule-format.ts';

const zh: Translate = (key, params) => format(zhCN[key], params);
const english: Translate = (key, params) => format((en as Record<MessageKey, string>)[key], params);

const ads: FrameworkStandard = {
  code: 'S1',
  text: '主干道行走300米可见5处公益广告',
  method: 'field',
  points: 2,
  rule: { kind: 'deduction', perFinding: 0.5 },
  siteTypes: ['zhucigandao'],
};
const lamps: FrameworkStandard = {
  code: 'S2',
  text: '背街小巷路灯亮灯率',
  method: 'field',
  points: 1.5,
  rule: { kind: 'proportion' },
  siteTypes: [],
};
const survey: FrameworkStandard = {
  code: 'S3',
  text: '市民对创建工作的满意度',
  method: 'questionnaire',
  points: 20,
  rule: { kind: 'survey' },
  siteTypes: [],
};

function documentWith(projects: FrameworkDocument['projects']): FrameworkDocument {
  return {
    edition: 'model',
    name: '模型测评体系',
    isModel: true,
    cityGroups: ['prefecture'],
    methodGroups: [{ code: 'all', name: '全部', weight: 100, methods: ['field', 'questionnaire'] }],
    annual: { routine: 0.3, yearEnd: 0.7 },
    cycle: { years: 3, yearWeights: [0.15, 0.25, 0.6] },
    siteTypes: [],
    thresholds: [],
    negativeList: [],
    projects,
  };
}

const v1 = documentWith([
  {
    code: 'P1',
    name: '健康向上的人文环境',
    part: 'main',
    contents: [{ code: 'C1', name: '公益广告', standards: [ads, lamps] }],
  },
  { code: 'P2', name: '群众满意度', part: 'main', contents: [{ code: 'C2', name: '问卷', standards: [survey] }] },
]);

describe('framework tree', () => {
  it('round-trips node keys', () => {
    expect(nodeKey({ kind: 'standard', code: 'I01.C01.S01' })).toBe('standard:I01.C01.S01');
    expect(parseNodeKey('content:C1')).toEqual({ kind: 'content', code: 'C1' });
    expect(parseNodeKey('other')).toBeNull();
  });

  it('finds a node with its ancestors', () => {
    const found = findNode(v1, { kind: 'standard', code: 'S2' });
    expect(found?.project.code).toBe('P1');
    expect(found?.content?.code).toBe('C1');
    expect(found?.standard?.text).toBe('背街小巷路灯亮灯率');
    expect(findNode(v1, { kind: 'content', code: 'C9' })).toBeNull();
  });

  it('adds up a branch from its standards', () => {
    expect(branchPoints(v1.projects[0]!)).toBe(3.5);
    expect(branchPoints(v1.projects[0]!.contents[0]!)).toBe(3.5);
    expect(branchPoints(survey)).toBe(20);
  });

  it('replaces one node and keeps the rest and the code', () => {
    const edited = replaceNode(v1, 'S1', { kind: 'standard', standard: { ...ads, code: 'X', points: 3 } });
    expect(findNode(edited, { kind: 'standard', code: 'S1' })?.standard?.points).toBe(3);
    expect(findNode(edited, { kind: 'standard', code: 'S2' })?.standard).toBe(lamps);
    expect(findNode(v1, { kind: 'standard', code: 'S1' })?.standard?.points).toBe(2);
    const renamed = replaceNode(v1, 'P2', { kind: 'project', name: '满意度', part: 'main' });
    expect(renamed.projects[1]?.name).toBe('满意度');
    expect(renamed.projects[1]?.contents).toBe(v1.projects[1]?.contents);
  });

  it('lists the versions that added, changed and removed a node, not those that changed its children', () => {
    const v2 = replaceNode(v1, 'S1', { kind: 'standard', standard: { ...ads, points: 3 } });
    const v3 = documentWith([v2.projects[1]!]);
    const versions: VersionedDocument[] = [
      { version: 3, note: '删去人文环境', createdBy: '王', createdAt: '2026-03-01T00:00:00Z', document: v3 },
      { version: 1, note: '导入', createdBy: '李', createdAt: '2026-01-01T00:00:00Z', document: v1 },
      { version: 2, note: '调整分值', createdBy: '王', createdAt: '2026-02-01T00:00:00Z', document: v2 },
    ];
    const standard = nodeHistory(versions, { kind: 'standard', code: 'S1' });
    expect(standard.map((entry) => [entry.version, entry.change])).toEqual([
      [1, 'added'],
      [2, 'changed'],
      [3, 'removed'],
    ]);
    expect(standard[1]?.before?.standard?.points).toBe(2);
    expect(standard[1]?.after?.standard?.points).toBe(3);
    const project = nodeHistory(versions, { kind: 'project', code: 'P1' });
    expect(project.map((entry) => [entry.version, entry.change])).toEqual([
      [1, 'added'],
      [3, 'removed'],
    ]);
  });
});

describe('rules in words', () => {
  it('words each rule kind in Chinese and English', () => {
    expect(ruleInWords({ kind: 'deduction', perFinding: 0.5 }, zh)).toBe('每发现一处问题扣 0.5 分');
    expect(ruleInWords({ kind: 'proportion' }, zh)).toBe('按合格比例计分（合格数 ÷ 检查数）');
    expect(ruleInWords({ kind: 'survey' }, zh)).toBe('按满意度计分（满意度 ÷ 100）');
    expect(
      ruleInWords({ kind: 'threshold', indicatorCode: 'A01', comparator: 'gte', target: 95, partial: 'none' }, zh),
    ).toBe('指标 A01 ≥ 95，未达标不得分');
    expect(ruleInWords({ kind: 'threshold', comparator: 'lte', target: 3, partial: 'linear' }, english)).toBe(
      'the value ≤ 3; below target, points in proportion',
    );
  });

  it('has both catalogues for every enum label', () => {
    const keys = Object.values(labels).flatMap((map) =>
      Object.values(map as Record<string, string>).filter((value) => value.startsWith('evaluation.')),
    );
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((key) => !(key in zhCN) || !(key in en))).toEqual([]);
  });
});
