import crypto from 'node:crypto';
import { message, incidentEffects, titleStatesAt, type Incident, type PlannedEffect } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { frameworkRepository } from './framework-repository.ts';
import { incidentRepository, type IncidentRow } from './incident-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { attachmentLookup } from '../attachments/index.ts';
import { titleRepository, toTitleEvent } from './titles-repository.ts';
import { writeTitleEvent } from './titles.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

async function negativeListOf(db: Db, frameworkId: string) {
  const f = await frameworkRepository.findById(db, frameworkId);
  if (!f) return null;
  const doc = (await frameworkRepository.findVersion(db, f.id, f.current_version))!.document;
  return doc.negativeList;
}

/** The effects of an incident as the region's titles stood the day before the incident's own events. */
async function effectsOf(db: Db, row: IncidentRow): Promise<{ name: string; effects: PlannedEffect[] }> {
  const list = (await negativeListOf(db, row.framework_id)) ?? [];
  const entry = list.find((e) => e.code === row.category);
  if (!entry) return { name: row.category, effects: [] };
  // The incident's own title events would change the state it is judged on: leave them out.
  const events = (await titleRepository.listForRegion(db, row.region_code))
    .filter((e) => !(e.source_kind === 'incident' && e.source_id === row.id))
    .map(toTitleEvent);
  return { name: entry.name, effects: incidentEffects(entry, row.occurred_on, titleStatesAt(events, row.occurred_on)) };
}

async function presentIncident(db: Db, row: IncidentRow): Promise<Incident> {
  const { name, effects } = await effectsOf(db, row);
  const written = await titleRepository.writtenByIncident(db, row.id);
  const files = await attachmentLookup.listFilesOf(db, ['evaluation_incident'], [row.id]);
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    frameworkId: row.framework_id,
    category: row.category,
    categoryName: name,
    occurredOn: row.occurred_on,
    title: row.title,
    description: row.description,
    recordedBy: row.recorded_by_name,
    recordedAt: new Date(row.recorded_at).toISOString(),
    effects: effects
      .filter((e) => e.applies)
      .map((e) => ({
        effect: e.effect,
        label: e.label,
        points: e.points,
        titleEventId:
          (e.titleEvent &&
            written.find((w) => w.title === e.titleEvent!.title && w.change === e.titleEvent!.change)?.id) ??
          null,
        explanation: e.explanation,
      })),
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
    })),
  };
}

/**
 * Records an incident against a region under a framework's negative list and applies its
 * effects at once: suspension, bar or revocation become title events whose reason names
 * the incident; deductions fall on the year-end rounds inside their window when computed.
 * One transaction with the audit rows.
 */
export async function recordIncident(
  db: Db,
  ctx: Context,
  request: {
    regionCode: string;
    frameworkId: string;
    category: string;
    occurredOn: string;
    title: string;
    description: string;
  },
): Promise<Incident> {
  authorize(ctx.actor, 'incident.write');
  const region = await titleRepository.findRegion(db, request.regionCode);
  if (!region)
    throw invalid([{ field: 'body.regionCode', message: message('field.noRegion', { code: request.regionCode }) }]);
  assertInScope(ctx.actor, region.path);
  const list = await negativeListOf(db, request.frameworkId);
  if (!list) throw invalid([{ field: 'body.frameworkId', message: message('field.noFramework') }]);
  const entry = list.find((e) => e.code === request.category);
  if (!entry) {
    throw invalid([
      {
        field: 'body.category',
        message: message('incident.notOnNegativeList', { codes: list.map((e) => e.code) }),
      },
    ]);
  }
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    const events = (await titleRepository.listForRegion(trx, region.code)).map(toTitleEvent);
    const effects = incidentEffects(entry, request.occurredOn, titleStatesAt(events, request.occurredOn));
    const row = {
      id,
      region_code: region.code,
      prefecture_code: region.prefecture_code,
      framework_id: request.frameworkId,
      category: request.category,
      occurred_on: request.occurredOn,
      title: request.title,
      description: request.description,
      recorded_by: ctx.actor.userId,
    };
    await incidentRepository.insert(trx, row);
    await recordAudit(trx, ctx, {
      action: 'evaluation.incident.record',
      entityType: 'evaluation_incident',
      entityId: id,
      regionCode: region.code,
      prefectureCode: region.prefecture_code,
      after: { ...row, effects: effects.filter((e) => e.applies).map((e) => e.explanation) },
    });
    await emitEvent(trx, {
      name: 'incident.recorded',
      payload: {
        incidentId: id,
        regionCode: region.code,
        frameworkId: request.frameworkId,
        prefectureCode: region.prefecture_code,
      },
    });
    for (const effect of effects) {
      if (!effect.applies || !effect.titleEvent) continue;
      await writeTitleEvent(trx, ctx, {
        regionCode: region.code,
        prefectureCode: region.prefecture_code,
        ...effect.titleEvent,
        reason: `${entry.code} ${entry.name}：${request.title}（${request.occurredOn}）`,
        sourceKind: 'incident',
        sourceId: id,
      });
    }
  });
  return readIncident(db, ctx.actor, id);
}

export async function readIncident(db: Db, actor: Actor, id: string): Promise<Incident> {
  evaluationPolicy.canRead(actor);
  const row = await incidentRepository.findById(db, id);
  if (!row) throw notFound('incident', id);
  assertInScope(actor, row.region_path);
  return presentIncident(db, row);
}

export async function listIncidents(
  db: Db,
  actor: Actor,
  query: { regionCode?: string; cursor?: string; page?: number; limit: number },
) {
  evaluationPolicy.canRead(actor);
  const decoded = query.page === undefined ? cursor.decode(query.cursor) : undefined;
  const before = decoded ? (JSON.parse(decoded) as { at: string; id: string }) : undefined;
  const scope = { scopePath: actor.regionPath, regionCode: query.regionCode };
  const rows = await incidentRepository.list(db, {
    ...scope,
    before,
    offset: query.page === undefined ? undefined : offsetOf(query.page, query.limit),
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const items = [];
  for (const row of page) items.push(await presentIncident(db, row));
  const last = page.at(-1);
  if (query.page !== undefined) return { items, nextCursor: null, total: await incidentRepository.count(db, scope) };
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? cursor.encode(JSON.stringify({ at: new Date(last.recorded_at).toISOString(), id: last.id }))
        : null,
  };
}
