import { z } from 'zod';

/**
 * Problem cases (随手拍 / 数字城管 案卷): the domain's words (channels, states, stages, time limits,
 * category codes, the reporter's contact) shared by the workflow, the clocks, the server and the web
 * app. The API's request and response shapes are in api/cases.ts; the contract in docs/api/cases.md.
 */

/** Where a case came from. Residents use the public page; staff enter on a caller's behalf. */
export const CaseChannel = z.enum(['resident_web', 'inspector', 'hotline', 'staff', 'open311']);
export type CaseChannel = z.infer<typeof CaseChannel>;

/**
 * Workflow states (see case-workflow.ts for the allowed actions):
 * submitted 待受理 → accepted 已立案 → dispatched 已派遣 → handling 处置中 → handled 已处置待核查 →
 * closed 已结案; rejected 不予立案 and duplicate 已合并 end a case early.
 */
export const CaseStatus = z.enum([
  'submitted',
  'accepted',
  'rejected',
  'duplicate',
  'dispatched',
  'handling',
  'handled',
  'closed',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Stage clocks (see case-clocks.ts): 受理/立案, 派遣, 处置 (the unit's), 核查. */
export const CaseStage = z.enum(['accept', 'dispatch', 'handle', 'verify']);
export type CaseStage = z.infer<typeof CaseStage>;

/** Working hours (工作时) or working days (工作日), counted with the holiday calendar. */
export const TimeLimitUnit = z.enum(['hours', 'days']);
export type TimeLimitUnit = z.infer<typeof TimeLimitUnit>;
export const TimeLimit = z.object({ amount: z.number().int().min(1).max(365), unit: TimeLimitUnit });
export type TimeLimit = z.infer<typeof TimeLimit>;

/** 部件 (components: public facilities) and 事件 (events: disorder) as in GB/T 30428, plus the campaign's own. */
export const CategoryKind = z.enum(['component', 'event']);
export type CategoryKind = z.infer<typeof CategoryKind>;

export const CaseCategoryCode = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes, e.g. event-poster');

/** Reporter contact: kept for staff, never shown publicly nor through Open311. */
export const CaseContact = z.strictObject({
  name: z.string().trim().max(50).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'digits, spaces, + - ( ) only, 5 to 20 characters')
    .optional(),
});
export type CaseContact = z.infer<typeof CaseContact>;

/** Idempotency key: any client-made unique string (a UUID is ideal), 16 to 100 characters. */
export const IdempotencyKey = z
  .string()
  .min(16, 'at least 16 characters; send a fresh UUID per report')
  .max(100)
  .regex(/^[A-Za-z0-9_\-:.]+$/, 'letters, digits and _ - : . only');

export const PhotoKind = z.enum(['before', 'after', 'verification']);
export type PhotoKind = z.infer<typeof PhotoKind>;

export const CaseEventKind = z.enum([
  'submitted',
  'accepted',
  'rejected',
  'merged_into',
  'merged_from',
  'dispatched',
  'started',
  'returned',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'paused',
  'resumed',
  'supplemented',
  'handled',
  'verification_passed',
  'verification_failed',
  'closed',
  'rated',
  'reopened',
  'escalated',
]);
export type CaseEventKind = z.infer<typeof CaseEventKind>;

export const CaseQueue = z.enum(['dispatch', 'unit', 'verify']);
export type CaseQueue = z.infer<typeof CaseQueue>;

/**
 * The tracking token the reporter received at intake: a case number alone opens nothing (numbers
 * are sequential and readable for staff), the public case endpoints need number and token.
 */
export const TrackingToken = z.string().min(10).max(100);

/** Limits of the stages the desk and the inspectors own (受理/立案, 派遣, 核查); the unit's limit is the category's. */
export const StageLimits = z.strictObject({
  accept: TimeLimit,
  dispatch: TimeLimit,
  verify: TimeLimit,
});
export type StageLimits = z.infer<typeof StageLimits>;

export const StatsGroupBy = z.enum(['region', 'unit', 'category', 'month']);
export type StatsGroupBy = z.infer<typeof StatsGroupBy>;
