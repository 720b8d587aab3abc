import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  chinaDate,
  EntryStatus,
  indicatorPeriodBounds,
  indicatorPeriodType,
  type ApprovalQueue,
  type EntryAction,
  type EntryList,
  type EntryView,
  IndicatorPeriodType,
  type SaveEntryRequest,
  message,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { forbidden, invalid, notFound, type ServerFieldError } from '../../http/problem.ts';
import { cursor } from '../../http/types.ts';
import { recordAudit } from '../audit/index.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { dataSetView, loadCatalogue, type Catalogue, type DataSetRow } from './catalogue.ts';
import { valueProblem } from './observations.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { entryFormRefusal, entryPermissions, enforceEntry, levelOfPath, nextApprovalLevel } from './policy.ts';
import { entryRepository, type EntryKey, type EntryRegion } from './entry-repository.ts';
import { indicatorRegionRepository } from './region-repository.ts';

/*
 * Data entry, its workflow: one data set, one reporting region, one period. Status flow
 *   empty → draft (save/import) → submitted → approved_city → approved_province
 * with `returned` (editable, with a reason) from the approving levels. County-level data sets are
 * approved by the city, then the province; prefecture-level ones by the province only. Every
 * action writes a data_entry_event and an audit row in the same transaction. Its SQL is in
 * entry-repository.ts, who may do what in policy.ts.
 */

export type Ctx = { actor: Actor; requestId?: string };
type Db = Kysely<Database>;
type Trx = Transaction<Database>;

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';
const userIdOf = (actor: Actor) => (actor.userId === SYSTEM_USER ? null : actor.userId);

/** An entry as events name it. */
const entryOf = (key: EntryKey) => ({ dataSetCode: key.set.code, regionCode: key.region.code, period: key.period });
const entryPayload = (key: EntryKey) => ({
  dataSetCode: key.set.code,
  regionCodes: [key.region.code],
  period: key.period,
});

/** The data set, region and period of an entry, checked for kind, level and period type. */
export async function resolveEntry(
  db: Db,
  catalogue: Catalogue,
  code: string,
  regionCode: string,
  period: string,
  fields = { region: 'params.regionCode', period: 'params.period' },
): Promise<EntryKey> {
  const set = catalogue.dataSetByCode.get(code);
  if (!set) throw notFound('dataSet', code);
  const region = await indicatorRegionRepository.region(db, regionCode);
  if (!region) throw notFound('region', regionCode);
  const errors: ServerFieldError[] = [];
  if (region.level !== set.region_level) {
    errors.push({
      field: fields.region,
      message: message('indicator.wrongLevel', {
        set: set.name,
        setLevel: set.region_level,
        region: region.name,
        level: region.level,
      }),
    });
  }
  if (indicatorPeriodType(period) !== set.period_type) {
    errors.push({
      field: fields.period,
      message: message('indicator.notSuchPeriod', {
        set: set.name,
        periodType: message(`periodType.${IndicatorPeriodType.parse(set.period_type)}`),
        period,
      }),
    });
  } else if (indicatorPeriodBounds(period).start > chinaDate(new Date())) {
    errors.push({ field: fields.period, message: message('indicator.periodNotStarted', { period }) });
  }
  if (errors.length > 0) throw invalid(errors);
  return { set, region, period };
}

type EntryRow = { status: string; return_reason: string | null } | undefined;

const entryRow = (db: Db, key: EntryKey, forUpdate = false): Promise<EntryRow> =>
  entryRepository.entry(db, key, forUpdate);

const statusOf = (row: EntryRow): EntryStatus => (row ? EntryStatus.parse(row.status) : 'empty');

async function entryView(db: Db, actor: Actor, key: EntryKey): Promise<EntryView> {
  const [row, values, history] = await Promise.all([
    entryRow(db, key),
    entryRepository.values(db, key),
    entryRepository.history(db, key),
  ]);
  const status = statusOf(row);
  const byElement = new Map(values.map((v) => [v.data_element_code, v]));
  return {
    dataSet: { code: key.set.code, name: key.set.name, periodType: IndicatorPeriodType.parse(key.set.period_type) },
    region: { code: key.region.code, name: key.region.name, level: key.region.level },
    period: key.period,
    status,
    nextApprovalLevel: nextApprovalLevel(status, key.set.region_level),
    returnReason: status === 'returned' ? (row?.return_reason ?? null) : null,
    values: key.set.elements.map((e) => {
      const v = byElement.get(e.code);
      return {
        element: e.code,
        value: v?.value ?? null,
        comment: v?.comment ?? null,
        source: (v?.source ?? null) as EntryView['values'][number]['source'],
        updatedAt: v ? new Date(v.updated_at).toISOString() : null,
      };
    }),
    history: history.map((h) => ({
      action: h.action as EntryAction,
      fromStatus: EntryStatus.parse(h.from_status),
      toStatus: EntryStatus.parse(h.to_status),
      reason: h.reason,
      actor: { id: h.actor_id ?? SYSTEM_USER, displayName: h.actor_name },
      at: new Date(h.at).toISOString(),
    })),
    can: entryPermissions(actor, key, status),
  };
}

export async function getEntry(db: Db, actor: Actor, code: string, regionCode: string, period: string) {
  authorize(actor, 'indicator.read');
  const key = await resolveEntry(db, await loadCatalogue(db), code, regionCode, period);
  assertInScope(actor, key.region.path);
  const notTheirForm = entryFormRefusal(actor, key.region.path);
  if (notTheirForm) throw forbidden(notTheirForm);
  return entryView(db, actor, key);
}

/**
 * Checks values about to be saved against the elements and the saved values: known element,
 * number rules (integer, min, max), numerator ≤ denominator for percentages. `field(code)` names the
 * field in errors (`body.values.<code>`, or a row and column of an Excel sheet).
 */
export function checkValues(
  catalogue: Catalogue,
  set: DataSetRow,
  saved: ReadonlyMap<string, number>,
  incoming: Readonly<Record<string, number | null>>,
  field: (code: string) => string,
): ServerFieldError[] {
  const errors: ServerFieldError[] = [];
  const elements = new Map(set.elements.map((e) => [e.code, e]));
  const merged = new Map(saved);
  for (const [code, value] of Object.entries(incoming)) {
    const element = elements.get(code);
    if (!element) {
      errors.push({ field: field(code), message: message('indicator.noElement', { set: set.name, code }) });
      continue;
    }
    if (value === null) {
      merged.delete(code);
      continue;
    }
    const problem = valueProblem(value, element);
    if (problem)
      errors.push({
        field: field(code),
        message: message('indicator.elementProblem', { element: element.name, problem }),
      });
    merged.set(code, value);
  }
  for (const rule of dataSetView(set, catalogue).rules) {
    const num = merged.get(rule.numerator);
    const den = merged.get(rule.denominator);
    if (num !== undefined && den !== undefined && num > den) {
      const n = elements.get(rule.numerator)!;
      const d = elements.get(rule.denominator)!;
      errors.push({
        field: field(rule.numerator in incoming ? rule.numerator : rule.denominator),
        message: message('indicator.numeratorExceeds', { numerator: n.name, num, denominator: d.name, den }),
      });
    }
  }
  return errors;
}

/** Saved entry values of an element → value map. */
async function savedValues(db: Db, key: EntryKey): Promise<Map<string, number>> {
  return new Map((await entryRepository.values(db, key)).map((v) => [v.data_element_code, v.value]));
}

async function writeEvent(
  trx: Trx,
  ctx: Ctx,
  key: EntryKey,
  action: EntryAction,
  from: EntryStatus,
  to: EntryStatus,
  reason: string | null,
  detail?: unknown,
) {
  await entryRepository.recordMove(trx, crypto.randomUUID(), key, {
    action,
    from,
    to,
    reason,
    actorId: userIdOf(ctx.actor),
    actorName: ctx.actor.displayName,
  });
  await recordAudit(
    trx,
    { actor: ctx.actor, requestId: ctx.requestId },
    {
      action: `data.${action}`,
      entityType: 'data_entry',
      entityId: `${key.set.code}/${key.region.code}/${key.period}`,
      regionCode: key.region.code,
      prefectureCode: key.region.prefecture_code,
      before: { status: from },
      after: { status: to, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) },
    },
  );
}

/**
 * Writes values of one entry as a draft in the caller's transaction (validated already): upserts the
 * entry observations, deletes cleared ones, moves the status to draft.
 */
export async function writeValues(
  trx: Trx,
  ctx: Ctx,
  key: EntryKey,
  values: Readonly<Record<string, number | null>>,
  comments: Readonly<Record<string, string | null>>,
  source: 'form' | 'excel',
): Promise<number> {
  const row = await entryRow(trx, key, true);
  const status = statusOf(row);
  enforceEntry(ctx.actor, key, status, source === 'form' ? 'save' : 'import');
  let written = 0;
  for (const [code, value] of Object.entries(values)) {
    if (value === null) {
      await entryRepository.clearValue(trx, key, code);
      continue;
    }
    const comment = comments[code] ?? null;
    await entryRepository.writeValue(
      trx,
      key,
      { code, value, source, comment, enteredBy: userIdOf(ctx.actor) },
      code in comments,
    );
    written++;
  }
  // Comments on elements whose value is not in this request.
  for (const [code, comment] of Object.entries(comments)) {
    if (code in values) continue;
    await entryRepository.writeComment(trx, key, code, comment);
  }
  await writeEvent(trx, ctx, key, source === 'form' ? 'save' : 'import', status, 'draft', null, {
    values: written,
  });
  return written;
}

export async function saveEntry(
  db: Db,
  ctx: Ctx,
  code: string,
  regionCode: string,
  period: string,
  body: SaveEntryRequest,
): Promise<EntryView> {
  authorize(ctx.actor, 'data.enter');
  const catalogue = await loadCatalogue(db);
  const key = await resolveEntry(db, catalogue, code, regionCode, period);
  enforceEntry(ctx.actor, key, statusOf(await entryRow(db, key)), 'save');
  const comments = body.comments ?? {};
  const saved = await savedValues(db, key);
  const errors = checkValues(catalogue, key.set, saved, body.values, (c) => `body.values.${c}`);
  const elementCodes = new Set(key.set.elements.map((e) => e.code));
  for (const c of Object.keys(comments)) {
    if (!elementCodes.has(c))
      errors.push({
        field: `body.comments.${c}`,
        message: message('indicator.noElement', { set: key.set.name, code: c }),
      });
    else if (comments[c] && !(c in body.values ? body.values[c] !== null : saved.has(c))) {
      errors.push({ field: `body.comments.${c}`, message: message('indicator.valueBeforeComment') });
    }
  }
  if (errors.length > 0) throw invalid(errors);
  await db.transaction().execute(async (trx) => {
    await writeValues(trx, ctx, key, body.values, comments, 'form');
    await emitEvent(trx, { name: 'data-entry.saved', payload: entryPayload(key) });
  });
  return entryView(db, ctx.actor, key);
}

async function transition(
  db: Db,
  ctx: Ctx,
  code: string,
  regionCode: string,
  period: string,
  action: 'submit' | 'approve' | 'return',
  reason: string | null,
): Promise<EntryView> {
  authorize(ctx.actor, action === 'submit' ? 'data.enter' : 'data.approve');
  const catalogue = await loadCatalogue(db);
  const key = await resolveEntry(db, catalogue, code, regionCode, period);
  await db.transaction().execute(async (trx) => {
    const status = statusOf(await entryRow(trx, key, true));
    enforceEntry(ctx.actor, key, status, action);
    let to: EntryStatus;
    if (action === 'submit') {
      const saved = await savedValues(trx, key);
      const missing = key.set.elements.filter((e) => e.required && !saved.has(e.code));
      if (missing.length > 0) {
        throw invalid(
          missing.map((e) => ({
            field: `values.${e.code}`,
            message: message('indicator.required', { element: e.name }),
          })),
          message('indicator.requiredMissing', { count: missing.length, names: missing.map((e) => e.name) }),
        );
      }
      to = 'submitted';
    } else if (action === 'approve') {
      to = nextApprovalLevel(status, key.set.region_level) === 2 ? 'approved_city' : 'approved_province';
    } else {
      to = 'returned';
    }
    await writeEvent(trx, ctx, key, action, status, to, reason);
    await emitEvent(trx, { name: 'data-entry.transitioned', payload: { action, entries: [entryOf(key)] } });
  });
  return entryView(db, ctx.actor, key);
}

export const submitEntry = (db: Db, ctx: Ctx, code: string, regionCode: string, period: string) =>
  transition(db, ctx, code, regionCode, period, 'submit', null);
export const approveEntry = (db: Db, ctx: Ctx, code: string, regionCode: string, period: string) =>
  transition(db, ctx, code, regionCode, period, 'approve', null);
export const returnEntry = (db: Db, ctx: Ctx, code: string, regionCode: string, period: string, reason: string) =>
  transition(db, ctx, code, regionCode, period, 'return', reason);

/**
 * The data set and the region a list or a template of entries is asked for: 404 for an unknown set
 * or region, 403 for a region outside the actor's scope, 400 naming `querystring.period` for a
 * period that is not of the set's kind.
 */
export async function dataSetUnder(db: Db, actor: Actor, code: string, regionCode: string, period: string) {
  const catalogue = await loadCatalogue(db);
  const set = catalogue.dataSetByCode.get(code);
  if (!set) throw notFound('dataSet', code);
  const root = await indicatorRegionRepository.region(db, regionCode);
  if (!root) throw notFound('region', regionCode);
  assertInScope(actor, root.path);
  if (indicatorPeriodType(period) !== set.period_type) {
    throw invalid([
      {
        field: 'querystring.period',
        message: message('indicator.wrongPeriodType', {
          set: set.name,
          periodType: message(`periodType.${IndicatorPeriodType.parse(set.period_type)}`),
        }),
      },
    ]);
  }
  return { set, root };
}

/** Every reporting region of the data set under `regionCode`, with its entry status for the period. */
export async function listEntries(
  db: Db,
  actor: Actor,
  code: string,
  regionCode: string,
  period: string,
): Promise<EntryList> {
  authorize(actor, 'indicator.read');
  const { set, root } = await dataSetUnder(db, actor, code, regionCode, period);
  const regions = await reportingRegionsUnder(db, set, root);
  const regionCodes = regions.map((r) => r.code);
  const [entries, counts] = await Promise.all([
    entryRepository.entriesOf(db, code, period, regionCodes),
    entryRepository.valueCounts(db, code, period, regionCodes),
  ]);
  const entryBy = new Map(entries.map((e) => [e.region_code, e]));
  const filled = new Map(counts.map((c) => [c.region_code, Number(c.n)]));
  const statusCounts = Object.fromEntries(EntryStatus.options.map((s) => [s, 0])) as EntryList['counts'];
  const items = regions.map((r) => {
    const e = entryBy.get(r.code);
    const status = EntryStatus.parse(e?.status ?? 'empty');
    statusCounts[status]++;
    const key: EntryKey = { set, region: r, period };
    return {
      region: { code: r.code, name: r.name, level: r.level },
      status,
      filled: filled.get(r.code) ?? 0,
      expected: set.elements.length,
      updatedAt: e ? new Date(e.updated_at).toISOString() : null,
      returnReason: status === 'returned' ? (e?.return_reason ?? null) : null,
      can: entryPermissions(actor, key, status),
    };
  });
  return {
    dataSet: { code: set.code, name: set.name, periodType: IndicatorPeriodType.parse(set.period_type) },
    period,
    items,
    counts: statusCounts,
  };
}

/** The regions that report a data set inside a region (the region itself when it reports it). */
export async function reportingRegionsUnder(db: Db, set: DataSetRow, root: { path: string }): Promise<EntryRegion[]> {
  return indicatorRegionRepository.regionsUnder(db, set.region_level, root.path);
}

/** Approves many entries of one period at once, all or nothing. */
export async function bulkApprove(
  db: Db,
  ctx: Ctx,
  code: string,
  body: { period: string; regionCodes: string[] },
): Promise<{ approved: number }> {
  authorize(ctx.actor, 'data.approve');
  const catalogue = await loadCatalogue(db);
  const keys: EntryKey[] = [];
  for (const [i, regionCode] of body.regionCodes.entries()) {
    keys.push(
      await resolveEntry(db, catalogue, code, regionCode, body.period, {
        region: `body.regionCodes.${i}`,
        period: 'body.period',
      }),
    );
  }
  await db.transaction().execute(async (trx) => {
    for (const key of keys) {
      const status = statusOf(await entryRow(trx, key, true));
      enforceEntry(ctx.actor, key, status, 'approve');
      const to = nextApprovalLevel(status, key.set.region_level) === 2 ? 'approved_city' : 'approved_province';
      await writeEvent(trx, ctx, key, 'approve', status, to, null);
    }
    await emitEvent(trx, {
      name: 'data-entry.transitioned',
      payload: { action: 'approve', entries: keys.map(entryOf) },
    });
  });
  return { approved: keys.length };
}

/**
 * Entries awaiting the actor's approval under a region, oldest first: for a city, its counties'
 * submitted entries; for the province, entries approved by a city and submitted prefecture entries.
 * Keyset-paged on (updated_at, data set, region, period).
 */
export async function approvalQueue(
  db: Db,
  actor: Actor,
  query: { region?: string; cursor?: string; limit: number },
): Promise<ApprovalQueue> {
  authorize(actor, 'data.approve');
  const regionCode = query.region ?? actor.regionCode;
  const root = await indicatorRegionRepository.region(db, regionCode);
  if (!root) throw notFound('region', regionCode);
  assertInScope(actor, root.path);
  const level = levelOfPath(actor.regionPath);
  if (level > 2) return { items: [], nextCursor: null };
  let after: [string, string, string, string] | null = null;
  if (query.cursor) {
    try {
      after = JSON.parse(cursor.decode(query.cursor)!) as [string, string, string, string];
      if (!Array.isArray(after) || after.length !== 4) throw new Error('bad cursor');
    } catch {
      throw invalid([{ field: 'querystring.cursor', message: message('field.badCursor') }]);
    }
  }
  const rows = await entryRepository.approvalQueue(db, root.path, level, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      dataSet: { code: r.data_set_code, name: r.set_name, periodType: IndicatorPeriodType.parse(r.period_type) },
      period: r.period,
      region: { code: r.region_code, name: r.region_name, level: r.region_level },
      status: EntryStatus.parse(r.status),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? cursor.encode(JSON.stringify([last.updated_key, last.data_set_code, last.region_code, last.period]))
        : null,
  };
}
