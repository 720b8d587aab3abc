import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  message,
  boundingBox,
  canonicalJson,
  chinaDate,
  distanceMetres,
  isWithinScope,
  type CaseChannel,
  type DuplicateCandidate,
  type IntakeResponse,
  type PublicCaseIntake,
  distributionCode,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, invalid } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { noteMissingYears, stageClock } from './clocks.ts';
import { prefectureOfPoint } from './geo.ts';
import { caseRepository, type CaseRow, type CaseSettings, type CategoryRow } from './repository.ts';
import type { PersonalData } from '../personal-data/index.ts';
import { sealContact } from './reporter-phone.ts';
import { casePolicy } from './policy.ts';

type Log = { warn: (data: object, message: string) => void };

export type IntakeInput = PublicCaseIntake & { channel: CaseChannel; reportedAt?: string };

/** sha256 of a secret, as stored. */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * The tracking token is derived from the idempotency key and the case id, so that a retry with
 * the same key gets the same token back while only its hash is stored. The key is therefore a
 * secret of the reporter's device, like a password: a fresh random UUID per report.
 */
function trackingToken(key: string, caseId: string): string {
  return crypto.createHash('sha256').update(`case-tracking\n${key}\n${caseId}`).digest('base64url').slice(0, 32);
}

/** A leaf category that is active, or 400 naming the field. */
export async function requireLeafCategory(db: Kysely<Database>, code: string, field = 'body.categoryCode') {
  const category = await caseRepository.findCategory(db, code);
  if (!category || !category.active || category.parent_code === null) {
    throw invalid([
      {
        field,
        message: category
          ? `${code} is a group or no longer in use; choose a category under it`
          : `unknown category ${code}; see GET /api/v1/public/case-categories`,
      },
    ]);
  }
  return category;
}

/**
 * The case's region: the one chosen (street or community best), checked against the point's
 * prefecture when the province's outlines are installed; else the prefecture the point lies in.
 */
async function resolveRegion(db: Kysely<Database>, input: { regionCode?: string; lat?: number; lng?: number }) {
  const root = await caseRepository.root(db);
  if (!root) throw new AppError('CONFLICT', message('case.noProvince'));
  const hasPoint = input.lat !== undefined && input.lng !== undefined;
  const prefecture = hasPoint ? await prefectureOfPoint(root.code, input.lat!, input.lng!) : undefined;
  if (input.regionCode) {
    const region = await caseRepository.findRegion(db, input.regionCode);
    if (!region)
      throw invalid([{ field: 'body.regionCode', message: message('field.noRegion', { code: input.regionCode }) }]);
    if (!isWithinScope(root.path, region.path)) {
      throw invalid([{ field: 'body.regionCode', message: message('case.regionOutsideInstallation') }]);
    }
    if (prefecture === null) {
      throw invalid([{ field: 'body.lat', message: message('case.pointOutsideProvince') }]);
    }
    if (prefecture && region.level >= 2 && region.prefecture_code && region.prefecture_code !== prefecture) {
      throw invalid([
        {
          field: 'body.regionCode',
          message: message('case.pointInOtherPrefecture', { prefecture, chosen: region.prefecture_code }),
        },
      ]);
    }
    return region;
  }
  if (!hasPoint) {
    throw invalid([{ field: 'body.regionCode', message: message('case.chooseRegionOrPoint') }]);
  }
  if (prefecture === undefined) {
    throw invalid([{ field: 'body.regionCode', message: message('case.cannotPlacePoint') }]);
  }
  if (prefecture === null) {
    throw invalid([{ field: 'body.lat', message: message('case.pointOutsideProvince') }]);
  }
  return (await caseRepository.findRegion(db, prefecture))!;
}

/** The unit that handles a category in a region: a dispatch rule, else the category's default unit by name. */
async function suggestUnit(
  db: Kysely<Database>,
  regionPath: string,
  category: Pick<CategoryRow, 'code' | 'default_unit_name'>,
): Promise<string | null> {
  const codes = regionPath.split('/');
  const rule = await caseRepository.findRule(db, codes, category.code);
  if (rule) return rule.org_unit_id;
  if (!category.default_unit_name) return null;
  return (await caseRepository.findUnitByName(db, codes, category.default_unit_name))?.id ?? null;
}

/** Open cases of the category near a point within the configured distance and window. */
export async function nearbyOpenCases(
  db: Kysely<Database>,
  categoryCode: string,
  point: { lat: number; lng: number },
  excludeId?: string,
  given?: CaseSettings,
): Promise<DuplicateCandidate[]> {
  const settings = given ?? (await caseRepository.settings(db));
  const since = new Date(Date.now() - settings.duplicate_days * 86_400_000);
  const rows = await caseRepository.nearbyOpen(db, {
    categoryCode,
    box: boundingBox(point, settings.duplicate_metres),
    since,
    excludeId,
  });
  return rows
    .map((r) => ({ r, d: distanceMetres(point, { lat: r.lat!, lng: r.lng! }) }))
    .filter(({ d }) => d <= settings.duplicate_metres)
    .sort((a, b) => a.d - b.d)
    .slice(0, 10)
    .map(({ r, d }) => ({
      id: r.id,
      number: r.number,
      status: r.status as DuplicateCandidate['status'],
      categoryCode: r.category_code,
      description: r.description,
      distanceMetres: Math.round(d),
      createdAt: r.created_at.toISOString(),
    }));
}

class Replay extends Error {}

async function replay(
  db: Kysely<Database>,
  key: string,
  fingerprint: string,
  stored: { case_id: string; fingerprint: string },
): Promise<IntakeResponse> {
  if (stored.fingerprint !== fingerprint) {
    throw conflict(message('case.idempotencyKeyReused'), [
      { field: 'header.idempotency-key', message: message('case.idempotencyKeyReusedField') },
    ]);
  }
  const row = (await caseRepository.findCase(db, stored.case_id))!;
  return respond(db, row, trackingToken(key, row.id), true);
}

/** The answer to an intake; a fresh filing passes the region and settings it has already read. */
async function respond(
  db: Kysely<Database>,
  row: CaseRow,
  token: string,
  replayed: boolean,
  known: { regionName?: string; settings?: CaseSettings } = {},
): Promise<IntakeResponse> {
  const regionName = known.regionName ?? (await caseRepository.findRegion(db, row.region_code))!.name;
  const possibleDuplicates =
    row.lat !== null && row.lng !== null
      ? await nearbyOpenCases(db, row.category_code, { lat: row.lat, lng: row.lng }, row.id, known.settings)
      : [];
  return {
    id: row.id,
    number: row.number,
    trackingToken: token,
    status: row.status as IntakeResponse['status'],
    regionCode: row.region_code,
    regionName,
    deadline: row.deadline.toISOString(),
    replayed,
    possibleDuplicates,
  };
}

/**
 * Files a case. The same idempotency key with the same content returns the same case; requests
 * racing with one key make one case (the key's unique row decides, the loser replays the
 * winner). Case, reporter, photos, timeline row and audit row are written in one transaction.
 */
export async function fileCase(
  db: Kysely<Database>,
  ctx: { actor: Actor | null; requestId?: string; log?: Log; personalData: PersonalData },
  key: string,
  input: IntakeInput,
): Promise<{ status: 200 | 201; body: IntakeResponse }> {
  if (ctx.actor) authorize(ctx.actor, 'case.report');
  const { idempotencyKey: _k, ...content } = input;
  const fingerprint = crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
  const existing = await caseRepository.findIntakeKey(db, key);
  if (existing) {
    // A replay answers with the case: only to someone who could have filed it.
    if (ctx.actor) casePolicy.canFileIn(ctx.actor, input.channel, (await resolveRegion(db, input)).path);
    return { status: 200, body: await replay(db, key, fingerprint, existing) };
  }

  const category = await requireLeafCategory(db, input.categoryCode);
  if ((input.lat === undefined) !== (input.lng === undefined)) {
    throw invalid([
      { field: input.lat === undefined ? 'body.lat' : 'body.lng', message: message('case.latLngTogether') },
    ]);
  }
  if (!input.address && input.lat === undefined) {
    throw invalid([{ field: 'body.address', message: message('case.giveLocation') }]);
  }
  const region = await resolveRegion(db, input);
  if (ctx.actor) casePolicy.canFileIn(ctx.actor, input.channel, region.path);
  const now = new Date();
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (reportedAt.getTime() > now.getTime() + 60_000) {
    throw invalid([{ field: 'body.reportedAt', message: message('field.inFuture') }]);
  }
  const photos = await caseRepository.findPhotos(db, input.photoIds);
  input.photoIds.forEach((id, i) => {
    const photo = photos.find((p) => p.id === id);
    if (!photo || photo.case_id !== null || photo.kind !== 'before') {
      throw invalid([
        {
          field: `body.photoIds.${i}`,
          message: message('case.noUnattachedPhoto', { endpoint: 'POST /public/case-photos' }),
        },
      ]);
    }
  });
  const clock = await stageClock(db, category);
  // The desk's clock runs from the report; the unit's deadline is provisional until dispatch
  // (counted from the report now, from the dispatch once dispatched).
  const acceptDeadline = clock.deadline('accept', reportedAt);
  const deadline = clock.deadline('handle', reportedAt);
  const suggested = await suggestUnit(db, region.path, category);

  const id = crypto.randomUUID();
  const prefectureCode = distributionCode(region.code, region.prefecture_code);
  const token = trackingToken(key, id);
  try {
    const row = await db.transaction().execute(async (trx) => {
      const seq = await caseRepository.nextNumber(trx);
      const number = `${chinaDate(now).replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
      const created = await caseRepository.insertCase(trx, {
        id,
        number,
        category_code: category.code,
        region_code: region.code,
        region_path: region.path,
        prefecture_code: prefectureCode,
        description: input.description,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        address: input.address ?? null,
        channel: input.channel,
        status: 'submitted',
        org_unit_id: null,
        suggested_unit_id: suggested,
        created_by: ctx.actor?.userId ?? null,
        reported_at: reportedAt,
        created_at: now,
        deadline,
        accept_deadline: acceptDeadline,
      });
      // The key's row is the arbiter: a concurrent request with the same key waits here and loses.
      if (!(await caseRepository.claimIntakeKey(trx, key, { id, prefecture_code: prefectureCode }, fingerprint)))
        throw new Replay();
      await caseRepository.insertReporter(trx, {
        id: crypto.randomUUID(),
        case_id: id,
        prefecture_code: prefectureCode,
        origin_case_id: id,
        token_hash: hashToken(token),
        ...sealContact(ctx.personalData, input.contact),
        user_id: ctx.actor?.userId ?? null,
      });
      const missing = await noteMissingYears(
        trx,
        clock.calendar,
        { id, number, region_path: region.path, prefecture_code: region.prefecture_code },
        [reportedAt, acceptDeadline, deadline],
      );
      if (missing.length > 0) {
        ctx.log?.warn(
          { years: missing, number },
          'holiday calendar has no data for these years; counting Monday to Friday',
        );
      }
      const eventId = crypto.randomUUID();
      await caseRepository.insertEvent(trx, {
        id: eventId,
        case_id: id,
        prefecture_code: prefectureCode,
        kind: 'submitted',
        status: 'submitted',
        note: null,
        actor_id: ctx.actor?.userId ?? null,
        actor_name: ctx.actor?.displayName ?? null,
        org_unit_id: null,
        data: JSON.stringify({ channel: input.channel }),
        at: now,
      });
      const attached = await caseRepository.attachPhotos(
        trx,
        input.photoIds,
        { id, prefecture_code: prefectureCode },
        eventId,
      );
      if (attached !== input.photoIds.length) {
        throw invalid([{ field: 'body.photoIds', message: message('case.photoUsedMeanwhile') }]);
      }
      await recordAudit(
        trx,
        { actor: ctx.actor, requestId: ctx.requestId },
        {
          action: 'case.report',
          entityType: 'problem_case',
          entityId: id,
          regionCode: region.code,
          prefectureCode: region.prefecture_code,
          // the contact stays out of the audit trail's readable copy: it is personal data
          after: {
            number,
            category: category.code,
            channel: input.channel,
            photos: input.photoIds.length,
            deadline: deadline.toISOString(),
          },
        },
      );
      return created;
    });
    return {
      status: 201,
      body: await respond(db, row, token, false, { regionName: region.name, settings: clock.settings }),
    };
  } catch (error) {
    if (!(error instanceof Replay)) throw error;
    const stored = (await caseRepository.findIntakeKey(db, key))!;
    return { status: 200, body: await replay(db, key, fingerprint, stored) };
  }
}
