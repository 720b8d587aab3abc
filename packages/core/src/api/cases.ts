import { z } from 'zod';
import {
  CaseCategoryCode,
  CaseChannel,
  CaseContact,
  CaseEventKind,
  CaseQueue,
  CaseStage,
  CaseStatus,
  CategoryKind,
  IdempotencyKey,
  PhotoKind,
  StageLimits,
  StatsGroupBy,
  TimeLimit,
  TimeLimitUnit,
  TrackingToken,
} from '../cases.ts';

/**
 * The cases module's requests and answers (staff under /cases, residents under /public): shared by
 * the server (validation, OpenAPI), the web app (types) and the Open311 adapter. The domain's words
 * they use are in ../cases.ts; the API contract is described in docs/api/cases.md.
 */

export const CaseCategory = z.object({
  code: CaseCategoryCode,
  name: z.string(),
  kind: CategoryKind,
  /** Null for a top-level group (大类); cases are filed under second-level categories (小类). */
  parentCode: z.string().nullable(),
  description: z.string().nullable(),
  /** Null for a group. */
  timeLimit: TimeLimit.nullable(),
  /** Name of the department that handles it by default (e.g. 城市管理局), matched per region. */
  defaultUnitName: z.string().nullable(),
  active: z.boolean(),
  /** How a limit in days is counted: next_day (次日起算, default) or from_report (N × 7.5 working hours from the moment). */
  dayRule: z.enum(['next_day', 'from_report']),
  /** Other words residents use for it (小广告, 牛皮癣 …), searched with the name; empty for a group. */
  keywords: z.array(z.string()),
});
export type CaseCategory = z.infer<typeof CaseCategory>;
export const CaseCategoryList = z.object({ items: z.array(CaseCategory) });
export type CaseCategoryList = z.infer<typeof CaseCategoryList>;

/** PATCH /cases/categories/:code (province administrators): tune a category without a deploy. */
export const UpdateCategoryRequest = z.strictObject({
  timeLimit: z.strictObject({ amount: z.number().int().min(1).max(365), unit: z.enum(['hours', 'days']) }).optional(),
  active: z.boolean().optional(),
  defaultUnitName: z.string().trim().min(1).max(100).nullable().optional(),
  dayRule: z.enum(['next_day', 'from_report']).optional(),
});
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequest>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const Trimmed = (max: number) => z.string().trim().min(1).max(max);

const intakeFields = {
  categoryCode: CaseCategoryCode,
  /** Up to 4,000 characters, as Open311 GeoReport v2 allows. */
  description: Trimmed(4000),
  lat: Latitude.optional(),
  lng: Longitude.optional(),
  address: z.string().trim().max(200).optional(),
  /** The street (level 4) or community (level 5) or any region the reporter chose; resolved from the point when absent. */
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/, 'a region code')
    .optional(),
  /** Photos uploaded first through POST /public/case-photos (or /cases/photos). At most 6. */
  photoIds: z.array(z.uuid()).max(6).default([]),
  contact: CaseContact.optional(),
  /** Alternative to the Idempotency-Key header. */
  idempotencyKey: IdempotencyKey.optional(),
};

/** Resident intake (public, no account). */
export const PublicCaseIntake = z.strictObject(intakeFields);
export type PublicCaseIntake = z.infer<typeof PublicCaseIntake>;

/** Staff intake: an inspector or hotline operator on a caller's behalf. */
export const StaffCaseIntake = z.strictObject({
  ...intakeFields,
  channel: z.enum(['inspector', 'hotline', 'staff']),
  /** When the problem was seen or the call came in; defaults to now. Not in the future. */
  reportedAt: z.iso.datetime({ offset: true }).optional(),
});
export type StaffCaseIntake = z.infer<typeof StaffCaseIntake>;

/** A nearby open case of the same category, suggested as a possible duplicate. Public fields only. */
export const DuplicateCandidate = z.object({
  id: z.string(),
  number: z.string(),
  status: CaseStatus,
  categoryCode: z.string(),
  description: z.string(),
  distanceMetres: z.number(),
  createdAt: z.string(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const IntakeResponse = z.object({
  id: z.string(),
  /** Case number shown to the reporter and used by the tracking page, e.g. 20261128000042. */
  number: z.string(),
  /** Secret, shown once (and again on a retry with the same idempotency key): lets the reporter rate. */
  trackingToken: z.string(),
  status: CaseStatus,
  regionCode: z.string(),
  regionName: z.string(),
  /** When the responsible unit must have handled it (working time, holiday calendar). */
  deadline: z.string(),
  /** True when this answer replays an earlier submission with the same idempotency key. */
  replayed: z.boolean(),
  possibleDuplicates: z.array(DuplicateCandidate),
});
export type IntakeResponse = z.infer<typeof IntakeResponse>;

export const CasePhoto = z.object({
  id: z.string(),
  kind: PhotoKind,
  /** The resized display version with location metadata removed (public). */
  displayUrl: z.string(),
  /** The original as uploaded (evidence); staff only, absent on public pages. */
  originalUrl: z.string().optional(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  uploadedAt: z.string(),
});
export type CasePhoto = z.infer<typeof CasePhoto>;

/** One row of a case's timeline. `actorName` is absent on public pages. */
export const CaseEvent = z.object({
  id: z.string(),
  kind: CaseEventKind,
  at: z.string(),
  status: CaseStatus,
  note: z.string().nullable(),
  actorName: z.string().nullable().optional(),
  orgUnitName: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

const UnitRef = z.object({ id: z.string(), name: z.string() });

/** A case in a list or queue. */
export const CaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: CaseStatus,
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The region with its city and district, as a person reads it ("哈尔滨市 道里区 兆麟街道"). */
  placeName: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  channel: CaseChannel,
  orgUnit: UnitRef.nullable(),
  createdAt: z.string(),
  deadline: z.string(),
  /** Clock stopped while waiting on the reporter. */
  paused: z.boolean(),
  overdue: z.boolean(),
  /** The running stage's clock in working time: green in time, yellow in its last quarter, red overdue. */
  colour: z.enum(['green', 'yellow', 'red']),
  /** The running stage (null once finished) and its deadline. `deadline` is the unit's handling deadline. */
  stage: CaseStage.nullable(),
  stageDeadline: z.string().nullable(),
  reworkCount: z.number(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = z.object({
  items: z.array(CaseSummary),
  nextCursor: z.string().nullable(),
  /** The number of cases the filters select; present when a numbered `page` was asked for. */
  total: z.number().int().optional(),
});
export type CaseList = z.infer<typeof CaseList>;

export const CaseListQuery = z.strictObject({
  /** dispatch: submitted/accepted in scope; unit: your unit's dispatched/handling; verify: handled, not by you. */
  queue: CaseQueue.optional(),
  status: CaseStatus.optional(),
  categoryCode: z.string().optional(),
  regionCode: z.string().optional(),
  orgUnitId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Number prefix or words in the description. */
  q: z.string().trim().max(100).optional(),
  /** created: newest first (the full list's default); deadline: earliest first (the queues' default). */
  sort: z.enum(['created', 'deadline']).optional(),
  cursor: z.string().optional(),
  /** A numbered page (1-based): the answer then carries `total`. */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseRating = z.object({
  satisfaction: z.number().int().min(1).max(5),
  fixed: z.boolean(),
  comment: z.string().nullable(),
  at: z.string(),
});

const Note = z.string().trim().max(2000).default('');
const Reason = Trimmed(2000);

/** Workflow actions, POST /cases/:id/actions with one of these bodies. */
export const CaseAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), note: Note }),
  z.strictObject({ action: z.literal('reject'), reason: Reason }),
  z.strictObject({ action: z.literal('merge'), intoCaseId: z.uuid(), note: Note }),
  z.strictObject({ action: z.literal('dispatch'), orgUnitId: z.uuid().optional(), note: Note }),
  z.strictObject({ action: z.literal('start'), note: Note }),
  z.strictObject({ action: z.literal('return'), reason: Reason }),
  z.strictObject({
    action: z.literal('request_extension'),
    amount: z.number().int().min(1).max(60),
    unit: TimeLimitUnit,
    reason: Reason,
  }),
  z.strictObject({ action: z.literal('decide_extension'), approve: z.boolean(), note: Note }),
  z.strictObject({ action: z.literal('pause'), reason: Reason }),
  z.strictObject({ action: z.literal('resume'), note: Note }),
  z.strictObject({ action: z.literal('handle'), note: Reason, photoIds: z.array(z.uuid()).min(1).max(6) }),
  z.strictObject({
    action: z.literal('verify'),
    passed: z.boolean(),
    note: Note,
    photoIds: z.array(z.uuid()).max(6).default([]),
  }),
]);
export type CaseAction = z.infer<typeof CaseAction>;
export type CaseActionName = CaseAction['action'];
/** The names of the workflow actions, as `CaseAction` spells them. */
export const CaseActionName = z.enum(
  CaseAction.options.map((option) => option.shape.action.value) as [CaseActionName, ...CaseActionName[]],
);

/** Full case for staff. */
export const CaseDetail = CaseSummary.extend({
  categoryKind: CategoryKind,
  /**
   * Staff holding case.dispatch, and the officers of the unit it is dispatched to, see the contact,
   * its phone masked (`138****5678`); GET /cases/{id}/reporter-phone reveals it, audited.
   */
  contact: z.object({ name: z.string().optional(), phone: z.string().optional() }).nullable(),
  reportedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  handledBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The unit the dispatch rules name; `dispatch` without orgUnitId uses it. */
  suggestedOrgUnit: UnitRef.nullable(),
  /** Set when this case was merged into another. */
  mergedInto: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Cases merged into this one; their reporters follow this case. */
  mergedFrom: z.array(z.object({ id: z.string(), number: z.string() })),
  pendingExtension: z
    .object({ amount: z.number(), unit: TimeLimitUnit, reason: z.string(), requestedAt: z.string() })
    .nullable(),
  rejectReason: z.string().nullable(),
  rating: CaseRating.nullable(),
  photos: z.array(CasePhoto),
  events: z.array(CaseEvent),
  /** The actions the current user may take now. */
  allowedActions: z.array(CaseActionName),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** The public tracking page: no contact, no staff names, display photos only. */
export const CaseTracking = z.object({
  number: z.string(),
  status: CaseStatus,
  categoryName: z.string(),
  description: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  createdAt: z.string(),
  deadline: z.string(),
  paused: z.boolean(),
  closedAt: z.string().nullable(),
  /** The deadline's colour in working time (green, yellow: last quarter, red: overdue). */
  colour: z.enum(['green', 'yellow', 'red']),
  /** When merged, the surviving case's number: follow that one. */
  mergedInto: z.string().nullable(),
  photos: z.array(CasePhoto),
  events: z.array(CaseEvent),
  rating: CaseRating.nullable(),
  /** A rating is accepted now (closed, not yet rated since closing). */
  canRate: z.boolean(),
});
export type CaseTracking = z.infer<typeof CaseTracking>;

export const TrackingQuery = z.strictObject({ token: TrackingToken });

/** Several of the reporter's cases at once: `number.token` pairs, comma-separated, up to 20. */
export const TrackManyQuery = z.strictObject({
  refs: z
    .string()
    .regex(/^\d{8,20}\.[A-Za-z0-9_-]{10,100}(,\d{8,20}\.[A-Za-z0-9_-]{10,100}){0,19}$/, 'up to 20 number.token pairs'),
});

/** The reporter rates a closed case with the tracking token; "not fixed" sends it back to verification. */
export const RatingRequest = z.strictObject({
  token: z.string().min(10).max(100),
  satisfaction: z.number().int().min(1).max(5),
  fixed: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

/** The reporter answers a question (clock paused waiting on the reporter resumes). */
export const SupplementRequest = z.strictObject({
  token: z.string().min(10).max(100),
  text: Trimmed(2000),
});
export type SupplementRequest = z.infer<typeof SupplementRequest>;

export const NearbyQuery = z.strictObject({
  categoryCode: CaseCategoryCode,
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

/** How near and how recent an open case of the same category must be to be suggested as a duplicate. */
export const CaseSettings = z.strictObject({
  duplicateMetres: z.number().int().min(10).max(5000),
  duplicateDays: z.number().int().min(1).max(365),
  /** Stage limits (absent in a PUT: unchanged). */
  stageLimits: StageLimits.optional(),
});
export type CaseSettings = z.infer<typeof CaseSettings>;

export const DispatchRule = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Null: every category in the region. */
  categoryCode: z.string().nullable(),
  orgUnit: UnitRef,
});
export type DispatchRule = z.infer<typeof DispatchRule>;
export const DispatchRuleList = z.object({ items: z.array(DispatchRule) });
export type DispatchRuleList = z.infer<typeof DispatchRuleList>;
export const CreateDispatchRule = z.strictObject({
  regionCode: z.string().regex(/^\d{2,12}$/, 'a region code'),
  categoryCode: CaseCategoryCode.optional(),
  orgUnitId: z.uuid(),
});
export type CreateDispatchRule = z.infer<typeof CreateDispatchRule>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const CaseStatsQuery = z.strictObject({
  groupBy: StatsGroupBy,
  /** Cases reported from this day (inclusive, China time). Default: 30 days ago. */
  from: IsoDate.optional(),
  /** Cases reported up to this day (inclusive). Default: today. */
  to: IsoDate.optional(),
  /** Restrict to a region subtree inside your scope; default your scope. */
  regionCode: z.string().optional(),
  categoryCode: z.string().optional(),
});
export type CaseStatsQuery = z.infer<typeof CaseStatsQuery>;

export const CaseStatsRow = z.object({
  key: z.string(),
  name: z.string(),
  /** Reported (受理). */
  cases: z.number(),
  /** Accepted by the desk (立案): never-reviewed, rejected and merged cases are not. */
  accepted: z.number(),
  /** Due by now: closed, or past the deadline (应结案). */
  due: z.number(),
  closed: z.number(),
  closedOnTime: z.number(),
  /** 结案率 = closed / due; null when nothing is due. */
  closureRate: z.number().nullable(),
  /** 按期结案率 = closed on time / due. */
  onTimeRate: z.number().nullable(),
  /** 返工率 = cases with a failed verification or a reporter's "not fixed" / cases verified at least once. */
  reworkRate: z.number().nullable(),
  /** Mean calendar hours from report to closing, over closed cases. */
  avgHandlingHours: z.number().nullable(),
  /** Mean working hours from report to closing, time paused excluded, over closed cases. */
  avgHandlingWorkingHours: z.number().nullable(),
  /** Mean of each case's latest rating (1 to 5), and the number of cases rated. */
  satisfaction: z.number().nullable(),
  ratings: z.number(),
  open: z.number(),
  overdueOpen: z.number(),
});
export type CaseStatsRow = z.infer<typeof CaseStatsRow>;
export const CaseStats = z.object({
  groupBy: StatsGroupBy,
  from: z.string(),
  to: z.string(),
  rows: z.array(CaseStatsRow),
  total: CaseStatsRow,
});
export type CaseStats = z.infer<typeof CaseStats>;

export const CaseMapQuery = z.strictObject({
  regionCode: z.string().optional(),
  categoryCode: z.string().optional(),
  /** minLng,minLat,maxLng,maxLat */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'minLng,minLat,maxLng,maxLat')
    .optional(),
  limit: z.coerce.number().int().min(1).max(20000).default(5000),
});
export type CaseMapQuery = z.infer<typeof CaseMapQuery>;

export const CaseMap = z.object({
  /** Open cases with a location, newest first, up to `limit`. */
  points: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      lat: z.number(),
      lng: z.number(),
      categoryCode: z.string(),
      status: CaseStatus,
      overdue: z.boolean(),
    }),
  ),
  truncated: z.boolean(),
  /** Open cases per child region of the scope (or of `regionCode`), for a heat map by area. */
  byRegion: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), open: z.number(), overdue: z.number() }),
  ),
});
export type CaseMap = z.infer<typeof CaseMap>;

/** A path naming a case, a photo or a dispatch rule by its id. */
export const CaseIdParams = z.strictObject({ id: z.uuid() });
/** A path naming a case by its number (the public tracking pages). */
export const CaseNumberParams = z.strictObject({ number: z.string().regex(/^\d{8,20}$/, 'a case number') });
/** A photo of a case in one of its versions: the original (evidence) or the display copy. */
export const CasePhotoParams = z.strictObject({
  id: z.uuid(),
  photoId: z.uuid(),
  version: z.enum(['original', 'display']),
});
/** A path naming a category by its code (PATCH /cases/categories/:code). */
export const CaseCategoryParams = z.strictObject({ code: z.string().min(2).max(32) });
/** POST /cases/photos: the photo's kind (also accepted as the multipart field "kind"). */
export const CasePhotoUploadQuery = z.strictObject({ kind: PhotoKind.optional() });

/** GET /cases/:id/reporter-phone: the reporter's full number (audited). */
export const ReporterPhone = z.object({ phone: z.string().nullable() });
export type ReporterPhone = z.infer<typeof ReporterPhone>;
/** Open cases near a point or a case: possible duplicates. */
export const DuplicateCandidateList = z.object({ items: z.array(DuplicateCandidate) });
export type DuplicateCandidateList = z.infer<typeof DuplicateCandidateList>;

/** GET /public/cases: the statuses of several of the reporter's cases. */
export const TrackManyResponse = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      status: CaseStatus,
      deadline: z.string(),
      colour: z.enum(['green', 'yellow', 'red']),
      paused: z.boolean(),
      mergedInto: z.string().nullable(),
    }),
  ),
});
export type TrackManyResponse = z.infer<typeof TrackManyResponse>;
export type TrackedCaseState = TrackManyResponse['items'][number];

/** GET /public/regions: the region picker of the public report page. */
export const PublicRegionQuery = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
export const PublicRegionList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), hasChildren: z.boolean() })),
});
export type PublicRegionList = z.infer<typeof PublicRegionList>;
export type PublicRegion = PublicRegionList['items'][number];

/** GET /cases/holidays: the holiday calendar in use, one year or all. */
export const HolidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const HolidayList = z.object({
  items: z.array(
    z.object({ year: z.number(), source: z.string(), holidays: z.array(z.string()), workdays: z.array(z.string()) }),
  ),
});
export type HolidayList = z.infer<typeof HolidayList>;
/** GET /cases/holidays/coverage: the day to judge from (default today, China time). */
export const HolidayCoverageQuery = z.strictObject({ on: z.iso.date().optional() });
