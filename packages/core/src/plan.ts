import { z } from 'zod';
import { SupervisionRules } from './supervision-rules.ts';
import { RegionCode } from './regions.ts';

// The plan file format (data/plans/*.yaml, documented in docs/plan-format.md). Objects are
// strict so that a misspelt key in a hand-edited file is an error, not silently dropped data.

/** A stable kebab-case identifier, e.g. `heilongjiang-2018-2020` or `central-heating-coverage`. */
export const PlanCode = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes, e.g. central-heating-coverage');
export type PlanCode = z.infer<typeof PlanCode>;

/** A calendar date written as YYYY-MM-DD. */
export const PlanDate = z.iso.date('use an ISO date, e.g. 2020-12-31');
export type PlanDate = z.infer<typeof PlanDate>;

const Text = z.string().trim().min(1);
const UnitName = z.string().trim().min(1).max(100);

/** How often responsible units report progress on their tasks. */
export const ReportingCadence = z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']);
export type ReportingCadence = z.infer<typeof ReportingCadence>;

/**
 * How a target's value is compared with the measured value. `count_between` counts things
 * (cities, regions) rather than measuring a rate; `*_by_percent` compare with the baseline.
 */
export const Comparator = z.enum([
  'at_least',
  'at_most',
  'equal',
  'between',
  'approximately',
  'reduce_by_percent',
  'increase_by_percent',
  'count_between',
]);
export type Comparator = z.infer<typeof Comparator>;

/** Comparators that need a range (`value` .. `valueMax`). */
export const rangeComparators: readonly Comparator[] = ['between', 'count_between'];

/** Whether a larger measured value is an improvement. */
export const TargetDirection = z.enum(['higher_is_better', 'lower_is_better']);
export type TargetDirection = z.infer<typeof TargetDirection>;

const scopeNote = {
  /** The scope as the seed words it, and how an ambiguous wording was read. */
  note: Text.optional(),
};

/**
 * Where a target or milestone applies: the whole issuing region, every region of one level
 * (2 = prefecture, 3 = county), listed regions, or region groups (belts, pilot cities).
 */
export const TargetScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('province'), ...scopeNote }),
  z.strictObject({
    kind: z.literal('region_level'),
    /** 2 = prefecture-level units (地级), 3 = county-level units (县级). */
    level: z.union([z.literal(2), z.literal(3)]),
    ...scopeNote,
  }),
  z.strictObject({
    kind: z.literal('regions'),
    /** GB/T 2260 codes of the regions the target applies to. */
    regionCodes: z.array(RegionCode).min(1),
    ...scopeNote,
  }),
  z.strictObject({
    kind: z.literal('groups'),
    /** Codes of region groups (data/regions/*-groups.yaml), e.g. `pilot-waste-sorting`. */
    groupCodes: z.array(PlanCode).min(1),
    ...scopeNote,
  }),
]);
export type TargetScope = z.infer<typeof TargetScope>;

/** The value a target starts from. `value: null` when the plan names the year but no figure. */
export const TargetBaseline = z.strictObject({
  /** The baseline figure, in the target's unit of measurement; null when unknown. */
  value: z.number().nullable().optional(),
  /** The year the baseline refers to, e.g. 2015 for "比2015年降低15%". */
  year: z.number().int().min(1949).max(2100),
});
export type TargetBaseline = z.infer<typeof TargetBaseline>;

/** A quantified target (目标) of the plan or of one task. */
export const PlanTarget = z.strictObject({
  /** Kebab-case English, unique among the plan's targets and milestones. */
  code: PlanCode,
  /** What is measured, in Chinese, e.g. 集中供热普及率. */
  title: Text,
  comparator: Comparator,
  /** The target figure; for a range its lower bound; for `*_by_percent` the percentage. */
  value: z.number(),
  /** Upper bound of a range; required for `between` and `count_between`, otherwise absent. */
  valueMax: z.number().optional(),
  /** Unit of `value`: '%', '小时', '个', ... */
  unit: Text,
  baseline: TargetBaseline.optional(),
  /** When the target must be met; the plan's end when the seed gives no date. */
  deadline: PlanDate,
  direction: TargetDirection,
  scope: TargetScope,
  /** The exact phrase of the source document the target comes from. */
  sourceText: Text,
  /** How the wording was read, when it needed reading (e.g. what a rate's denominator is). */
  note: Text.optional(),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

/** A dated deliverable (e.g. the pilot cities' implementation plans by the end of 2018). */
export const PlanMilestone = z.strictObject({
  /** Kebab-case English, unique among the plan's targets and milestones. */
  code: PlanCode,
  /** The deliverable, in Chinese. */
  title: Text,
  /** The date by which it is due. */
  due: PlanDate,
  scope: TargetScope,
  /** The exact phrase of the source document the milestone comes from. */
  sourceText: Text,
});
export type PlanMilestone = z.infer<typeof PlanMilestone>;

/** A numbered task (任务) of a programme, with its responsible units. */
export const PlanTask = z.strictObject({
  /** `<programme>.<task>`, e.g. '1.3'. */
  number: z.string().regex(/^\d+\.\d+$/, "use '<programme>.<task>', e.g. '1.3'"),
  /** The task's heading sentence, e.g. 加强社会主义核心价值观建设. */
  title: Text,
  /** The task's full paragraph, verbatim, without its ordinal and its trailing unit list. */
  text: Text,
  /** The lead unit(s) (牵头单位), by the exact name the plan uses. */
  leadUnits: z.array(UnitName).min(1),
  /** The participating units (配合单位), in the plan's order. */
  participatingUnits: z.array(UnitName).default([]),
  /**
   * The unit list exactly as written, when it names a collective (省政府各直属单位) that the
   * lead and participating lists could not name unit by unit.
   */
  unitsAsWritten: Text.optional(),
  targets: z.array(PlanTarget).default([]),
  milestones: z.array(PlanMilestone).default([]),
});
export type PlanTask = z.infer<typeof PlanTask>;

/** A programme (工程) of the plan, grouping its tasks. */
export const PlanProgramme = z.strictObject({
  /** '1', '2', ... in the plan's order. */
  code: z.string().regex(/^\d+$/, "use the programme's number, e.g. '1'"),
  /** e.g. 实施市民素质提升工程,培育文明和谐的社会风尚 (as the plan writes it, ASCII comma included). */
  title: Text,
  tasks: z.array(PlanTask).min(1),
});
export type PlanProgramme = z.infer<typeof PlanProgramme>;

/** A titled paragraph: a basic principle (基本原则) or a work requirement (工作要求). */
export const PlanParagraph = z.strictObject({
  /** The heading sentence, e.g. 坚持问题导向,创建为民. */
  title: Text,
  /** The full paragraph, verbatim, without its ordinal marker. */
  text: Text,
});
export type PlanParagraph = z.infer<typeof PlanParagraph>;

/** The work requirements (工作要求): their full text plus the settings that drive behaviour. */
export const WorkRequirements = z.strictObject({
  /** Every requirement in the plan's order, with its full text. */
  requirements: z.array(PlanParagraph).min(1),
  /** Joint meetings (联席会议) of the responsible units, supervised with minutes and action items. */
  jointMeetings: z.strictObject({
    required: z.boolean(),
    /** Whether liaison officers (联络员) also meet regularly. */
    liaisonMeetings: z.boolean(),
    text: Text,
  }),
  /** Each civilized city's own leading body and its regular working meetings (例会). */
  cityWorkMeetings: z
    .strictObject({
      required: z.boolean(),
      text: Text,
    })
    .optional(),
  /** How cities are evaluated: routine assessment (日常考核) plus year-end evaluation (年终测评). */
  evaluation: z.strictObject({
    routineAssessment: z.boolean(),
    yearEndEvaluation: z.boolean(),
    /** The evaluation framework the plan names, e.g. 全国文明城市测评体系. */
    framework: Text,
    text: Text,
  }),
  /** One-vote veto (一票否决): major problems that cost a city its standing. */
  veto: z.strictObject({
    /** The categories the plan names, e.g. 党风廉政, 安全生产. */
    categories: z.array(Text).min(1),
    /** True when the plan's list is open-ended ("等"), so other major problems may be added. */
    openList: z.boolean().default(false),
    /**
     * The evaluation's negative-list entries (负面清单) each category is judged by (issue 16): the
     * framework edition, the entry's code and its name as the framework gives it. A category may
     * link to several entries; the link is what turns the plan's words into a sanction.
     */
    negativeList: z
      .array(
        z.strictObject({
          category: Text,
          edition: z.string().trim().min(1).max(80),
          code: z.string().trim().min(1).max(40),
          name: Text,
        }),
      )
      .default([]),
    text: Text,
  }),
});
export type WorkRequirements = z.infer<typeof WorkRequirements>;

/** The plan's identity and period. */
export const PlanHeader = z.strictObject({
  /** Stable kebab-case code; re-importing a revised plan keeps it. */
  code: PlanCode,
  name: Text,
  /** The region whose party committee and government issue the plan, e.g. '23'. */
  issuingRegion: RegionCode,
  period: z.strictObject({ start: PlanDate, end: PlanDate }),
  reportingCadence: ReportingCadence.default('monthly'),
  /** Lights and cadence as data: due-soon and grace days, 黄牌/红牌 tiers (decision 0133). */
  supervision: SupervisionRules.optional(),
  /** What document the file encodes. */
  source: Text,
});
export type PlanHeader = z.infer<typeof PlanHeader>;

const PlanFileShape = z.strictObject({
  plan: PlanHeader,
  /** The opening paragraph before section 一, when the document has one. */
  preamble: Text.optional(),
  /** 指导思想. */
  guidingIdeology: Text,
  /** 基本原则. */
  principles: z.array(PlanParagraph),
  /** The 工作目标 paragraph. */
  goals: Text,
  /** The quantified goals of the 工作目标 section (city titles to win by the plan's end). */
  goalTargets: z.array(PlanTarget).default([]),
  programmes: z.array(PlanProgramme).min(1),
  workRequirements: WorkRequirements,
});

type Issue = { message: string; path: PropertyKey[] };

/** Rules that span fields: uniqueness, ranges, dates within the period, numbering. */
function planFileIssues(file: z.infer<typeof PlanFileShape>): Issue[] {
  const issues: Issue[] = [];
  const { start, end } = file.plan.period;
  if (start >= end) issues.push({ message: 'the period must end after it starts', path: ['plan', 'period', 'end'] });

  const veto = file.workRequirements.veto;
  veto.negativeList.forEach((link, i) => {
    if (!veto.categories.includes(link.category)) {
      issues.push({
        message: `'${link.category}' is not one of the veto categories (${veto.categories.join('、')})`,
        path: ['workRequirements', 'veto', 'negativeList', i, 'category'],
      });
    }
  });

  const codes = new Map<string, string>();
  const seeCode = (code: string, path: PropertyKey[]) => {
    const first = codes.get(code);
    if (first === undefined) codes.set(code, path.join('.'));
    else issues.push({ message: `code '${code}' is already used at ${first}`, path: [...path, 'code'] });
  };
  const checkDate = (date: string, path: PropertyKey[]) => {
    // A malformed date has its own format issue; comparing it would only add noise.
    if (!PlanDate.safeParse(date).success) return;
    if (date > end) issues.push({ message: `${date} is after the plan's end (${end})`, path });
    else if (date < start) issues.push({ message: `${date} is before the plan's start (${start})`, path });
  };
  const checkTarget = (target: PlanTarget, path: PropertyKey[]) => {
    seeCode(target.code, path);
    const isRange = rangeComparators.includes(target.comparator);
    if (isRange && target.valueMax === undefined) {
      issues.push({
        message: `valueMax is required for comparator '${target.comparator}'`,
        path: [...path, 'valueMax'],
      });
    } else if (isRange && target.valueMax !== undefined && target.valueMax <= target.value) {
      issues.push({ message: 'valueMax must be greater than value', path: [...path, 'valueMax'] });
    } else if (!isRange && target.valueMax !== undefined) {
      issues.push({
        message: `valueMax is only for ranges (between, count_between), not '${target.comparator}'`,
        path: [...path, 'valueMax'],
      });
    }
    if (target.baseline && target.baseline.year > Number(start.slice(0, 4))) {
      issues.push({
        message: "the baseline year must not be after the plan's start",
        path: [...path, 'baseline', 'year'],
      });
    }
    checkDate(target.deadline, [...path, 'deadline']);
  };

  file.goalTargets.forEach((t, i) => checkTarget(t, ['goalTargets', i]));
  const programmeCodes = new Set<string>();
  const taskNumbers = new Set<string>();
  file.programmes.forEach((programme, p) => {
    if (programmeCodes.has(programme.code)) {
      issues.push({ message: `programme '${programme.code}' appears twice`, path: ['programmes', p, 'code'] });
    }
    programmeCodes.add(programme.code);
    programme.tasks.forEach((task, t) => {
      const path = ['programmes', p, 'tasks', t];
      if (task.number.split('.')[0] !== programme.code) {
        issues.push({
          message: `task ${task.number} must start with its programme's code '${programme.code}.'`,
          path: [...path, 'number'],
        });
      }
      if (taskNumbers.has(task.number)) {
        issues.push({ message: `task number ${task.number} appears twice`, path: [...path, 'number'] });
      }
      taskNumbers.add(task.number);
      const units = [...task.leadUnits, ...task.participatingUnits];
      units.forEach((unit, u) => {
        if (units.indexOf(unit) !== u) {
          issues.push({ message: `unit ${unit} is listed twice`, path: [...path, 'participatingUnits'] });
        }
      });
      task.targets.forEach((target, i) => checkTarget(target, [...path, 'targets', i]));
      task.milestones.forEach((milestone, i) => {
        seeCode(milestone.code, [...path, 'milestones', i]);
        checkDate(milestone.due, [...path, 'milestones', i, 'due']);
      });
    });
  });
  return issues;
}

/** A whole plan file (data/plans/*.yaml). */
export const PlanFile = PlanFileShape.superRefine((file, ctx) => {
  for (const issue of planFileIssues(file)) ctx.addIssue({ code: 'custom', ...issue });
});
export type PlanFile = z.infer<typeof PlanFile>;

/** Every target of a plan file, goal-level first, then task by task in the plan's order. */
export function planTargets(file: PlanFile): { taskNumber: string | null; target: PlanTarget }[] {
  return [
    ...file.goalTargets.map((target) => ({ taskNumber: null, target })),
    ...file.programmes.flatMap((p) =>
      p.tasks.flatMap((task) => task.targets.map((target) => ({ taskNumber: task.number, target }))),
    ),
  ];
}

/** Every milestone of a plan file, task by task in the plan's order. */
export function planMilestones(file: PlanFile): { taskNumber: string; milestone: PlanMilestone }[] {
  return file.programmes.flatMap((p) =>
    p.tasks.flatMap((task) => task.milestones.map((milestone) => ({ taskNumber: task.number, milestone }))),
  );
}
