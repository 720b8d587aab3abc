import { describe, expect, it } from 'vitest';
import { FrameworkDocument, type FrameworkDocumentInput, type NegativeListEntry } from './evaluation.ts';
import {
  annualScore,
  checkFramework,
  cycleDisqualifications,
  cycleStanding,
  cycleTotal,
  deductionsForTest,
  diffStandards,
  incidentEffects,
  rankWithinGroups,
  regionScorer,
  scoreRegion,
  scoreStandard,
  scorerConflict,
  thresholdEffects,
  type StandardEntries,
} from './evaluation-scoring.ts';
import { titleStatesAt, type TitleEventInput } from './titles.ts';

const input: FrameworkDocumentInput = {
  edition: 'test-2019',
  name: '测试框架',
  cityGroups: ['prefecture'],
  methodGroups: [
    { code: 'material', name: '网上材料审核', weight: 40, methods: ['material', 'indicator'] },
    { code: 'field', name: '实地考察', weight: 40, methods: ['field', 'simulation'] },
    { code: 'questionnaire', name: '问卷调查', weight: 20, methods: ['questionnaire'] },
  ],
  annual: { routine: 0.3, yearEnd: 0.7 },
  cycle: { years: 3, yearWeights: [0.15, 0.25, 0.6] },
  minors: { max: 100, gateMin: 85, share: 0.2 },
  siteTypes: [{ code: 'street', name: '主次干道' }],
  thresholds: [
    { below: 80, effect: 'public_criticism', label: '通报批评' },
    { below: 70, effect: 'suspend', appliesTo: 'titled', months: 12, label: '停止资格一年' },
  ],
  projects: [
    {
      code: 'P1',
      name: '项目一',
      contents: [
        {
          code: 'C1',
          name: '内容一',
          standards: [
            { code: 'S1', text: '材料', method: 'material', points: 4, rule: { kind: 'deduction', perFinding: 1 } },
            {
              code: 'S2',
              text: '志愿者注册率',
              method: 'indicator',
              points: 6,
              rule: { kind: 'threshold', comparator: 'gte', target: 13, partial: 'linear' },
            },
          ],
        },
        {
          code: 'C2',
          name: '内容二',
          standards: [
            {
              code: 'S3',
              text: '路灯亮灯',
              method: 'field',
              points: 5,
              rule: { kind: 'proportion' },
              siteTypes: ['street'],
            },
            { code: 'S4', text: '乱扔垃圾', method: 'field', points: 5, rule: { kind: 'deduction', perFinding: 0.5 } },
          ],
        },
      ],
    },
    {
      code: 'P2',
      name: '项目二',
      contents: [
        {
          code: 'C3',
          name: '内容三',
          standards: [
            { code: 'S5', text: '满意度', method: 'questionnaire', points: 10, rule: { kind: 'survey' } },
            {
              code: 'S6',
              text: '投诉热线',
              method: 'simulation',
              points: 2,
              rule: { kind: 'deduction', perFinding: 2 },
            },
          ],
        },
      ],
    },
    {
      code: 'P3',
      name: '未成年人',
      part: 'minors',
      contents: [
        {
          code: 'C4',
          name: '内容四',
          standards: [
            {
              code: 'S7',
              text: '网吧管理',
              method: 'material',
              points: 10,
              rule: { kind: 'deduction', perFinding: 2 },
            },
            { code: 'S8', text: '校园周边', method: 'field', points: 10, rule: { kind: 'proportion' } },
          ],
        },
      ],
    },
  ],
};
const framework = FrameworkDocument.parse(input);

const result = (r: Partial<NonNullable<StandardEntries['result']>>): StandardEntries['result'] => ({
  checked: null,
  passed: null,
  satisfaction: null,
  value: null,
  reviewed: false,
  note: '',
  scorer: 'inspector-1',
  ...r,
});
const finding = (id: string, deduction: number) => ({
  id,
  deduction,
  description: `finding ${id}`,
  scorer: 'inspector-2',
  evidenceId: null,
  attachmentIds: [`photo-${id}`],
});
const entries = new Map<string, StandardEntries>([
  ['S1', { result: null, findings: [finding('f1', 1.5), finding('f2', 1)], evidenceIds: ['ev1'] }],
  ['S2', { result: result({ value: 10.4 }), findings: [], evidenceIds: [] }],
  ['S3', { result: result({ checked: 20, passed: 19 }), findings: [], evidenceIds: [] }],
  ['S4', { result: null, findings: Array.from({ length: 12 }, (_, i) => finding(`g${i}`, 0.5)), evidenceIds: [] }],
  ['S5', { result: result({ satisfaction: 85 }), findings: [], evidenceIds: [] }],
  ['S6', { result: result({ reviewed: true }), findings: [], evidenceIds: [] }],
  ['S7', { result: null, findings: [finding('m1', 2)], evidenceIds: [] }],
  ['S8', { result: result({ checked: 10, passed: 9 }), findings: [], evidenceIds: [] }],
]);

describe('one standard under each rule', () => {
  const std = (code: string) =>
    framework.projects.flatMap((p) => p.contents.flatMap((c) => c.standards)).find((s) => s.code === code)!;
  it('deduction: findings come off the points, capped at the points', () => {
    expect(scoreStandard(std('S1'), entries.get('S1')!)).toMatchObject({ score: 1.5, unscored: false });
    const s4 = scoreStandard(std('S4'), entries.get('S4')!);
    expect(s4.score).toBe(0);
    // 10 findings of 0.5 use up the 5 points; the 11th and 12th cost nothing and are not losses
    expect(s4.losses).toHaveLength(10);
    expect(s4.losses[0]).toMatchObject({
      findingId: 'g0',
      points: 0.5,
      attachmentIds: ['photo-g0'],
      scorer: 'inspector-2',
    });
  });
  it('deduction with no finding: not full marks until someone inspected it and marked it reviewed', () => {
    // Nobody inspected it: it earns nothing for now, is pending (not a loss), and blocks publication.
    expect(scoreStandard(std('S6'), { result: null, findings: [], evidenceIds: [] })).toMatchObject({
      score: 0,
      unscored: true,
      losses: [],
    });
    expect(scoreStandard(std('S6'), entries.get('S6')!)).toMatchObject({ score: 2, unscored: false });
  });
  it('deduction: the amounts entered are kept and the cap is applied when scoring', () => {
    // 4 points; the inspector entered 3 then 2: the second costs only the 1 point left.
    const s1 = scoreStandard(std('S1'), {
      result: null,
      findings: [finding('a', 3), finding('b', 2)],
      evidenceIds: [],
    });
    expect(s1.score).toBe(0);
    expect(s1.losses.map((l) => [l.findingId, l.points])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    // The 3 is withdrawn: the 2 entered counts in full, exactly as for a city that only ever had it.
    const withdrawn = scoreStandard(std('S1'), { result: null, findings: [finding('b', 2)], evidenceIds: [] });
    const neverHad = scoreStandard(std('S1'), { result: null, findings: [finding('c', 2)], evidenceIds: [] });
    expect(withdrawn.score).toBe(2);
    expect(neverHad.score).toBe(withdrawn.score);
  });
  it('a standard marked not applicable counts for no points', () => {
    const na = scoreStandard(std('S3'), {
      result: result({ notApplicable: true, note: '本市无此类点位' }),
      findings: [],
      evidenceIds: [],
    });
    expect(na).toMatchObject({ points: 0, score: 0, unscored: false, notApplicable: true, losses: [] });
  });
  it('proportion, survey and threshold', () => {
    expect(scoreStandard(std('S3'), entries.get('S3')!).score).toBeCloseTo(4.75);
    expect(scoreStandard(std('S5'), entries.get('S5')!).score).toBeCloseTo(8.5);
    // 10.4 / 13 = 0.8 of 6 points
    const s2 = scoreStandard(std('S2'), entries.get('S2')!);
    expect(s2.score).toBeCloseTo(4.8);
    expect(s2.losses[0]!.reason).toBe('指标值10.4，目标≥13');
    expect(scoreStandard(std('S2'), { result: result({ value: 14 }), findings: [], evidenceIds: [] }).score).toBe(6);
  });
  it('a measured standard without a result is pending, not a silent 0 loss', () => {
    for (const code of ['S3', 'S5', 'S2']) {
      const s = scoreStandard(std(code), { result: null, findings: [], evidenceIds: [] });
      expect(s).toMatchObject({ score: 0, unscored: true, losses: [] });
    }
  });
  it('threshold "≤ target" with a linear share earns target / value of the points', () => {
    const pm25 = FrameworkDocument.parse({
      ...input,
      projects: [
        {
          code: 'P',
          name: 'p',
          contents: [
            {
              code: 'C',
              name: 'c',
              standards: [
                {
                  code: 'PM',
                  text: 'PM2.5',
                  method: 'indicator',
                  points: 3,
                  rule: { kind: 'threshold', comparator: 'lte', target: 35, partial: 'linear' },
                },
              ],
            },
          ],
        },
      ],
    }).projects[0]!.contents[0]!.standards[0]!;
    // 35 / 40 × 3 = 2.625; at or below the target: full points
    expect(scoreStandard(pm25, { result: result({ value: 40 }), findings: [], evidenceIds: [] }).score).toBe(2.625);
    expect(scoreStandard(pm25, { result: result({ value: 30 }), findings: [], evidenceIds: [] }).score).toBe(3);
  });
});

describe('a region’s scorecard', () => {
  const card = scoreRegion(framework, entries, [{ incidentId: 'i1', category: 'G15', points: 3, reason: 'G15' }]);
  it('weights the method groups, combines the minors part and takes off deductions (hand-computed)', () => {
    // material: (1.5 + 4.8) / 10 × 40 = 25.2; field: (4.75 + 0 + 2) / 12 × 40 = 22.5; questionnaire 8.5/10 × 20 = 17
    expect(card.methods.map((m) => m.weighted)).toEqual([25.2, 22.5, 17]);
    expect(card.mainScore).toBe(64.7);
    // minors: (8 + 9) / 20 × 100 = 85, exactly the gate
    expect(card.minorsScore).toBe(85);
    expect(card.minorsGatePassed).toBe(true);
    // 0.8 × 64.7 + 0.2 × 85 = 68.76, minus 3
    expect(card.total).toBe(65.76);
    expect(card.rate).toBe(0.6576);
    expect(card.deducted).toBe(3);
    expect(card.unscored).toBe(0);
  });
  it('sums the tree and traces every lost point', () => {
    expect(card.projects[0]).toMatchObject({ code: 'P1', points: 20, score: 11.05, rate: 0.5525 });
    expect(card.projects[0]!.contents[1]).toMatchObject({ code: 'C2', points: 10, score: 4.75 });
    const lost = card.losses.reduce((sum, l) => sum + l.points, 0);
    // points of all standards (52) minus their scores (1.5 + 4.8 + 4.75 + 0 + 8.5 + 2 + 8 + 9 = 38.55)
    expect(Math.round(lost * 100) / 100).toBe(13.45);
    // the largest single loss first: the minors' finding of 2 points
    expect(card.losses[0]).toMatchObject({ standardCode: 'S7', path: ['P3', 'C4', 'S7'], points: 2 });
    expect(card.losses.find((l) => l.findingId === 'f1')).toMatchObject({
      points: 1.5,
      evidenceIds: ['ev1'],
      scorer: 'inspector-2',
    });
  });
  it('bars below the minors’ gate', () => {
    const worse = new Map(entries);
    worse.set('S8', { result: result({ checked: 10, passed: 8 }), findings: [], evidenceIds: [] });
    const c = scoreRegion(framework, worse);
    expect(c.minorsScore).toBe(80);
    expect(c.minorsGatePassed).toBe(false);
    expect(c.total).toBe(67.76);
  });
  it('leaves a not-applicable standard out of its group and lists the pending ones', () => {
    const na = new Map(entries);
    na.set('S3', { result: result({ notApplicable: true, note: '无此类点位' }), findings: [], evidenceIds: [] });
    na.delete('S5');
    const c = scoreRegion(framework, na);
    // field: S3 leaves the group, (0 + 2) / 7 × 40 = 11.43; questionnaire: S5 pending, 0
    expect(c.methods.map((m) => m.weighted)).toEqual([25.2, 11.43, 0]);
    // main = 25.2 + 80 / 7 + 0 = 36.628571…; total = 0.8 × 36.628571 + 0.2 × 85 = 46.30
    expect(c.mainScore).toBe(36.63);
    expect(c.total).toBe(46.3);
    expect(c.unscored).toBe(1);
    expect(c.pending).toEqual([{ standardCode: 'S5', path: ['P2', 'C3', 'S5'], points: 10 }]);
    expect(c.losses.some((l) => l.standardCode === 'S5' || l.standardCode === 'S3')).toBe(false);
    const s3 = c.projects[0]!.contents[1]!.standards[0]!;
    expect(s3).toMatchObject({ code: 'S3', points: 0, notApplicable: true, rate: null });
  });
  it('one scorer for many regions answers what scoreRegion answers for each, wordings and notes included', () => {
    const noted = new Map(entries);
    noted.set('S3', { result: result({ checked: 20, passed: 19, note: '一处损坏' }), findings: [], evidenceIds: [] });
    const fewer = new Map(entries);
    fewer.set('S8', { result: result({ checked: 10, passed: 7 }), findings: [], evidenceIds: [] });
    const score = regionScorer(framework);
    const regions = [entries, noted, fewer, entries];
    const cards = regions.map((e) => score(e));
    expect(cards).toEqual(regions.map((e) => scoreRegion(framework, e)));
    const reasonOf = (c: (typeof cards)[number], code: string) => c.losses.find((l) => l.standardCode === code)?.reason;
    expect(reasonOf(cards[0]!, 'S3')).toBe('检查20处，合格19处');
    expect(reasonOf(cards[1]!, 'S3')).toBe('检查20处，合格19处（一处损坏）');
    expect(reasonOf(cards[2]!, 'S8')).toBe('检查10处，合格7处');
    expect(reasonOf(cards[3]!, 'S8')).toBe('检查10处，合格9处');
    // the regions' loss lines are their own; only the standard's path is shared
    expect(cards[3]!.losses[0]).not.toBe(cards[0]!.losses[0]);
    expect(cards[3]!.losses[0]!.path).toBe(cards[0]!.losses[0]!.path);
  });
  it('without a minors part the total is the main score', () => {
    const noMinors = FrameworkDocument.parse({ ...input, minors: undefined, projects: input.projects.slice(0, 2) });
    expect(scoreRegion(noMinors, entries).total).toBe(64.7);
  });
});

describe('rankings, annual and cycle totals', () => {
  it('ranks within each group, ties share a rank', () => {
    const ranked = rankWithinGroups([
      { id: 'a', group: 'prefecture', total: 80 },
      { id: 'b', group: 'prefecture', total: 90 },
      { id: 'c', group: 'prefecture', total: 80 },
      { id: 'd', group: 'prefecture', total: 70 },
      { id: 'e', group: 'county', total: 50 },
    ]);
    expect(Object.fromEntries(ranked.map((r) => [r.id, r.rank]))).toEqual({ b: 1, a: 2, c: 2, d: 4, e: 1 });
  });
  it('combines routine assessments and the year-end evaluation', () => {
    // 0.3 × mean(80, 90) + 0.7 × 70 = 25.5 + 49
    expect(annualScore(framework.annual, [80, 90], 70)).toBe(74.5);
    expect(annualScore(framework.annual, [], 70)).toBe(70);
    expect(annualScore(framework.annual, [80], null)).toBeNull();
  });
  it('weights the three years 15/25/60', () => {
    expect(cycleTotal(framework.cycle, [70, 80, 90])).toEqual({ complete: true, total: 84.5 });
    expect(cycleTotal(framework.cycle, [70, null, 90])).toEqual({ complete: false, total: null });
  });
});

const g15: NegativeListEntry = {
  code: 'G15',
  name: '发生有全国影响的重大安全事故',
  effects: [
    { appliesTo: 'titled', effect: 'suspend', months: 12 },
    { appliesTo: 'nominated', effect: 'deduct', points: 3, window: { before: 'test', months: 12 } },
    { appliesTo: 'nominated', effect: 'bar', window: { before: 'application', months: 12 } },
  ],
};
const ev = (title: TitleEventInput['title'], effectiveOn: string): TitleEventInput => ({
  id: `${title}-${effectiveOn}`,
  title,
  change: 'awarded',
  effectiveOn,
  endsOn: null,
  reason: 'test',
});

describe('negative-list effects', () => {
  it('suspends a titled city’s title for a year from the incident', () => {
    const states = titleStatesAt([ev('national_civilized', '2015-02-28')], '2019-03-10');
    const effects = incidentEffects(g15, '2019-03-10', states);
    expect(effects[0]).toMatchObject({
      applies: true,
      titleEvent: { title: 'national_civilized', change: 'suspended', effectiveOn: '2019-03-10', endsOn: '2020-03-09' },
    });
    expect(effects[1]!.applies).toBe(false);
    expect(effects[2]!.applies).toBe(false);
  });
  it('takes 3 points off a nominated city’s annual test within 12 months and bars its application', () => {
    const states = titleStatesAt([ev('national_nominated', '2017-11-14')], '2019-03-10');
    const effects = incidentEffects(g15, '2019-03-10', states);
    expect(effects[0]!.applies).toBe(false);
    expect(effects[1]).toMatchObject({ applies: true, points: 3, window: { from: '2019-03-10', to: '2020-03-09' } });
    expect(effects[2]!.titleEvent).toEqual({
      title: 'national_civilized',
      change: 'barred',
      effectiveOn: '2019-03-10',
      endsOn: '2020-03-09',
    });
    const incidents = [{ id: 'i1', category: 'G15', effects }];
    expect(deductionsForTest(incidents, '2019-08-01')).toMatchObject([{ incidentId: 'i1', points: 3 }]);
    expect(deductionsForTest(incidents, '2020-08-01')).toEqual([]);
    expect(deductionsForTest(incidents, '2019-03-01')).toEqual([]);
  });
  it('revokes a title', () => {
    const revoke: NegativeListEntry = {
      code: 'G01',
      name: '创建工作滑坡',
      effects: [{ appliesTo: 'titled', effect: 'revoke' }],
    };
    const states = titleStatesAt([ev('provincial_civilized', '2016-01-01')], '2022-04-01');
    expect(incidentEffects(revoke, '2022-04-01', states)[0]!.titleEvent).toEqual({
      title: 'provincial_civilized',
      change: 'revoked',
      effectiveOn: '2022-04-01',
      endsOn: null,
    });
  });
  it('applies the annual thresholds: below 80 criticism, below 70 a one-year suspension of a titled city', () => {
    const titled = titleStatesAt([ev('national_civilized', '2015-02-28')], '2019-03-01');
    const low = thresholdEffects(framework.thresholds, 65, titled, '2019-03-01');
    expect(low.map((e) => e.effect)).toEqual(['public_criticism', 'suspend']);
    expect(low[1]!.titleEvent).toMatchObject({ change: 'suspended', endsOn: '2020-02-29' });
    expect(thresholdEffects(framework.thresholds, 75, titled, '2019-03-01').map((e) => e.effect)).toEqual([
      'public_criticism',
    ]);
    const untitled = thresholdEffects(framework.thresholds, 65, [], '2019-03-01');
    expect(untitled.map((e) => e.applies)).toEqual([true, false]);
    expect(thresholdEffects(framework.thresholds, 80, titled, '2019-03-01')).toEqual([]);
  });
});

describe('framework checks', () => {
  it('accepts the test framework and names each problem of a broken one', () => {
    expect(checkFramework(framework)).toEqual([]);
    const broken = FrameworkDocument.parse({
      ...input,
      minors: undefined,
      cycle: { years: 3, yearWeights: [0.5, 0.5] },
      methodGroups: input.methodGroups.slice(0, 2),
    });
    const fields = checkFramework(broken).map((p) => p.field);
    expect(fields).toContain('projects.1.contents.0.standards.0.method');
    expect(fields).toContain('projects.2.part');
    expect(fields).toContain('cycle.yearWeights');
  });
  it('counts standards added, removed and changed', () => {
    const next = structuredClone(framework);
    next.projects[0]!.contents[0]!.standards[0]!.points = 5;
    next.projects[1]!.contents[0]!.standards.pop();
    next.projects[1]!.contents[0]!.standards.push({ ...next.projects[1]!.contents[0]!.standards[0]!, code: 'S9' });
    expect(diffStandards(framework, next)).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diffStandards(null, framework)).toEqual({ added: 8, removed: 0, changed: 0 });
  });
});

describe('the cycle: disqualification and the minors’ gate', () => {
  const fraud: NegativeListEntry = {
    code: 'N04',
    name: '测评材料弄虚作假',
    effects: [
      { appliesTo: 'any', effect: 'public_criticism' },
      { appliesTo: 'any', effect: 'disqualify' },
    ],
  };
  it('a disqualifying incident takes the region out of the whole cycle it falls in', () => {
    const effects = incidentEffects(fraud, '2019-06-01', []);
    expect(effects[1]).toMatchObject({ effect: 'disqualify', applies: true, titleEvent: null });
    const incidents = [{ id: 'i1', category: 'N04', occurredOn: '2019-06-01', effects }];
    expect(cycleDisqualifications(incidents, 2018, 3)).toEqual([
      { incidentId: 'i1', category: 'N04', reason: expect.stringContaining('2019-06-01') },
    ]);
    // the next cycle (2021-2023) is not touched, nor the one before
    expect(cycleDisqualifications(incidents, 2021, 3)).toEqual([]);
    expect(cycleDisqualifications(incidents, 2015, 3)).toEqual([]);
    // criticism alone disqualifies nobody
    const criticism = incidentEffects({ ...fraud, effects: [fraud.effects[0]!] }, '2019-06-01', []);
    expect(cycleDisqualifications([{ ...incidents[0]!, effects: criticism }], 2018, 3)).toEqual([]);
  });
  it('a city failing the minors’ gate is shown as such, not ranked as if it passed', () => {
    const row = { complete: true, minorsGatePassed: true, disqualified: false };
    expect(cycleStanding(row)).toBe('ranked');
    expect(cycleStanding({ ...row, minorsGatePassed: false })).toBe('minors_gate_failed');
    expect(cycleStanding({ ...row, minorsGatePassed: null })).toBe('ranked');
    expect(cycleStanding({ ...row, complete: false })).toBe('incomplete');
    expect(cycleStanding({ ...row, minorsGatePassed: false, disqualified: true })).toBe('disqualified');
  });
});

describe('回避: scorers do not score their own region', () => {
  // province 23, owner of the round; 2301 哈尔滨 with its district 230102; 2302 齐齐哈尔
  const cases: [string, string, string, boolean][] = [
    ['23/2301', '23/2301', '23', true], // 哈尔滨's office scoring 哈尔滨
    ['23/2301/230102', '23/2301', '23', true], // a district of 哈尔滨 scoring its city
    ['23/2301', '23/2301/230102', '23', true], // the city scoring its own district
    ['23/2302', '23/2301', '23', false], // 交叉测评: 齐齐哈尔 scoring 哈尔滨
    ['23', '23/2301', '23', false], // the province running the round stands above every city
    ['23', '23/2301', '', true], // a national round: the province is a party to its own cities
    ['24', '23/2301', '', false], // another province scoring across
  ];
  it.each(cases)('scorer %s, region %s, owner %s → conflict %s', (scorer, region, owner, conflict) => {
    expect(scorerConflict(scorer, region, owner)).toBe(conflict);
  });
});
