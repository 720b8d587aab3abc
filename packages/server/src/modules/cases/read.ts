import type { Kysely } from 'kysely';
import {
  message,
  allowedCaseActions,
  currentStageDeadline,
  currentStageStart,
  deadlineColour,
  stageOf,
  type WorkingCalendar,
  type CaseCategory,
  type CaseChannel,
  type CaseDetail,
  type CaseEvent,
  type CaseEventKind,
  type CaseListQuery,
  type CaseStage,
  type CaseStatus,
  type CaseSummary,
  type CaseTracking,
  type CategoryKind,
  type TimeLimitUnit,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { workingCalendar } from './calendar.ts';
import { hashToken } from './intake.ts';
import { casePolicy } from './policy.ts';
import { presentPhoto } from './photos.ts';
import { caseRepository, type CaseRow, type CategoryRow } from './repository.ts';
import { caseListRepository } from './list-repository.ts';

export function presentCategory(row: CategoryRow): CaseCategory {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as CategoryKind,
    parentCode: row.parent_code,
    description: row.description,
    timeLimit: row.limit_amount === null ? null : { amount: row.limit_amount, unit: row.limit_unit as TimeLimitUnit },
    defaultUnitName: row.default_unit_name,
    active: row.active,
    dayRule: row.day_rule as CaseCategory['dayRule'],
    keywords: row.keywords,
  };
}

type SummaryRow = CaseRow & {
  category_name: string;
  region_name: string;
  place_name: string | null;
  unit_name: string | null;
};

/** The running stage's clock: its deadline and colour in working time (a paused clock at its pause). */
function stageClockOf(calendar: WorkingCalendar, row: CaseRow, now: Date) {
  const status = row.status as CaseStatus;
  const stage = stageOf(status);
  // Cases filed before stage clocks existed have no desk or inspector deadline: the unit's stands in.
  const deadline =
    currentStageDeadline({
      status,
      acceptDeadline: row.accept_deadline,
      dispatchDeadline: row.dispatch_deadline,
      deadline: row.deadline,
      verifyDeadline: row.verify_deadline,
      pausedAt: row.paused_at,
      escalatedStages: row.escalated_stages as CaseStage[],
    }) ?? row.deadline;
  const start = currentStageStart({
    status,
    reportedAt: row.reported_at,
    acceptedAt: row.accepted_at,
    dispatchedAt: row.dispatched_at,
    handledAt: row.handled_at,
  });
  const colour = stage && start ? deadlineColour(calendar, row.paused_at ?? now, start, deadline) : 'green';
  return { stage, stageDeadline: stage ? deadline.toISOString() : null, colour };
}

/** The colour of the deadline the public sees (the unit's), from dispatch or, before it, from the report. */
function publicColour(
  calendar: WorkingCalendar,
  row: Pick<CaseRow, 'status' | 'paused_at' | 'dispatched_at' | 'reported_at' | 'deadline'>,
  now: Date,
) {
  if (!stageOf(row.status as CaseStatus)) return 'green';
  return deadlineColour(calendar, row.paused_at ?? now, row.dispatched_at ?? row.reported_at, row.deadline);
}

function presentSummary(row: SummaryRow, calendar: WorkingCalendar, now = new Date()): CaseSummary {
  const open = !['closed', 'rejected', 'duplicate'].includes(row.status);
  // A paused clock is judged at the moment it stopped.
  const at = row.paused_at ?? now;
  const overdue = open && at.getTime() > row.deadline.getTime();
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    description: row.description,
    regionCode: row.region_code,
    regionName: row.region_name,
    placeName: row.place_name ?? row.region_name,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    channel: row.channel as CaseChannel,
    orgUnit: row.org_unit_id ? { id: row.org_unit_id, name: row.unit_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    deadline: row.deadline.toISOString(),
    paused: row.paused_at !== null,
    overdue,
    ...stageClockOf(calendar, row, now),
    reworkCount: row.rework_count,
  };
}

/** Kinds whose note the public may read: the reason of a rejection, what the unit did, what is asked of the reporter. */
export const PUBLIC_NOTE_KINDS: ReadonlySet<string> = new Set<string>([
  'rejected',
  'handled',
  'paused',
  'extension_approved',
  'verification_passed',
  'reopened',
]);

function presentEvents(rows: Awaited<ReturnType<typeof caseRepository.listEvents>>, staff: boolean): CaseEvent[] {
  return rows.map((e) => {
    const event: CaseEvent = {
      id: e.id,
      kind: e.kind as CaseEventKind,
      at: e.at.toISOString(),
      status: e.status as CaseStatus,
      note: staff || PUBLIC_NOTE_KINDS.has(e.kind) ? e.note : null,
      orgUnitName: e.unit_name,
    };
    if (staff) event.actorName = e.actor_name;
    return event;
  });
}

async function summaryRow(db: Kysely<Database>, row: CaseRow): Promise<SummaryRow> {
  const [category, region, unit] = await Promise.all([
    caseRepository.findCategory(db, row.category_code),
    caseRepository.findRegion(db, row.region_code),
    row.org_unit_id ? caseRepository.findOrgUnit(db, row.org_unit_id) : undefined,
  ]);
  return {
    ...row,
    category_name: category?.name ?? row.category_code,
    region_name: region?.name ?? '',
    place_name: region?.place_name ?? null,
    unit_name: unit?.name ?? null,
  };
}

async function ratingOf(db: Kysely<Database>, caseId: string) {
  const r = await caseRepository.latestRating(db, caseId);
  return r ? { satisfaction: r.satisfaction, fixed: r.fixed, comment: r.comment, at: r.at.toISOString() } : null;
}

export async function presentDetail(db: Kysely<Database>, actor: Actor, row: CaseRow): Promise<CaseDetail> {
  const base = await summaryRow(db, row);
  const [category, events, photos, mergedFrom, mergedInto, contact, handler, suggested] = await Promise.all([
    caseRepository.findCategory(db, row.category_code),
    caseRepository.listEvents(db, row.id),
    caseRepository.listPhotos(db, row.id),
    caseRepository.mergedFrom(db, row.id),
    row.merged_into_id ? caseRepository.findCase(db, row.merged_into_id) : undefined,
    casePolicy.seesContact(actor, row) ? caseRepository.firstContact(db, row.id) : undefined,
    row.handled_by ? caseRepository.userNames(db, [row.handled_by]) : [],
    row.suggested_unit_id ? caseRepository.findOrgUnit(db, row.suggested_unit_id) : undefined,
  ]);
  const pending = caseRepository.pendingExtension(row);
  return {
    ...presentSummary(base, await workingCalendar(db)),
    categoryKind: (category?.kind ?? 'event') as CategoryKind,
    contact: contact?.contact ?? null,
    reportedAt: row.reported_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    dispatchedAt: row.dispatched_at?.toISOString() ?? null,
    handledAt: row.handled_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    handledBy: handler[0] ? { id: handler[0].id, name: handler[0].display_name } : null,
    suggestedOrgUnit: suggested ? { id: suggested.id, name: suggested.name } : null,
    mergedInto: mergedInto ? { id: mergedInto.id, number: mergedInto.number } : null,
    mergedFrom,
    pendingExtension: pending,
    rejectReason: row.reject_reason,
    rating: await ratingOf(db, row.id),
    photos: photos.map((p) => presentPhoto(p, true)),
    events: presentEvents(events, true),
    allowedActions: allowedCaseActions(
      {
        status: row.status as CaseStatus,
        paused: row.paused_at !== null,
        pendingExtension: row.pending_extension !== null,
        orgUnitId: row.org_unit_id,
        handledBy: row.handled_by,
      },
      { userId: actor.userId, role: actor.role, orgUnitId: actor.orgUnitId },
    ),
  };
}

export async function readCase(db: Kysely<Database>, actor: Actor, id: string): Promise<CaseDetail> {
  const row = await caseRepository.findCase(db, id);
  if (!row) throw notFound('case', id);
  casePolicy.canRead(actor, row, id);
  return presentDetail(db, actor, row);
}

/**
 * The public tracking page of a case: no contact, no staff names, display photos only. Only with
 * the tracking token of one of its reporters; a wrong token is answered like an unknown number,
 * so numbers cannot be probed.
 */
export async function trackCase(db: Kysely<Database>, number: string, token: string): Promise<CaseTracking> {
  const row = await caseRepository.findByNumber(db, number);
  if (!row || !(await caseRepository.findReporter(db, row.id, hashToken(token)))) throw notFound('case', number);
  const base = await summaryRow(db, row);
  const [events, photos, mergedInto, rating] = await Promise.all([
    caseRepository.listEvents(db, row.id),
    row.status === 'rejected' ? [] : caseRepository.listPhotos(db, row.id),
    row.merged_into_id ? caseRepository.findCase(db, row.merged_into_id) : undefined,
    ratingOf(db, row.id),
  ]);
  return {
    number: row.number,
    status: row.status as CaseStatus,
    categoryName: base.category_name,
    description: row.description,
    regionName: base.region_name,
    address: row.address,
    createdAt: row.created_at.toISOString(),
    deadline: row.deadline.toISOString(),
    paused: row.paused_at !== null,
    closedAt: row.closed_at?.toISOString() ?? null,
    colour: publicColour(await workingCalendar(db), row, new Date()),
    mergedInto: mergedInto?.number ?? null,
    photos: photos.map((p) => presentPhoto(p, false)),
    events: presentEvents(events, false),
    rating,
    canRate: row.status === 'closed' && (rating === null || new Date(rating.at) < (row.closed_at ?? new Date(0))),
  };
}

/** Statuses of several of a resident's cases at once ("my reports"); pairs with a wrong token are left out. */
export async function trackMany(db: Kysely<Database>, refs: { number: string; token: string }[]) {
  const pairs = refs.map((r) => ({ number: r.number, hash: hashToken(r.token) }));
  const wanted = new Set(pairs.map((p) => `${p.number}|${p.hash}`));
  const found = await caseRepository.listByNumbers(
    db,
    pairs.map((p) => p.number),
    pairs.map((p) => p.hash),
  );
  // One row per case, only for a number sent with one of its own reporters' tokens.
  const rows = [
    ...new Map(found.filter((r) => wanted.has(`${r.number}|${r.token_hash}`)).map((r) => [r.number, r])).values(),
  ];
  const calendar = await workingCalendar(db);
  const now = new Date();
  const merged = await Promise.all(
    rows.map((r) => (r.merged_into_id ? caseRepository.findCase(db, r.merged_into_id) : undefined)),
  );
  return {
    items: rows.map((r, i) => ({
      number: r.number,
      status: r.status as CaseStatus,
      deadline: r.deadline.toISOString(),
      paused: r.paused_at !== null,
      colour: publicColour(calendar, r, now),
      mergedInto: merged[i]?.number ?? null,
    })),
  };
}

/** Lists and queues, cursor-paged, in the actor's scope (a unit officer: their unit's cases). */
export async function listCases(db: Kysely<Database>, actor: Actor, query: CaseListQuery) {
  authorize(actor, 'case.read');
  let scopePath = actor.regionPath;
  if (query.regionCode) {
    const region = await caseRepository.findRegion(db, query.regionCode);
    if (!region)
      throw invalid([{ field: 'query.regionCode', message: message('field.noRegion', { code: query.regionCode }) }]);
    assertInScope(actor, region.path);
    scopePath = region.path;
  }
  const listed = casePolicy.listScope(actor, query, scopePath);
  const sort = query.sort ?? (query.queue ? 'deadline' : 'created');
  let after: { at: Date; id: string } | undefined;
  const decoded = query.page ? undefined : cursor.decode(query.cursor);
  if (decoded) {
    const [at, id] = decoded.split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)))
      throw invalid([{ field: 'query.cursor', message: message('field.badCursor') }]);
    after = { at: new Date(at), id };
  }
  const filter = {
    scopePath: listed.scopePath,
    unitId: listed.unitId,
    queue: query.queue ?? null,
    notHandledBy: query.queue === 'verify' ? actor.userId : null,
    status: query.status ?? null,
    categoryCode: query.categoryCode ?? null,
    overdue: query.overdue === undefined ? null : query.overdue === 'true',
    q: query.q ?? null,
  };
  const rows = await caseListRepository.list(db, {
    ...filter,
    sort,
    after,
    offset: query.page ? offsetOf(query.page, query.limit) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? cursor.encode(`${(sort === 'deadline' ? last.deadline : last.created_at).toISOString()}|${last.id}`)
      : null;
  const now = new Date();
  const calendar = await workingCalendar(db);
  const total = query.page ? await caseListRepository.count(db, filter) : undefined;
  return {
    items: page.map((r) => presentSummary(r, calendar, now)),
    nextCursor,
    ...(total === undefined ? {} : { total }),
  };
}
