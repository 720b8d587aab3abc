import { describe, expect, it } from 'vitest';
import { PlanFile, planMilestones, planTargets } from './plan.ts';

/** A small valid plan file; tests change one thing at a time. */
function buildPlanFile() {
  return {
    plan: {
      code: 'test-plan',
      name: '测试行动计划',
      issuingRegion: '23',
      period: { start: '2018-01-01', end: '2020-12-31' },
      source: 'a test document',
    },
    guidingIdeology: '指导思想。',
    principles: [{ title: '原则', text: '原则。正文。' }],
    goals: '工作目标。',
    goalTargets: [
      {
        code: 'national-civilized-cities',
        title: '全国文明城市数',
        comparator: 'count_between',
        value: 5,
        valueMax: 7,
        unit: '个',
        deadline: '2020-12-31',
        direction: 'higher_is_better',
        scope: { kind: 'province' },
        sourceText: '5-7个城市',
      },
    ],
    programmes: [
      {
        code: '1',
        title: '实施工程',
        tasks: [
          {
            number: '1.1',
            title: '推进建设',
            text: '推进建设。正文。',
            leadUnits: ['省住建厅'],
            participatingUnits: ['省发改委'],
            targets: [
              {
                code: 'central-heating-coverage',
                title: '集中供热普及率',
                comparator: 'at_least',
                value: 87,
                unit: '%',
                deadline: '2020-12-31',
                direction: 'higher_is_better',
                scope: { kind: 'region_level', level: 2 },
                sourceText: '集中供热普及率达到 87%',
              },
            ],
            milestones: [
              {
                code: 'pilot-plans',
                title: '出台实施方案',
                due: '2018-12-31',
                scope: { kind: 'groups', groupCodes: ['pilot-waste-sorting'] },
                sourceText: '2018年底前',
              },
            ],
          },
        ],
      },
    ],
    workRequirements: {
      requirements: [{ title: '加强领导', text: '加强领导。正文。' }],
      jointMeetings: { required: true, liaisonMeetings: true, text: '联席会议。' },
      evaluation: {
        routineAssessment: true,
        yearEndEvaluation: true,
        framework: '全国文明城市测评体系',
        text: '测评。',
      },
      veto: { categories: ['安全生产'], text: '一票否决。' },
    },
  };
}

type Doc = ReturnType<typeof buildPlanFile>;
type Target = Doc['programmes'][0]['tasks'][0]['targets'][0] & { valueMax?: number };

/** The first task's first target, for edits. */
const firstTarget = (doc: Doc): Target => doc.programmes[0]!.tasks[0]!.targets[0]!;

/** The issues of a document that must fail, as `path: message` lines. */
function issues(doc: unknown): { path: string; message: string; code: string }[] {
  const result = PlanFile.safeParse(doc);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

const TARGET = 'programmes.0.tasks.0.targets.0';

describe('plan file schema', () => {
  it('accepts a valid document and fills in defaults', () => {
    const doc = buildPlanFile();
    delete (doc.programmes[0]!.tasks[0] as { participatingUnits?: string[] }).participatingUnits;
    const plan = PlanFile.parse(doc);
    expect(plan.plan.reportingCadence).toBe('monthly');
    expect(plan.programmes[0]!.tasks[0]!.participatingUnits).toEqual([]);
    expect(plan.workRequirements.veto.openList).toBe(false);
    expect(planTargets(plan).map((t) => [t.taskNumber, t.target.code])).toEqual([
      [null, 'national-civilized-cities'],
      ['1.1', 'central-heating-coverage'],
    ]);
    expect(planMilestones(plan).map((m) => m.milestone.code)).toEqual(['pilot-plans']);
  });

  it('rejects a target code used twice, at the second use', () => {
    const doc = buildPlanFile();
    doc.programmes[0]!.tasks[0]!.targets.push({ ...firstTarget(doc), code: 'national-civilized-cities' });
    expect(issues(doc)).toEqual([
      {
        path: 'programmes.0.tasks.0.targets.1.code',
        message: "code 'national-civilized-cities' is already used at goalTargets.0",
        code: 'custom',
      },
    ]);
  });

  it('rejects a milestone code that a target already uses', () => {
    const doc = buildPlanFile();
    doc.programmes[0]!.tasks[0]!.milestones[0]!.code = 'central-heating-coverage';
    expect(issues(doc).map((i) => i.path)).toEqual(['programmes.0.tasks.0.milestones.0.code']);
  });

  it('rejects a range without valueMax, and a range whose valueMax is not above value', () => {
    const doc = buildPlanFile();
    Object.assign(firstTarget(doc), { comparator: 'between', value: 80 });
    expect(issues(doc)).toEqual([
      { path: `${TARGET}.valueMax`, message: "valueMax is required for comparator 'between'", code: 'custom' },
    ]);
    firstTarget(doc).valueMax = 80;
    expect(issues(doc)).toEqual([
      { path: `${TARGET}.valueMax`, message: 'valueMax must be greater than value', code: 'custom' },
    ]);
    firstTarget(doc).valueMax = 90;
    expect(PlanFile.safeParse(doc).success).toBe(true);
  });

  it('rejects valueMax on a comparator that is not a range', () => {
    const doc = buildPlanFile();
    firstTarget(doc).valueMax = 95;
    expect(issues(doc).map((i) => i.path)).toEqual([`${TARGET}.valueMax`]);
  });

  it('rejects an unknown comparator at its path', () => {
    const doc = buildPlanFile();
    firstTarget(doc).comparator = 'more_than';
    const [issue, ...rest] = issues(doc);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: `${TARGET}.comparator`, code: 'invalid_value' });
  });

  it('rejects a deadline after the period end and a milestone due before its start', () => {
    const doc = buildPlanFile();
    firstTarget(doc).deadline = '2021-06-30';
    doc.programmes[0]!.tasks[0]!.milestones[0]!.due = '2017-12-31';
    expect(issues(doc)).toEqual([
      { path: `${TARGET}.deadline`, message: "2021-06-30 is after the plan's end (2020-12-31)", code: 'custom' },
      {
        path: 'programmes.0.tasks.0.milestones.0.due',
        message: "2017-12-31 is before the plan's start (2018-01-01)",
        code: 'custom',
      },
    ]);
  });

  it('rejects a date that is not an ISO date', () => {
    const doc = buildPlanFile();
    firstTarget(doc).deadline = '2020年底';
    expect(issues(doc)).toMatchObject([{ path: `${TARGET}.deadline`, message: 'use an ISO date, e.g. 2020-12-31' }]);
  });

  it("rejects a task number whose prefix is not its programme's code, and a repeated number", () => {
    const doc = buildPlanFile();
    const task = doc.programmes[0]!.tasks[0]!;
    doc.programmes[0]!.tasks.push({ ...task, targets: [], milestones: [] });
    doc.programmes[0]!.tasks[0]!.number = '2.1';
    doc.programmes[0]!.tasks[1]!.number = '2.1';
    expect(issues(doc)).toEqual([
      {
        path: 'programmes.0.tasks.0.number',
        message: "task 2.1 must start with its programme's code '1.'",
        code: 'custom',
      },
      {
        path: 'programmes.0.tasks.1.number',
        message: "task 2.1 must start with its programme's code '1.'",
        code: 'custom',
      },
      { path: 'programmes.0.tasks.1.number', message: 'task number 2.1 appears twice', code: 'custom' },
    ]);
  });

  it('rejects a scope missing what its kind needs, and an unknown scope kind', () => {
    const doc = buildPlanFile();
    firstTarget(doc).scope = { kind: 'regions' } as never;
    expect(issues(doc).map((i) => i.path)).toEqual([`${TARGET}.scope.regionCodes`]);
    firstTarget(doc).scope = { kind: 'city' } as never;
    expect(issues(doc).map((i) => i.path)).toEqual([`${TARGET}.scope.kind`]);
  });

  it('rejects a misspelt key instead of dropping it', () => {
    const doc = buildPlanFile();
    Object.assign(firstTarget(doc), { sourcetext: 'typo' });
    expect(issues(doc)).toMatchObject([{ path: TARGET, code: 'unrecognized_keys' }]);
  });

  it('rejects a negative-list link for a category the veto does not name (issue 16)', () => {
    const doc = buildPlanFile();
    const veto = doc.workRequirements.veto as { categories: string[]; negativeList?: unknown[] };
    veto.negativeList = [{ category: '环境保护', edition: 'model', code: 'N09', name: '重大环境污染事件' }];
    expect(issues(doc)).toEqual([
      {
        path: 'workRequirements.veto.negativeList.0.category',
        message: `'环境保护' is not one of the veto categories (${veto.categories.join('、')})`,
        code: 'custom',
      },
    ]);
  });

  it('rejects a unit listed twice in one task', () => {
    const doc = buildPlanFile();
    doc.programmes[0]!.tasks[0]!.participatingUnits = ['省发改委', '省住建厅'];
    expect(issues(doc)).toEqual([
      {
        path: 'programmes.0.tasks.0.participatingUnits',
        message: 'unit 省住建厅 is listed twice',
        code: 'custom',
      },
    ]);
  });
});
