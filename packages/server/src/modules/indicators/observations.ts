import type { Kysely, Transaction } from 'kysely';
import {
  message,
  indicatorPeriodType,
  IndicatorPeriod,
  sourceKindPrecedence,
  IndicatorPeriodType,
  type LocalizedMessage,
  type ObservationSource,
  type ObservationSourceKind,
  distributionCode,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid, type ServerFieldError } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { loadCatalogue } from './catalogue.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { observationRepository } from './observation-repository.ts';
import { indicatorRegionRepository } from './region-repository.ts';

/*
 * The observation store: every figure, whoever wrote it. People's entries go through data entry
 * (entry.ts); other modules (cases, volunteers, evaluation) call recordObservations in their own
 * transaction. See docs/api/indicators.md "Writing observations from another module".
 */

export type ObservationInput = {
  /** Data element code, e.g. 'cases-closed'. */
  element: string;
  /** A region at the level of the element's data set. */
  regionCode: string;
  /** A period of the data set's period type ('2019', '2019Q3', '2019-07'). */
  period: string;
  value: number;
  source: Exclude<ObservationSource, 'form' | 'excel'>;
  comment?: string;
};

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Writes figures from another module (or the demo generator) in the caller's transaction: each row
 * is upserted on (element, region, period, source kind); one audit row covers the call. Rows that
 * name an unknown element, a region of the wrong level, a period of the wrong type or a value out
 * of the element's range throw a 400 naming `rows[i].<field>`, so the caller's transaction rolls
 * back.
 */
export async function recordObservations(
  trx: Transaction<Database>,
  actor: Actor,
  rows: readonly ObservationInput[],
  options: { audit?: boolean } = {},
): Promise<{ written: number }> {
  if (rows.length === 0) return { written: 0 };
  const catalogue = await loadCatalogue(trx);
  const codes = [...new Set(rows.map((r) => r.regionCode))];
  const regions = new Map<string, { level: number; prefecture_code: string | null }>();
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await indicatorRegionRepository.levels(trx, codes.slice(i, i + 5000));
    for (const r of found) regions.set(r.code, r);
  }
  const errors: ServerFieldError[] = [];
  const values = rows.map((row, i) => {
    const field = (f: string) => `rows[${i}].${f}`;
    const element = catalogue.elementByCode.get(row.element);
    if (!element) {
      errors.push({ field: field('element'), message: message('indicator.noDataElement', { code: row.element }) });
      return null;
    }
    const set = catalogue.dataSetByCode.get(element.data_set_code)!;
    const region = regions.get(row.regionCode);
    if (!region)
      errors.push({ field: field('regionCode'), message: message('field.noRegion', { code: row.regionCode }) });
    else if (region.level !== set.region_level) {
      errors.push({
        field: field('regionCode'),
        message: message('indicator.setWrongLevel', {
          set: set.code,
          setLevel: set.region_level,
          region: row.regionCode,
          level: region.level,
        }),
      });
    }
    if (!IndicatorPeriod.safeParse(row.period).success || indicatorPeriodType(row.period) !== set.period_type) {
      errors.push({
        field: field('period'),
        message: message('indicator.usePeriodOf', {
          periodType: message(`periodType.${IndicatorPeriodType.parse(set.period_type)}`),
          set: set.code,
        }),
      });
    }
    const problem = valueProblem(row.value, element);
    if (problem) errors.push({ field: field('value'), message: problem });
    return {
      data_set_code: set.code,
      data_element_code: element.code,
      region_code: row.regionCode,
      prefecture_code: distributionCode(row.regionCode, region?.prefecture_code ?? null),
      period: row.period,
      value: row.value,
      source: row.source,
      comment: row.comment ?? null,
      entered_by: null,
    };
  });
  if (errors.length > 0)
    throw invalid(errors.slice(0, 200), `${errors.length} observation(s) are invalid; nothing was written`);
  const valid = values.filter((v): v is NonNullable<typeof v> => v !== null);
  for (let i = 0; i < valid.length; i += 2000) {
    await observationRepository.upsert(trx, valid.slice(i, i + 2000));
  }
  await emitEvent(trx, {
    name: 'observation.recorded',
    payload: {
      count: valid.length,
      elements: [...new Set(valid.map((v) => v.data_element_code))],
      sources: [...new Set(rows.map((r) => r.source))],
    },
  });
  if (options.audit !== false) {
    const sources = [...new Set(rows.map((r) => r.source))];
    await recordAudit(
      trx,
      { actor },
      {
        action: 'observation.record',
        entityType: 'observation',
        entityId: sources.join(','),
        regionCode: actor.regionCode,
        after: {
          count: valid.length,
          elements: [...new Set(valid.map((v) => v.data_element_code))],
          periods: [...new Set(valid.map((v) => v.period))].sort(),
        },
      },
    );
  }
  return { written: valid.length };
}

/** Why a value cannot be stored for an element, or null. */
export function valueProblem(
  value: number,
  element: { name: string; is_integer: boolean; min_value: number | null; max_value: number | null },
): LocalizedMessage | null {
  if (!Number.isFinite(value)) return message('indicator.mustBeNumber');
  if (element.is_integer && !Number.isInteger(value))
    return message('indicator.mustBeWhole', { element: element.name });
  if (element.min_value !== null && value < element.min_value)
    return message('indicator.atLeast', { min: element.min_value });
  if (element.max_value !== null && value > element.max_value)
    return message('indicator.atMost', { max: element.max_value });
  return null;
}

/** A figure as the aggregation reads it. */
export type Figure = {
  element: string;
  regionCode: string;
  period: string;
  value: number;
  sourceKind: ObservationSourceKind;
  /** Approved by the province, or written by a module / the demo (no approval). */
  approved: boolean;
  /**
   * When the figure was first known (ISO timestamp), for timeliness: an entry's first submission,
   * otherwise when the observation was first written.
   */
  knownAt: string | null;
  /**
   * The data stamp (ISO timestamp): the last change of the figure or of its entry's approval state
   * (submission, approval) taken into account. A status computed from figures records the latest
   * of their stamps, and reading the figures as of that stamp reproduces it (issue 16).
   */
  stamp: string;
  /** Read as of a stamp: the value was changed after it (returned and corrected, re-imported). */
  revised: boolean;
};

const COUNTED_ENTRY = new Set(['submitted', 'approved_city', 'approved_province']);

/**
 * The figures of a data set's elements in a region's subtree that count: entries submitted or
 * approved (drafts and returned entries do not), and every module or demo figure. Where several
 * source kinds hold one (element, region, period), the first of `sourceKindPrecedence` wins.
 *
 * With `dataAsOf` (an ISO timestamp, a status's data stamp) the figures are read as they counted
 * then: observations written later are left out, and an entry counts, and is approved, by its
 * state at that moment (from its event history). A value overwritten since (an entry returned and
 * corrected, a module's figure rewritten) cannot be recovered: it is read as it is now and marked
 * `revised`.
 */
export async function readFigures(
  db: Db,
  dataSetCode: string,
  elements: readonly string[],
  /** The reporting regions to read (their codes), or null for every region. */
  regionCodes: readonly string[] | null,
  dataAsOf: string | null = null,
): Promise<Figure[]> {
  if (elements.length === 0 || regionCodes?.length === 0) return [];
  // Stamps are written to the millisecond; the database keeps microseconds: everything before the
  // next millisecond was known at the stamp.
  const before = dataAsOf === null ? null : new Date(Date.parse(dataAsOf) + 1);
  const rows = await observationRepository.figures(db, dataSetCode, elements, regionCodes, before);
  const events = await observationRepository.entryEvents(db, dataSetCode, regionCodes, before);
  const iso = (d: Date | string) => new Date(d).toISOString();
  // Per entry: its first submission, its last state change (and the state it led to).
  const entries = new Map<string, { firstSubmit: string | null; lastAt: string; status: string }>();
  for (const ev of events) {
    const key = `${ev.region_code}|${ev.period}`;
    const entry = entries.get(key) ?? { firstSubmit: null, lastAt: iso(ev.at), status: ev.to_status };
    if (ev.action === 'submit' && entry.firstSubmit === null) entry.firstSubmit = iso(ev.at);
    entry.lastAt = iso(ev.at);
    entry.status = ev.to_status;
    entries.set(key, entry);
  }
  const rank = (kind: string) => sourceKindPrecedence.indexOf(kind as ObservationSourceKind);
  const best = new Map<string, Figure>();
  for (const row of rows) {
    const kind = row.source_kind as ObservationSourceKind;
    const entry = kind === 'entry' ? entries.get(`${row.region_code}|${row.period}`) : undefined;
    // As of a stamp an entry's state is the one its history had then; otherwise the current one.
    const status = dataAsOf !== null ? (entry?.status ?? null) : row.status;
    if (kind === 'entry' && !COUNTED_ENTRY.has(status ?? '')) continue;
    const key = `${row.data_element_code}|${row.region_code}|${row.period}`;
    const current = best.get(key);
    if (current && rank(current.sourceKind) <= rank(kind)) continue;
    const updated = iso(row.updated_at);
    const revised = dataAsOf !== null && updated > iso(dataAsOf);
    const changed = revised ? iso(row.created_at) : updated;
    best.set(key, {
      element: row.data_element_code,
      regionCode: row.region_code,
      period: row.period,
      value: row.value,
      sourceKind: kind,
      approved: kind !== 'entry' || status === 'approved_province',
      knownAt: kind === 'entry' ? (entry?.firstSubmit ?? null) : iso(row.created_at),
      stamp: entry && entry.lastAt > changed ? entry.lastAt : changed,
      revised,
    });
  }
  return [...best.values()];
}
