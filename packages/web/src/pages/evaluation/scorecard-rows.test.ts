import { describe, expect, it } from 'vitest';
import type { Scorecard } from '@chuangcheng/core';
import { keysWithLosses, scorecardRows, standardNames } from './scorecard-rows.ts';

const scorecard: Scorecard = {
  roundId: 'r1',
  region: { code: '2302', name: '齐齐哈尔市', path: '23/2302', cityGroup: 'prefecture' },
  published: true,
  isModelFramework: true,
  mainScore: 95,
  minorsScore: null,
  minorsGatePassed: null,
  deductions: [],
  total: 95,
  rate: 0.95,
  rank: 2,
  groupSize: 12,
  methods: [],
  projects: [
    {
      code: 'P1',
      name: '健康向上的人文环境',
      part: 'main',
      points: 6,
      score: 4.5,
      rate: 0.75,
      contents: [
        {
          code: 'C1',
          name: '公益广告',
          points: 4,
          score: 2.5,
          rate: 0.625,
          standards: [
            {
              code: 'S1',
              name: '主干道公益广告',
              points: 2,
              score: 1,
              rate: 0.5,
              method: 'field',
              unscored: false,
              notApplicable: false,
            },
            {
              code: 'S2',
              name: '路灯亮灯率',
              points: 2,
              score: 1.5,
              rate: 0.75,
              method: 'field',
              unscored: false,
              notApplicable: false,
            },
          ],
        },
        {
          code: 'C2',
          name: '材料',
          points: 2,
          score: 2,
          rate: 1,
          standards: [
            {
              code: 'S3',
              name: '工作方案',
              points: 2,
              score: 2,
              rate: 1,
              method: 'material',
              unscored: true,
              notApplicable: false,
            },
          ],
        },
      ],
    },
  ],
  losses: [
    {
      standardCode: 'S1',
      path: ['P1', 'C1', 'S1'],
      points: 0.5,
      reason: '中山路 300 米仅见 3 处公益广告',
      findingId: 'f1',
      evidenceIds: [],
      attachmentIds: ['a1'],
      attachments: [{ id: 'a1', fileName: '中山路.jpg', contentType: 'image/jpeg', sizeBytes: 2048 }],
      evidence: [],
      scorer: '张测评',
    },
    {
      standardCode: 'S1',
      path: ['P1', 'C1', 'S1'],
      points: 0.5,
      reason: '占道经营',
      findingId: 'f2',
      evidenceIds: [],
      attachmentIds: [],
      attachments: [],
      evidence: [],
      scorer: '张测评',
    },
    {
      standardCode: 'S2',
      path: ['P1', 'C1', 'S2'],
      points: 0.5,
      reason: '20 条背街小巷中 15 条亮灯',
      findingId: null,
      evidenceIds: [],
      attachmentIds: [],
      attachments: [],
      evidence: [],
      scorer: '李测评',
    },
  ],
  previous: null,
  group: { mean: 90, best: 97, worst: 80 },
  unscored: 1,
  pending: [{ standardCode: 'S3', path: ['P1', 'C2', 'S3'], points: 2 }],
  publication: null,
};

describe('scorecard rows', () => {
  it('nests standards under contents and projects with what each lost', () => {
    const [project] = scorecardRows(scorecard);
    expect(project?.lost).toBe(1.5);
    const [ads, material] = project?.children ?? [];
    expect(ads?.lost).toBe(1.5);
    expect(material?.lost).toBe(0);
    const [s1, s2] = ads?.children ?? [];
    expect(s1).toMatchObject({ kind: 'standard', code: 'S1', lost: 1, method: 'field' });
    expect(s1?.losses.map((loss) => loss.reason)).toEqual(['中山路 300 米仅见 3 处公益广告', '占道经营']);
    expect(s2?.losses.map((loss) => loss.scorer)).toEqual(['李测评']);
    expect(material?.children?.[0]).toMatchObject({ unscored: true, losses: [] });
  });

  it('opens the branches that lost points and no others', () => {
    expect(keysWithLosses(scorecardRows(scorecard))).toEqual(['project:P1', 'content:C1']);
  });

  it('names a standard by its code', () => {
    expect(standardNames(scorecard).get('S2')).toBe('路灯亮灯率');
    expect(standardNames(scorecard).size).toBe(3);
  });
});
