import { z } from 'zod';
import { Total } from './api/paging.ts';

/**
 * Evaluation (测评): frameworks as versioned data, rounds, score entry, scorecards, the
 * negative list and titles. These are the request/response shapes shared by the server
 * and the web app; the computation lives in `evaluation-scoring.ts`, titles in `titles.ts`.
 * Every number (points, weights, thresholds, windows) comes from a framework document,
 * none from code.
 */

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'no such date');

/** How a standard is checked. 网上材料审核, 实地考察, 问卷调查, 指标数据, 实景模拟验证. */
export const EvaluationMethod = z.enum(['material', 'field', 'questionnaire', 'indicator', 'simulation']);
export type EvaluationMethod = z.infer<typeof EvaluationMethod>;

/** The ranking groups: 省会和副省级城市, 地级城市, 县级市和县, 直辖市城区/市辖区. */
export const CityGroup = z.enum(['capital', 'prefecture', 'county', 'district']);
export type CityGroup = z.infer<typeof CityGroup>;

/** Part of a framework: the main system, or the separately scored minors' work system (未成年人). */
export const FrameworkPart = z.enum(['main', 'minors']);
export type FrameworkPart = z.infer<typeof FrameworkPart>;

const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash or underscore');
const Name = z.string().trim().min(1).max(500);
const Points = z.number().finite().min(0).max(1000);

/**
 * How a standard's points are earned.
 * - deduction: pass/fail; each finding deducts `perFinding` (or the amount the scorer
 *   enters) until the standard's points are used up.
 * - proportion: points × passed / checked (e.g. lamps lit at 19 of 20 back streets).
 * - threshold: an indicator value against a target; full points when met, else
 *   `partial` ('none': nothing; 'linear': a share of the points, capped at them:
 *   value / target for a '≥ target' standard, target / value for a '≤ target' one, so a
 *   PM2.5 mean of 40 against "≤ 35" earns 35 / 40 of the points).
 * - survey: a satisfaction score 0-100 → points × score / 100.
 */
export const ScoringRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('deduction'), perFinding: Points }),
  z.strictObject({ kind: z.literal('proportion') }),
  z.strictObject({
    kind: z.literal('threshold'),
    indicatorCode: z.string().trim().min(1).max(80).optional(),
    comparator: z.enum(['gte', 'lte']),
    target: z.number().finite(),
    partial: z.enum(['none', 'linear']).default('none'),
  }),
  z.strictObject({ kind: z.literal('survey') }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;

export const FrameworkStandard = z.strictObject({
  code: Code,
  text: Name,
  method: EvaluationMethod,
  points: Points,
  rule: ScoringRule,
  /** Site types (点位) a field standard is checked at; codes of `siteTypes`. */
  siteTypes: z.array(Code).default([]),
});
export type FrameworkStandard = z.infer<typeof FrameworkStandard>;

export const FrameworkContent = z.strictObject({
  code: Code,
  name: Name,
  standards: z.array(FrameworkStandard).min(1),
});
export const FrameworkProject = z.strictObject({
  code: Code,
  name: Name,
  part: FrameworkPart.default('main'),
  contents: z.array(FrameworkContent).min(1),
});
export type FrameworkProject = z.infer<typeof FrameworkProject>;

/** What an annual threshold or a negative-list entry does. */
export const SanctionEffect = z.enum([
  // 通报表扬 / 通报批评: recorded on the published round, no title change
  'public_praise',
  'public_criticism',
  // 罚扣测评分数: points off the annual test of a nominated city
  'deduct',
  // 停止资格 (one year by default): the title is suspended for `months`
  'suspend',
  // 停止提名城市资格 / loss of eligibility to apply within the window
  'bar',
  // 取消荣誉称号
  'revoke',
  // 取消本周期参评资格 (e.g. 弄虚作假): the region is out of the ranking of the whole cycle the
  // incident falls in, whatever its annual totals
  'disqualify',
]);
export type SanctionEffect = z.infer<typeof SanctionEffect>;

export const TitleKind = z.enum([
  'provincial_nominated',
  'provincial_civilized',
  'national_nominated',
  'national_civilized',
]);
export type TitleKind = z.infer<typeof TitleKind>;

/** Chinese names of the titles, as offices write them. */
export const TITLE_NAMES: Record<TitleKind, string> = {
  provincial_nominated: '省级文明城市提名城市',
  provincial_civilized: '省级文明城市',
  national_nominated: '全国文明城市提名城市',
  national_civilized: '全国文明城市',
};

/** Which regions an effect applies to, by the title they hold when it happens. */
export const EffectTarget = z.enum(['titled', 'nominated', 'any']);

export const NegativeListEffect = z.strictObject({
  appliesTo: EffectTarget,
  effect: SanctionEffect,
  /** 'deduct': points off; other effects ignore it. */
  points: Points.optional(),
  /** 'suspend' and 'bar': how long, in months. */
  months: z.number().int().min(1).max(120).optional(),
  /**
   * When the incident must fall for the effect to apply: within `monthsBefore` months
   * before the annual test ('test') or before an application ('application'); absent: always.
   */
  window: z
    .strictObject({ before: z.enum(['test', 'application']), months: z.number().int().min(1).max(120) })
    .optional(),
});
export type NegativeListEffect = z.infer<typeof NegativeListEffect>;

export const NegativeListEntry = z.strictObject({
  code: Code,
  name: Name,
  effects: z.array(NegativeListEffect).min(1),
  /** Where the entry and its effects come from, or that they are a model assumption. */
  source: z.string().trim().max(500).optional(),
});
export type NegativeListEntry = z.infer<typeof NegativeListEntry>;

export const AnnualThreshold = z.strictObject({
  /** A year-end total strictly below this triggers the effect. */
  below: z.number().finite(),
  effect: SanctionEffect,
  appliesTo: EffectTarget.default('any'),
  months: z.number().int().min(1).max(120).optional(),
  label: Name,
  source: z.string().trim().max(500).optional(),
});
export type AnnualThreshold = z.infer<typeof AnnualThreshold>;

/** A framework edition as a document: what `data/frameworks/*.yaml` holds and the API stores. */
export const FrameworkDocument = z.strictObject({
  edition: Code,
  name: Name,
  /** True for the shipped model: a placeholder to be replaced by the official 操作手册. */
  isModel: z.boolean().default(false),
  notice: z.string().trim().max(2000).optional(),
  cityGroups: z.array(CityGroup).min(1),
  /**
   * How the main part's methods add up to an annual test score (e.g. 网上材料审核 40, 实地考察 40,
   * 问卷调查 20): each group's standards earn `weight × score / points`. Every method used by a
   * main-part standard belongs to exactly one group.
   */
  methodGroups: z
    .array(z.strictObject({ code: Code, name: Name, weight: Points, methods: z.array(EvaluationMethod).min(1) }))
    .min(1),
  /** Weight of the mean routine assessment and of the year-end evaluation in a year's score. */
  annual: z.strictObject({ routine: z.number().min(0).max(1), yearEnd: z.number().min(0).max(1) }),
  cycle: z.strictObject({
    years: z.number().int().min(1).max(10),
    yearWeights: z.array(z.number().min(0).max(1)).min(1),
  }),
  /** The minors' work evaluation: scored out of `max`, barring a city below `gateMin`, worth `share` of the total. */
  minors: z.strictObject({ max: Points, gateMin: Points, share: z.number().min(0).max(1) }).optional(),
  siteTypes: z.array(z.strictObject({ code: Code, name: Name })).default([]),
  thresholds: z.array(AnnualThreshold).default([]),
  negativeList: z.array(NegativeListEntry).default([]),
  projects: z.array(FrameworkProject).min(1),
});
export type FrameworkDocument = z.infer<typeof FrameworkDocument>;
export type FrameworkDocumentInput = z.input<typeof FrameworkDocument>;

export const FieldErrorView = z.object({ field: z.string(), message: z.string() });

export const FrameworkSummary = z.object({
  id: z.string(),
  edition: z.string(),
  name: z.string(),
  isModel: z.boolean(),
  ownerRegionCode: z.string(),
  cityGroups: z.array(CityGroup),
  version: z.number(),
  standardCount: z.number(),
  updatedAt: z.string(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

export const FrameworkVersionView = z.object({
  version: z.number(),
  note: z.string(),
  checksum: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Standards added, removed or changed against the previous version. */
  changes: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
});

export const FrameworkDetail = FrameworkSummary.extend({
  document: FrameworkDocument,
  versions: z.array(FrameworkVersionView),
});
export type FrameworkDetail = z.infer<typeof FrameworkDetail>;

export const FrameworkList = z.object({ items: z.array(FrameworkSummary) });

export const SaveFrameworkRequest = z.strictObject({
  document: FrameworkDocument,
  /** What changed and why; kept in the version history. */
  note: z.string().trim().min(1).max(1000),
});
export const CopyFrameworkRequest = z.strictObject({ edition: Code, name: Name });

/** Result of an Excel import: the new version, or 400 with `errors[].field` = `row 12: 分值`. */
export const FrameworkImportResult = z.object({
  framework: FrameworkSummary,
  standards: z.number(),
  unchanged: z.boolean(),
});

// ---- Rounds ---------------------------------------------------------------------------

export const RoundKind = z.enum(['routine', 'year_end']);
export type RoundKind = z.infer<typeof RoundKind>;
export const RoundStatus = z.enum(['planned', 'open', 'scoring', 'under_review', 'published']);
export type RoundStatus = z.infer<typeof RoundStatus>;

/** The only allowed status moves; `published` is final. */
export const roundTransitions: Record<RoundStatus, readonly RoundStatus[]> = {
  planned: ['open'],
  open: ['scoring', 'planned'],
  scoring: ['under_review', 'open'],
  under_review: ['published', 'scoring'],
  published: [],
};

export const RoundRegion = z.object({ code: z.string(), name: z.string(), path: z.string(), cityGroup: CityGroup });
export const Assignment = z.object({
  userId: z.string(),
  displayName: z.string(),
  method: EvaluationMethod,
  /** Empty: every region of the round. */
  regionCodes: z.array(z.string()),
});
export type Assignment = z.infer<typeof Assignment>;

/** One publication of a round's results; a correction is a later version, the earlier ones stay readable. */
export const Publication = z.object({
  version: z.number(),
  publishedAt: z.string(),
  /** The date of the decision (通报) that publishes the results; threshold sanctions take effect on it. */
  decidedOn: z.string().nullable(),
  reason: z.string(),
  publishedBy: z.string(),
});
export type Publication = z.infer<typeof Publication>;

export const Round = z.object({
  id: z.string(),
  name: z.string(),
  kind: RoundKind,
  status: RoundStatus,
  year: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The annual test date the negative list's windows count back from. */
  testDate: z.string(),
  ownerRegionCode: z.string(),
  framework: z.object({
    id: z.string(),
    edition: z.string(),
    name: z.string(),
    version: z.number(),
    isModel: z.boolean(),
  }),
  /**
   * An unannounced round (暗访) is secret to the evaluated regions until it is published: they
   * see neither the round, its dates nor its scorers before then.
   */
  unannounced: z.boolean(),
  regions: z.array(RoundRegion),
  assignments: z.array(Assignment),
  publishedAt: z.string().nullable(),
  /** Every publication of the round, oldest first: the first, then each dated, reasoned correction. */
  publications: z.array(Publication),
  createdAt: z.string(),
});
export type Round = z.infer<typeof Round>;

/** A correction of a published round: recomputed from what is known now, as a new dated version. */
export const CorrectionRequest = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  decidedOn: IsoDate,
});

/** Marks a standard not applicable to a region (e.g. no airport to inspect), always with a reason. */
export const NotApplicableRequest = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const RoundList = z.object({
  items: z.array(
    Round.omit({ regions: true, assignments: true, publications: true }).extend({ regionCount: z.number() }),
  ),
  nextCursor: z.string().nullable(),
  total: Total,
});

export const CreateRoundRequest = z.strictObject({
  name: Name,
  kind: RoundKind,
  frameworkId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  testDate: IsoDate,
  ownerRegionCode: z.string().min(1).max(12),
  /** 暗访: kept secret from the evaluated regions until publication. */
  unannounced: z.boolean().default(false),
  /** Each region with its ranking group; the group must be one the framework covers. */
  regions: z
    .array(z.strictObject({ code: z.string().min(1).max(12), cityGroup: CityGroup }))
    .min(1)
    .max(5000),
});
export type CreateRoundRequest = z.infer<typeof CreateRoundRequest>;

export const TransitionRequest = z.strictObject({
  to: RoundStatus,
  note: z.string().trim().max(1000).default(''),
  /**
   * Publishing: the date of the decision (通报) that publishes the results. Required for a
   * year-end round, whose threshold sanctions take effect on that day; not before the test date.
   */
  decidedOn: IsoDate.optional(),
});
export const AssignmentsRequest = z.strictObject({
  assignments: z.array(
    z.strictObject({
      userId: z.uuid(),
      method: EvaluationMethod,
      regionCodes: z.array(z.string().max(12)).default([]),
    }),
  ),
});

/** What publishing did: threshold effects (criticism, suspension) and title events written. */
export const PublishOutcome = z.object({
  round: Round,
  effects: z.array(
    z.object({
      regionCode: z.string(),
      label: z.string(),
      effect: SanctionEffect,
      titleEventId: z.string().nullable(),
    }),
  ),
});

/** What publishing a round did, kept for later reading. */
export const RoundEffects = z.object({
  items: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      effect: SanctionEffect,
      label: z.string(),
      titleEventId: z.string().nullable(),
    }),
  ),
});

// ---- Score entry ---------------------------------------------------------------------

export const AttachmentRef = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});

/** Material a city uploads for a standard (网上申报) for reviewers to mark. */
export const EvidenceRequest = z.strictObject({ standardCode: Code, note: z.string().trim().max(5000).default('') });
export const Evidence = z.object({
  id: z.string(),
  standardCode: z.string(),
  note: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  attachments: z.array(AttachmentRef),
});
export type Evidence = z.infer<typeof Evidence>;

export const FindingRequest = z.strictObject({
  standardCode: Code,
  description: z.string().trim().min(1).max(2000),
  /** Points off; default: the rule's `perFinding`. Capped at what the standard has left. */
  deduction: Points.optional(),
  siteType: Code.optional(),
  location: z.string().trim().max(500).optional(),
  /** The city's material this finding is about (material review). */
  evidenceId: z.uuid().optional(),
});
export const Finding = z.object({
  id: z.string(),
  standardCode: z.string(),
  description: z.string(),
  deduction: z.number(),
  siteType: z.string().nullable(),
  location: z.string().nullable(),
  evidenceId: z.string().nullable(),
  scorer: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  withdrawn: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  attachments: z.array(AttachmentRef),
});
export type Finding = z.infer<typeof Finding>;
export const WithdrawRequest = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

/** A measured result: checks passed (proportion), satisfaction 0-100 (survey), an indicator value (threshold). */
export const ResultRequest = z.strictObject({
  checked: z.number().int().min(0).optional(),
  passed: z.number().int().min(0).optional(),
  satisfaction: z.number().min(0).max(100).optional(),
  value: z.number().finite().optional(),
  /** A deduction-rule standard reviewed with no findings: mark it passed explicitly. */
  reviewed: z.boolean().optional(),
  note: z.string().trim().max(2000).default(''),
});
export const Result = z.object({
  standardCode: z.string(),
  checked: z.number().nullable(),
  passed: z.number().nullable(),
  satisfaction: z.number().nullable(),
  value: z.number().nullable(),
  /** 'manual' (typed in) or 'indicator' (read from the indicator observations). */
  source: z.enum(['manual', 'indicator']),
  reviewed: z.boolean(),
  /** Marked not applicable to the region; the reason is in `note`. */
  notApplicable: z.boolean(),
  note: z.string(),
  scorer: z.object({ id: z.string(), name: z.string() }),
  updatedAt: z.string(),
});
export type Result = z.infer<typeof Result>;

export const SheetStandard = z.object({
  projectCode: z.string(),
  projectName: z.string(),
  contentCode: z.string(),
  contentName: z.string(),
  standard: FrameworkStandard,
  result: Result.nullable(),
  findings: z.array(Finding),
  evidence: z.array(Evidence),
  /** Points this standard currently earns. */
  score: z.number(),
});
export const ScoringSheet = z.object({
  roundId: z.string(),
  region: RoundRegion,
  method: EvaluationMethod,
  canScore: z.boolean(),
  standards: z.array(SheetStandard),
});
export type ScoringSheet = z.infer<typeof ScoringSheet>;

/** What reading the data standards from the indicator store did. */
export const IndicatorFillResult = z.object({
  filled: z.number(),
  skipped: z.array(z.object({ standardCode: z.string(), regionCode: z.string(), reason: z.string() })),
});

// ---- Scorecards, rankings, explanations ---------------------------------------------

export const ScoreNode = z.object({
  code: z.string(),
  name: z.string(),
  points: z.number(),
  score: z.number(),
  /** score / points, 0-1; null when the node has no points. */
  rate: z.number().nullable(),
});
export type ScoreNode = z.infer<typeof ScoreNode>;

export const Loss = z.object({
  standardCode: z.string(),
  path: z.array(z.string()),
  points: z.number(),
  reason: z.string(),
  findingId: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  attachmentIds: z.array(z.string()),
  /** The finding's photos and files, named. */
  attachments: z.array(AttachmentRef),
  /** The city's material the loss refers to, with its note and files. */
  evidence: z.array(z.object({ id: z.string(), note: z.string(), attachments: z.array(AttachmentRef) })),
  scorer: z.string().nullable(),
});
export type Loss = z.infer<typeof Loss>;

export const Scorecard = z.object({
  roundId: z.string(),
  region: RoundRegion,
  published: z.boolean(),
  isModelFramework: z.boolean(),
  /** Main part out of 100 after method weights, before negative-list deductions. */
  mainScore: z.number(),
  minorsScore: z.number().nullable(),
  minorsGatePassed: z.boolean().nullable(),
  deductions: z.array(
    z.object({ incidentId: z.string(), category: z.string(), points: z.number(), reason: z.string() }),
  ),
  total: z.number(),
  rate: z.number(),
  rank: z.number().nullable(),
  groupSize: z.number(),
  /** One row per method group of the framework: raw points and score, then weight × rate. */
  methods: z.array(ScoreNode.extend({ methods: z.array(EvaluationMethod), weight: z.number(), weighted: z.number() })),
  projects: z.array(
    ScoreNode.extend({
      part: FrameworkPart,
      contents: z.array(
        ScoreNode.extend({
          standards: z.array(
            ScoreNode.extend({ method: EvaluationMethod, unscored: z.boolean(), notApplicable: z.boolean() }),
          ),
        }),
      ),
    }),
  ),
  losses: z.array(Loss),
  previous: z
    .object({ roundId: z.string(), name: z.string(), total: z.number(), rank: z.number().nullable() })
    .nullable(),
  group: z.object({ mean: z.number(), best: z.number(), worst: z.number() }),
  unscored: z.number(),
  /** Standards nobody has scored yet: they earn nothing for now and block publication. */
  pending: z.array(z.object({ standardCode: z.string(), path: z.array(z.string()), points: z.number() })),
  /** The publication this scorecard was frozen in (null before publication). */
  publication: Publication.nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const RankingRow = z.object({
  /** Null while nothing has been entered for the region: "not yet scored", not a tie at rank 1. */
  rank: z.number().nullable(),
  region: RoundRegion,
  total: z.number(),
  rate: z.number(),
  mainScore: z.number(),
  minorsScore: z.number().nullable(),
  minorsGatePassed: z.boolean().nullable(),
  deducted: z.number(),
  previousTotal: z.number().nullable(),
});
export const Ranking = z.object({
  roundId: z.string(),
  published: z.boolean(),
  publication: Publication.nullable(),
  groups: z.array(z.object({ cityGroup: CityGroup, rows: z.array(RankingRow) })),
});
export type Ranking = z.infer<typeof Ranking>;

/** Annual (routine + year-end) and cycle totals of the regions of a group. */
export const CycleQuery = z.strictObject({
  frameworkId: z.uuid(),
  startYear: z.coerce.number().int().min(2000).max(2100),
  cityGroup: CityGroup.optional(),
});
export const CycleRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  cityGroup: CityGroup,
  years: z.array(
    z.object({
      year: z.number(),
      routine: z.number().nullable(),
      yearEnd: z.number().nullable(),
      annual: z.number().nullable(),
    }),
  ),
  cycleTotal: z.number().nullable(),
  complete: z.boolean(),
  minorsGatePassed: z.boolean().nullable(),
  /** Whether the region is ranked, and why not: disqualified, failed the minors' gate, or incomplete. */
  standing: z.enum(['ranked', 'disqualified', 'minors_gate_failed', 'incomplete']),
  /** The incidents that disqualify the region from this cycle, with their reasons. */
  disqualifications: z.array(z.object({ incidentId: z.string(), category: z.string(), reason: z.string() })),
  rank: z.number().nullable(),
});
export const CycleResult = z.object({ rows: z.array(CycleRow) });

// ---- Incidents ---------------------------------------------------------------------

export const IncidentRequest = z.strictObject({
  regionCode: z.string().min(1).max(12),
  frameworkId: z.uuid(),
  /** A negative-list entry code of the framework, e.g. G15. */
  category: Code,
  occurredOn: IsoDate,
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(5000),
});
export const IncidentEffectView = z.object({
  effect: SanctionEffect,
  label: z.string(),
  points: z.number().nullable(),
  titleEventId: z.string().nullable(),
  /** Why it applies (or the window it is waiting for). */
  explanation: z.string(),
});
export const Incident = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  frameworkId: z.string(),
  category: z.string(),
  categoryName: z.string(),
  occurredOn: z.string(),
  title: z.string(),
  description: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  effects: z.array(IncidentEffectView),
  attachments: z.array(AttachmentRef),
});
export type Incident = z.infer<typeof Incident>;
export const IncidentList = z.object({ items: z.array(Incident), nextCursor: z.string().nullable(), total: Total });

// ---- Titles (the pure logic is in titles.ts) ----------------------------------------

export const TitleChange = z.enum(['awarded', 'suspended', 'reinstated', 'revoked', 'expired', 'barred']);
export type TitleChange = z.infer<typeof TitleChange>;
export const TitleSourceKind = z.enum(['round', 'incident', 'decision']);
export type TitleSourceKind = z.infer<typeof TitleSourceKind>;
export const TitleStatus = z.enum(['held', 'suspended', 'revoked', 'expired', 'none']);
export type TitleStatus = z.infer<typeof TitleStatus>;

export const TitleEvent = z.object({
  id: z.string(),
  regionCode: z.string(),
  title: TitleKind,
  change: TitleChange,
  effectiveOn: z.string(),
  /** Suspensions and bars: the last day they last. */
  endsOn: z.string().nullable(),
  reason: z.string(),
  sourceKind: TitleSourceKind,
  sourceId: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type TitleEvent = z.infer<typeof TitleEvent>;

export const TitleDecisionRequest = z.strictObject({
  title: TitleKind,
  change: TitleChange,
  effectiveOn: IsoDate,
  endsOn: IsoDate.optional(),
  reason: z.string().trim().min(1).max(2000),
  /** The decision document, e.g. 黑文明委〔2020〕3号. */
  decisionRef: z.string().trim().min(1).max(200),
});

export const TitleStateView = z.object({
  title: TitleKind,
  status: TitleStatus,
  since: z.string().nullable(),
  until: z.string().nullable(),
  barredUntil: z.string().nullable(),
  lastEventId: z.string().nullable(),
  reason: z.string().nullable(),
});
export const RegionTitles = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  path: z.string(),
  titles: z.array(TitleStateView),
});
export const TitleStateList = z.object({
  at: z.string(),
  items: z.array(RegionTitles),
  nextCursor: z.string().nullable(),
  total: Total,
});
export const TitleCounts = z.object({
  at: z.string(),
  under: z.string(),
  /** Titles currently held (not suspended, revoked or expired) per title. */
  held: z.record(TitleKind, z.number()),
  suspended: z.record(TitleKind, z.number()),
  /** Held titles per region level ('2' prefecture, '3' county-level), for percentage goals. */
  heldByLevel: z.record(z.string(), z.record(TitleKind, z.number())),
  /** Regions per level under `under`: the denominators. */
  regionsByLevel: z.record(z.string(), z.number()),
});
export type TitleCounts = z.infer<typeof TitleCounts>;

export const Eligibility = z.object({
  title: TitleKind,
  at: z.string(),
  eligible: z.boolean(),
  /** One sentence per rule checked, in order, each met or not. */
  checks: z.array(z.object({ rule: z.string(), met: z.boolean(), explanation: z.string() })),
});
export const RegionTitleHistory = z.object({
  region: z.object({ code: z.string(), name: z.string(), path: z.string() }),
  at: z.string(),
  state: z.array(TitleStateView),
  events: z.array(TitleEvent),
  eligibility: z.array(Eligibility),
});
