import crypto from 'node:crypto';
import {
  message,
  renderMessage,
  checkEligibility,
  cycleTotal,
  annualScore,
  refuseChange,
  titleStateAt,
  titleStatesAt,
  titlePrerequisite,
  TitleKind,
  type TitleChange,
  type TitleEvent,
  type TitleSourceKind,
  type TitleState,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { regionLookup } from '../regions/index.ts';
import { todayInChina } from '../supervision/index.ts';
import { frameworkRepository } from './framework-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { roundRepository } from './round-repository.ts';
import {
  countTitlesUnder,
  titleRepository,
  titleStatesUnder,
  toTitleEvent,
  type TitleEventRow,
} from './titles-repository.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

export type NewTitleEvent = {
  regionCode: string;
  prefectureCode: string | null;
  title: TitleKind;
  change: TitleChange;
  effectiveOn: string;
  endsOn: string | null;
  reason: string;
  sourceKind: TitleSourceKind;
  sourceId: string;
};

/**
 * Records one title event inside the caller's transaction, with its audit row. Refuses a
 * change that does not fit the title's state on its effective date (409 naming why).
 */
export async function writeTitleEvent(trx: Db, ctx: Context, event: NewTitleEvent): Promise<string> {
  const history = (await titleRepository.listForRegion(trx, event.regionCode)).map(toTitleEvent);
  const state = titleStateAt(history, event.title, event.effectiveOn);
  const refusal = refuseChange(state, event.change);
  if (refusal) throw conflict(refusal, [{ field: 'body.change', message: refusal }]);
  const id = crypto.randomUUID();
  const row = {
    id,
    region_code: event.regionCode,
    prefecture_code: event.prefectureCode,
    title: event.title,
    change: event.change,
    effective_on: event.effectiveOn,
    ends_on: event.endsOn,
    reason: event.reason,
    source_kind: event.sourceKind,
    source_id: event.sourceId,
    recorded_by: ctx.actor.userId === SYSTEM_USER ? null : ctx.actor.userId,
    recorded_by_name: ctx.actor.username,
  };
  await titleRepository.insert(trx, row);
  await recordAudit(trx, ctx, {
    action: `title.${event.change}`,
    entityType: 'region_title_event',
    entityId: id,
    regionCode: event.regionCode,
    prefectureCode: event.prefectureCode,
    after: row,
  });
  await emitEvent(trx, {
    name: 'title-event.recorded',
    payload: { titleEventId: id, regionCode: event.regionCode, prefectureCode: event.prefectureCode },
  });
  return id;
}

function presentTitleEvent(row: TitleEventRow): TitleEvent {
  return {
    id: row.id,
    regionCode: row.region_code,
    title: row.title as TitleKind,
    change: row.change as TitleChange,
    effectiveOn: row.effective_on,
    endsOn: row.ends_on,
    reason: row.reason,
    sourceKind: row.source_kind as TitleSourceKind,
    sourceId: row.source_id,
    recordedBy: row.recorded_by_name,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

const presentState = (s: TitleState) => ({ ...s });

/**
 * The facts eligibility needs from the evaluation: whether the cycle ending in the award
 * year is scored (a published year-end result every year) and the latest minors' gate,
 * under the framework edition most recently used for the region.
 */
async function eligibilityFacts(db: Db, regionCode: string, at: string) {
  const latest = await titleRepository.latestYearEndResult(db, regionCode, at);
  if (!latest) return { cycleYears: null, cycleComplete: null, minorsGatePassed: null };
  const f = (await frameworkRepository.findById(db, latest.framework_id))!;
  const doc = (await frameworkRepository.findVersion(db, f.id, f.current_version))!.document;
  const year = Number(at.slice(0, 4));
  const from = year - doc.cycle.years + 1;
  const rows = (await roundRepository.publishedResults(db, f.id, from, year)).filter(
    (r) => r.region_code === regionCode,
  );
  const annual = Array.from({ length: doc.cycle.years }, (_, i) => {
    const inYear = rows.filter((r) => r.year === from + i);
    const yearEnd = inYear.filter((r) => r.kind === 'year_end').at(-1)?.total ?? null;
    return annualScore(
      doc.annual,
      inYear.filter((r) => r.kind === 'routine').map((r) => r.total),
      yearEnd,
    );
  });
  return {
    cycleYears: doc.cycle.years,
    cycleComplete: cycleTotal(doc.cycle, annual).complete,
    minorsGatePassed: latest.minors_gate_passed,
  };
}

/** The default cycle length when a region has no evaluation yet: the first framework's. */
async function defaultCycleYears(db: Db): Promise<number> {
  const [first] = await frameworkRepository.list(db);
  return first ? first.document.cycle.years : 3;
}

/** A region's title history, its state at a date, and eligibility for each title explained. */
export async function regionTitleHistory(
  db: Db,
  actor: Actor,
  regionCode: string,
  language: 'zh' | 'en',
  at = todayInChina(),
) {
  evaluationPolicy.canRead(actor);
  const region = await regionLookup.findByCode(db, regionCode);
  if (!region) throw notFound('region', regionCode);
  assertInScope(actor, region.path);
  const rows = await titleRepository.listForRegion(db, regionCode);
  const events = rows.map(toTitleEvent);
  const facts = await eligibilityFacts(db, regionCode, at);
  const cycleYears = facts.cycleYears ?? (await defaultCycleYears(db));
  return {
    region: { code: region.code, name: region.name, path: region.path },
    at,
    state: titleStatesAt(events, at).map(presentState),
    events: rows.map(presentTitleEvent),
    eligibility: TitleKind.options.map((title) => {
      const result = checkEligibility(events, title, at, {
        cycleYears,
        cycleComplete: facts.cycleComplete,
        minorsGatePassed: facts.minorsGatePassed,
      });
      // Explained in the reader's language.
      return {
        ...result,
        checks: result.checks.map((c) => ({ ...c, explanation: renderMessage(c.explanation, language) })),
      };
    }),
  };
}

/**
 * A title decision by the province (title.write): award, reinstatement, expiry or an explicit
 * suspension, bar or revocation, always with a reason and the decision document. An award
 * the eligibility rules refuse is a 409 listing the failed checks.
 */
export async function recordTitleDecision(
  db: Db,
  ctx: Context,
  regionCode: string,
  request: {
    title: TitleKind;
    change: TitleChange;
    effectiveOn: string;
    endsOn?: string;
    reason: string;
    decisionRef: string;
  },
): Promise<TitleEvent> {
  authorize(ctx.actor, 'title.write');
  const region = await titleRepository.findRegion(db, regionCode);
  if (!region) throw notFound('region', regionCode);
  assertInScope(ctx.actor, region.path);
  if (request.endsOn && !['suspended', 'barred'].includes(request.change)) {
    throw invalid([{ field: 'body.endsOn', message: message('title.endOnlySuspension') }]);
  }
  if (request.endsOn && request.endsOn < request.effectiveOn) {
    throw invalid([{ field: 'body.endsOn', message: message('title.endsBeforeEffect') }]);
  }
  if (request.change === 'awarded') {
    const events = (await titleRepository.listForRegion(db, regionCode)).map(toTitleEvent);
    const facts = await eligibilityFacts(db, regionCode, request.effectiveOn);
    const result = checkEligibility(events, request.title, request.effectiveOn, {
      cycleYears: facts.cycleYears ?? (await defaultCycleYears(db)),
      cycleComplete: facts.cycleComplete,
      minorsGatePassed: facts.minorsGatePassed,
    });
    if (!result.eligible) {
      throw conflict(
        message('title.notEligible', {
          region: region.name,
          title: message(`titleKind.${request.title}`),
          date: request.effectiveOn,
        }),
        result.checks.filter((c) => !c.met).map((c) => ({ field: `eligibility.${c.rule}`, message: c.explanation })),
      );
    }
  }
  const id = await db.transaction().execute(async (trx) => {
    const written = await writeTitleEvent(trx, ctx, {
      regionCode,
      prefectureCode: region.prefecture_code,
      title: request.title,
      change: request.change,
      effectiveOn: request.effectiveOn,
      endsOn: request.endsOn ?? null,
      reason: request.reason,
      sourceKind: 'decision',
      sourceId: request.decisionRef,
    });
    // The award ends the nomination that led to it (the city is no longer a nominee).
    const prerequisite = titlePrerequisite[request.title];
    if (request.change === 'awarded' && prerequisite) {
      const events = (await titleRepository.listForRegion(trx, regionCode)).map(toTitleEvent);
      if (titleStateAt(events, prerequisite, request.effectiveOn).status === 'held') {
        await writeTitleEvent(trx, ctx, {
          regionCode,
          prefectureCode: region.prefecture_code,
          title: prerequisite,
          change: 'expired',
          effectiveOn: request.effectiveOn,
          endsOn: null,
          reason: `${request.reason}（获评后提名资格终止）`,
          sourceKind: 'decision',
          sourceId: request.decisionRef,
        });
      }
    }
    return written;
  });
  return presentTitleEvent((await titleRepository.findById(db, id))!);
}

/** Title states of the regions with a title history under a region, paged by region code. */
export async function listTitleStates(
  db: Db,
  actor: Actor,
  query: { under?: string; at?: string; cursor?: string; page?: number; limit: number },
) {
  evaluationPolicy.canRead(actor);
  const at = query.at ?? todayInChina();
  const path = await scopedPath(db, actor, query.under);
  const after = query.page === undefined ? (cursor.decode(query.cursor) ?? '') : '';
  const states = (await titleStatesUnder(db, path, at))
    .filter((s) => s.regionCode > after)
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  // A numbered page is cut from the same ordered states (derived from the events, not a table).
  const offset = query.page === undefined ? 0 : offsetOf(query.page, query.limit);
  const page = states.slice(offset, offset + query.limit);
  return {
    at,
    ...(query.page === undefined ? {} : { total: states.length }),
    items: page.map((s) => ({
      regionCode: s.regionCode,
      regionName: s.regionName,
      path: s.path,
      titles: s.titles.map(presentState),
    })),
    nextCursor: query.page === undefined && states.length > query.limit ? cursor.encode(page.at(-1)!.regionCode) : null,
  };
}

/** Title counts for the cockpit. */
export async function titleCounts(db: Db, actor: Actor, query: { under?: string; at?: string }) {
  evaluationPolicy.canRead(actor);
  const at = query.at ?? todayInChina();
  const path = await scopedPath(db, actor, query.under);
  return { ...(await countTitlesUnder(db, path, at)), under: path.split('/').at(-1)! };
}

async function scopedPath(db: Db, actor: Actor, under: string | undefined): Promise<string> {
  if (!under) return actor.regionPath;
  const region = await regionLookup.findByCode(db, under);
  if (!region) throw invalid([{ field: 'querystring.under', message: message('field.noRegion', { code: under }) }]);
  assertInScope(actor, region.path);
  return region.path;
}
