import crypto from 'node:crypto';
import {
  distributionCode,
  message,
  isWithinScope,
  roundTransitions,
  scorerConflict,
  thresholdEffects,
  titleStatesAt,
  type Assignment,
  type CityGroup,
  type CreateRoundRequest,
  type EvaluationMethod,
  type Round,
  type Role,
  type RoundStatus,
  type SanctionEffect,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import { AppError, conflict, invalid, notFound, type ServerFieldError } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { regionLookup } from '../regions/index.ts';
import { frameworkRepository } from './framework-repository.ts';
import { evaluationPolicy, type RoundAccess } from './policy.ts';
import { roundRepository, type RoundWithFramework } from './round-repository.ts';
import { publicationRepository, type PublicationRow } from './publication-repository.ts';
import { freezePublication } from './publications.ts';
import { presentPublication } from './scorecard.ts';
import { writeTitleEvent } from './titles.ts';
import { eventsByRegion } from './titles-repository.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

export type LoadedRound = {
  row: RoundWithFramework;
  access: RoundAccess;
  assignments: Awaited<ReturnType<typeof roundRepository.assignments>>;
};

/** A round with what the policy needs, or 404. */
export async function loadRound(db: Db, id: string): Promise<LoadedRound> {
  const row = await roundRepository.findById(db, id);
  if (!row) throw notFound('round', id);
  const assignments = await roundRepository.assignments(db, id);
  return {
    row,
    assignments,
    access: {
      ownerPath: row.owner_path,
      status: row.status,
      unannounced: row.unannounced,
      assignments: assignments.map((a) => ({ userId: a.user_id, method: a.method, regionCodes: a.region_codes })),
    },
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function presentRound(
  row: RoundWithFramework,
  regions: Awaited<ReturnType<typeof roundRepository.regions>>,
  assignments: LoadedRound['assignments'],
  publications: PublicationRow[] = [],
): Round {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Round['kind'],
    status: row.status as RoundStatus,
    year: row.year,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    testDate: row.test_date,
    ownerRegionCode: row.owner_region_code,
    framework: {
      id: row.framework_id,
      edition: row.framework_edition,
      name: row.framework_name,
      version: row.framework_version,
      isModel: row.framework_is_model,
    },
    unannounced: row.unannounced,
    regions: regions.map((r) => ({ code: r.code, name: r.name, path: r.path, cityGroup: r.city_group as CityGroup })),
    assignments: assignments.map((a): Assignment => ({
      userId: a.user_id,
      displayName: a.display_name,
      method: a.method as EvaluationMethod,
      regionCodes: a.region_codes,
    })),
    publishedAt: iso(row.published_at),
    publications: publications.map(presentPublication),
    createdAt: iso(row.created_at)!,
  };
}

export async function readRound(db: Db, actor: Actor, id: string): Promise<Round> {
  const round = await loadRound(db, id);
  const regions = await roundRepository.regions(db, id);
  evaluationPolicy.canSeeRound(
    actor,
    round.access,
    regions.map((r) => r.path),
  );
  return presentRound(round.row, regions, round.assignments, await publicationRepository.list(db, id));
}

/** Rounds the actor can see, newest first, cursor-paged. */
type RoundListItem = Omit<Round, 'regions' | 'assignments' | 'publications'> & { regionCount: number };

export async function listRounds(
  db: Db,
  actor: Actor,
  query: { status?: string; kind?: string; year?: number; cursor?: string; page?: number; limit: number },
): Promise<{ items: RoundListItem[]; nextCursor: string | null; total?: number }> {
  evaluationPolicy.canRead(actor);
  if (query.page !== undefined) {
    // Which rounds a person sees is decided per row (scope, assignment, unannounced), so a numbered
    // page reads the visible rounds in order and cuts its page from them; a province holds tens of rounds.
    const visible: RoundListItem[] = [];
    let next: string | undefined;
    do {
      const chunk = await listRounds(db, actor, { ...query, page: undefined, cursor: next, limit: 200 });
      visible.push(...chunk.items);
      next = chunk.nextCursor ?? undefined;
    } while (next);
    const offset = offsetOf(query.page, query.limit);
    return { items: visible.slice(offset, offset + query.limit), nextCursor: null, total: visible.length };
  }
  const decoded = cursor.decode(query.cursor);
  const before = decoded ? (JSON.parse(decoded) as { at: string; id: string }) : undefined;
  const items: RoundListItem[] = [];
  let next: { at: string; id: string } | undefined = before;
  // A scorer sees the rounds they are assigned to, even outside their scope (交叉测评, third parties).
  const assigned = new Set(await roundRepository.assignedRoundIds(db, actor.userId));
  // Rounds outside the scope are skipped; keep reading pages until this one is full.
  for (let guard = 0; guard < 20 && items.length < query.limit; guard++) {
    const rows = await roundRepository.list(db, { ...query, before: next, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const paths = await roundRepository.regionPathsOf(
      db,
      page.map((r) => r.id),
    );
    for (const row of page) {
      const visible =
        assigned.has(row.id) ||
        isWithinScope(actor.regionPath, row.owner_path) ||
        paths.some(
          (p) =>
            p.round_id === row.id &&
            (isWithinScope(actor.regionPath, p.path) || isWithinScope(p.path, actor.regionPath)),
        );
      next = { at: iso(row.created_at)!, id: row.id };
      // An unannounced round stays out of the evaluated regions' lists until it is published.
      const secret =
        row.unannounced &&
        row.status !== 'published' &&
        !isWithinScope(actor.regionPath, row.owner_path) &&
        !assigned.has(row.id);
      if (!visible || secret) continue;
      const { regions: _r, assignments: _a, publications: _p, ...round } = presentRound(row, [], []);
      items.push({ ...round, regionCount: Number(row.region_count) });
      if (items.length === query.limit) break;
    }
    if (rows.length <= query.limit) {
      next = undefined;
      break;
    }
  }
  return { items, nextCursor: next && items.length === query.limit ? cursor.encode(JSON.stringify(next)) : null };
}

/** A planned round for a set of regions under a framework edition's current version. */
export async function createRound(db: Db, ctx: Context, request: CreateRoundRequest): Promise<Round> {
  const owner = await regionLookup.findByCode(db, request.ownerRegionCode);
  if (!owner)
    throw invalid([
      { field: 'body.ownerRegionCode', message: message('field.noRegion', { code: request.ownerRegionCode }) },
    ]);
  evaluationPolicy.canManageAt(ctx.actor, owner.path);
  const framework = await frameworkRepository.findById(db, request.frameworkId);
  if (!framework) throw invalid([{ field: 'body.frameworkId', message: message('field.noFramework') }]);
  const version = (await frameworkRepository.findVersion(db, framework.id, framework.current_version))!;
  const doc = version.document;
  const errors: ServerFieldError[] = [];
  if (request.periodEnd < request.periodStart)
    errors.push({ field: 'body.periodEnd', message: message('field.endsBeforeStart') });
  const codes = request.regions.map((r) => r.code);
  const found = new Map((await roundRepository.regionsByCode(db, codes)).map((r) => [r.code, r]));
  const seen = new Set<string>();
  request.regions.forEach((r, i) => {
    const region = found.get(r.code);
    if (!region) errors.push({ field: `body.regions.${i}.code`, message: message('field.noRegion', { code: r.code }) });
    else if (!isWithinScope(owner.path, region.path)) {
      errors.push({
        field: `body.regions.${i}.code`,
        message: message('round.regionOutsideOwner', { region: region.name, owner: owner.name }),
      });
    }
    if (seen.has(r.code))
      errors.push({ field: `body.regions.${i}.code`, message: message('field.listedTwice', { code: r.code }) });
    seen.add(r.code);
    if (!doc.cityGroups.includes(r.cityGroup)) {
      errors.push({
        field: `body.regions.${i}.cityGroup`,
        message: message('round.groupNotCovered', {
          edition: framework.edition,
          groups: doc.cityGroups.map((g) => message(`cityGroup.${g}`)),
          group: message(`cityGroup.${r.cityGroup}`),
        }),
      });
    }
  });
  if (errors.length > 0) throw invalid(errors);
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await roundRepository.insert(trx, {
      id,
      name: request.name,
      kind: request.kind,
      year: request.year,
      period_start: request.periodStart,
      period_end: request.periodEnd,
      test_date: request.testDate,
      owner_region_code: owner.code,
      framework_id: framework.id,
      framework_version_id: version.id,
      unannounced: request.unannounced,
      created_by: ctx.actor.userId,
    });
    await roundRepository.insertRegions(
      trx,
      request.regions.map((r) => ({
        round_id: id,
        region_code: r.code,
        // the entries of the region copy it: their distribution column (decision 0196)
        prefecture_code: distributionCode(r.code, found.get(r.code)!.prefecture_code),
        city_group: r.cityGroup,
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'evaluation.round.create',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: owner.code,
      after: { ...request, frameworkVersion: version.version },
    });
  });
  return readRound(db, ctx.actor, id);
}

/** Replaces the scorer assignments of a round not yet under review. */
export async function assignScorers(
  db: Db,
  ctx: Context,
  id: string,
  assignments: { userId: string; method: EvaluationMethod; regionCodes: string[] }[],
): Promise<Round> {
  const round = await loadRound(db, id);
  evaluationPolicy.canManageAt(ctx.actor, round.row.owner_path);
  if (round.row.status === 'under_review' || round.row.status === 'published') {
    throw conflict(message('round.assignmentsFixed', { status: message(`roundStatus.${round.row.status}`) }));
  }
  const roundRegions = await roundRepository.regions(db, id);
  const regionCodes = new Set(roundRegions.map((r) => r.code));
  const errors: ServerFieldError[] = [];
  const conflicts: ServerFieldError[] = [];
  const users = await roundRepository.scorerAccounts(
    db,
    assignments.map((a) => a.userId),
  );
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    const user = users.find((u) => u.id === a.userId);
    if (!user || user.disabled)
      errors.push({ field: `body.assignments.${i}.userId`, message: message('round.noActiveAccount') });
    else if (!['province_admin', 'city_admin', 'inspector'].includes(user.role)) {
      errors.push({
        field: `body.assignments.${i}.userId`,
        message: message('round.roleCannotScore', { role: message(`role.${user.role as Role}`) }),
      });
    }
    a.regionCodes.forEach((c, j) => {
      if (!regionCodes.has(c))
        errors.push({
          field: `body.assignments.${i}.regionCodes.${j}`,
          message: message('round.regionNotInRound', { code: c }),
        });
    });
    // 回避: nobody is assigned a region their own office belongs to or oversees.
    if (user) {
      const covered =
        a.regionCodes.length === 0 ? roundRegions : roundRegions.filter((r) => a.regionCodes.includes(r.code));
      for (const r of covered) {
        if (scorerConflict(user.region_path, r.path, round.row.owner_path)) {
          conflicts.push({
            field: `body.assignments.${i}.userId`,
            message: message('round.scorerConflict', { user: user.display_name, region: r.name, code: r.code }),
          });
        }
      }
    }
    const key = `${a.userId}:${a.method}`;
    if (seen.has(key)) errors.push({ field: `body.assignments.${i}.method`, message: message('round.methodTwice') });
    seen.add(key);
  });
  if (errors.length > 0) throw invalid(errors);
  if (conflicts.length > 0)
    throw new AppError(
      'SCORER_CONFLICT',
      message('round.scorerConflicts', { list: conflicts.map((c) => c.message) }),
      conflicts,
    );
  await db.transaction().execute(async (trx) => {
    await roundRepository.replaceAssignments(
      trx,
      id,
      assignments.map((a) => ({ round_id: id, user_id: a.userId, method: a.method, region_codes: a.regionCodes })),
    );
    await recordAudit(trx, ctx, {
      action: 'evaluation.round.assign',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.row.owner_region_code,
      before: round.access.assignments,
      after: assignments,
    });
  });
  return readRound(db, ctx.actor, id);
}

export type PublishEffect = { regionCode: string; label: string; effect: SanctionEffect; titleEventId: string | null };

/**
 * Moves a round along planned → open → scoring → under review → published (or one step back
 * before publication). Publishing is refused while a standard is unscored; it freezes every
 * region's whole scorecard as publication 1 and applies the framework's annual thresholds on
 * the date of the decision that publishes the results: each effect is recorded, and a
 * suspension writes a title event whose reason names the round and the total — all in one
 * transaction.
 */
export async function transitionRound(
  db: Db,
  ctx: Context,
  id: string,
  request: { to: RoundStatus; note: string; decidedOn?: string },
): Promise<{ round: Round; effects: PublishEffect[] }> {
  const { to, note } = request;
  const effects: PublishEffect[] = [];
  await db.transaction().execute(async (trx) => {
    const locked = await roundRepository.findByIdForUpdate(trx, id);
    if (!locked) throw notFound('round', id);
    const round = await loadRound(trx, id);
    evaluationPolicy.canManageAt(ctx.actor, round.row.owner_path);
    const from = locked.status as RoundStatus;
    if (!roundTransitions[from].includes(to)) {
      const allowed = roundTransitions[from].length
        ? roundTransitions[from].map((s) => message(`roundStatus.${s}`))
        : [message('round.nowhere')];
      const fromStatus = message(`roundStatus.${from}`);
      throw conflict(message('round.cannotMove', { from: fromStatus, to: message(`roundStatus.${to}`), allowed }), [
        { field: 'body.to', message: message('round.moveTo', { from: fromStatus, allowed }) },
      ]);
    }
    const publishedAt = new Date();
    if (to === 'published') {
      const decidedOn = request.decidedOn ?? null;
      if (locked.kind === 'year_end' && !decidedOn) {
        throw invalid([
          {
            field: 'body.decidedOn',
            message: message('round.giveDecisionDate'),
          },
        ]);
      }
      if (decidedOn && decidedOn < locked.test_date) {
        throw invalid([
          { field: 'body.decidedOn', message: message('round.decisionBeforeTest', { date: locked.test_date }) },
        ]);
      }
      const computed = await freezePublication(trx, ctx, round.row, {
        version: 1,
        decidedOn,
        reason: note || '首次发布',
        at: publishedAt,
      });
      if (locked.kind === 'year_end') {
        // Sanctions carry the date of the decision the results are published by, not today's.
        const decided = decidedOn!;
        const events = await eventsByRegion(
          trx,
          computed.regions.map((r) => r.region.code),
        );
        for (const { region, score } of computed.regions) {
          const states = titleStatesAt(events.get(region.code) ?? [], decided);
          for (const effect of thresholdEffects(computed.doc.thresholds, score.total, states, decided)) {
            if (!effect.applies) continue;
            let titleEventId: string | null = null;
            if (effect.titleEvent) {
              titleEventId = await writeTitleEvent(trx, ctx, {
                regionCode: region.code,
                prefectureCode: region.prefecture_code,
                ...effect.titleEvent,
                reason: `${locked.name}：${region.name}${effect.label}。${effect.explanation}`,
                sourceKind: 'round',
                sourceId: id,
              });
            }
            effects.push({ regionCode: region.code, label: effect.label, effect: effect.effect, titleEventId });
          }
        }
        await roundRepository.insertEffects(
          trx,
          effects.map((e) => ({
            id: crypto.randomUUID(),
            round_id: id,
            region_code: e.regionCode,
            effect: e.effect,
            label: e.label,
            title_event_id: e.titleEventId,
          })),
        );
      }
    }
    await roundRepository.update(trx, id, { status: to, ...(to === 'published' ? { published_at: publishedAt } : {}) });
    await recordAudit(trx, ctx, {
      action: to === 'published' ? 'evaluation.round.publish' : 'evaluation.round.transition',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.row.owner_region_code,
      before: { status: from },
      after: { status: to, note, effects: effects.length },
    });
  });
  return { round: await readRound(db, ctx.actor, id), effects };
}
