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
  yearsMissing,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, invalid } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { auditEntryCtes } from '../audit/index.ts';
import { emitEventCte } from '../../outbox/emit.ts';
import { caseChangedEvent } from './stats-rollup.ts';
import { clockOf, noteMissingYears } from './clocks.ts';
import { workingCalendarAt } from './calendar.ts';
import { dropIntakeReference, intakeReference } from './intake-reference.ts';
import { intakeRepository, isKeyTaken, type IntakeWrite } from './intake-repository.ts';
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
  return leafCategory(await caseRepository.findCategory(db, code), code, field);
}

function leafCategory(category: CategoryRow | undefined, code: string, field = 'body.categoryCode') {
  if (!category || !category.active || category.parent_code === null) {
    throw invalid([
      {
        field,
        message: category ? message('case.categoryNotLeaf', { code }) : message('case.unknownCategory', { code }),
      },
    ]);
  }
  return category;
}

type RegionRow = { code: string; name: string; path: string; level: number; prefecture_code: string | null };
type Located = { regionCode?: string; lat?: number; lng?: number };

/**
 * The case's region: the one chosen (street or community best), checked against the point's
 * prefecture when the province's outlines are installed; else the prefecture the point lies in.
 */
async function resolveRegion(db: Kysely<Database>, input: Located) {
  const root = await caseRepository.root(db);
  const prefecture = await pointPrefecture(root, input);
  const code = input.regionCode ?? prefecture;
  return placeCase(root, input, prefecture, code ? await caseRepository.findRegion(db, code) : undefined);
}

/** The prefecture of the report's point (geo.ts): undefined without a point, a root or outlines. */
async function pointPrefecture(root: { code: string } | undefined, input: Located) {
  if (!root || input.lat === undefined || input.lng === undefined) return undefined;
  return prefectureOfPoint(root.code, input.lat, input.lng);
}

/** resolveRegion's checks, on the root, the point's prefecture and the region already read. */
function placeCase(
  root: { code: string; path: string } | undefined,
  input: Located,
  prefecture: string | null | undefined,
  region: RegionRow | undefined,
): RegionRow {
  if (!root) throw new AppError('CONFLICT', message('case.noProvince'));
  const hasPoint = input.lat !== undefined && input.lng !== undefined;
  if (input.regionCode) {
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
  return region!;
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
  return rankNearby(rows, point, settings);
}

/** The duplicate search's window: the box around the point and the first instant, from the settings. */
function nearbyWindow(point: { lat: number; lng: number }, settings: CaseSettings, now: Date) {
  return {
    box: boundingBox(point, settings.duplicate_metres),
    since: new Date(now.getTime() - settings.duplicate_days * 86_400_000),
  };
}

/** The candidates within the configured distance, nearest first, at most ten. */
function rankNearby(
  rows: {
    id: string;
    number: string;
    status: string;
    category_code: string;
    description: string;
    lat: number | null;
    lng: number | null;
    created_at: Date | string;
  }[],
  point: { lat: number; lng: number },
  settings: CaseSettings,
): DuplicateCandidate[] {
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
      createdAt: new Date(r.created_at).toISOString(),
    }));
}

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

/** The answer to an intake; a fresh filing passes the region name and the duplicates its statement found. */
async function respond(
  db: Kysely<Database>,
  row: CaseRow,
  token: string,
  replayed: boolean,
  known: { regionName: string; possibleDuplicates: DuplicateCandidate[] } | undefined = undefined,
): Promise<IntakeResponse> {
  const regionName = known?.regionName ?? (await caseRepository.findRegion(db, row.region_code))!.name;
  const possibleDuplicates =
    known?.possibleDuplicates ??
    (row.lat !== null && row.lng !== null
      ? await nearbyOpenCases(db, row.category_code, { lat: row.lat, lng: row.lng }, row.id)
      : []);
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
 * What an intake reads, in one statement (intake-repository.ts), with the categories, settings and
 * root from the kept reference data; reloaded when the statement shows that data is stale.
 */
async function readForIntake(db: Kysely<Database>, key: string, input: IntakeInput) {
  for (let attempt = 0; ; attempt++) {
    const reference = await intakeReference(db);
    const prefecture = await pointPrefecture(reference.root, input);
    const category = reference.categories.get(input.categoryCode);
    const reading = await intakeRepository.read(db, {
      key,
      regionCode: input.regionCode ?? prefecture ?? null,
      categoryCode: input.categoryCode,
      unitName: category?.default_unit_name ?? null,
    });
    const current =
      reading.reference_generation === reference.generation && reading.root_code === (reference.root?.code ?? null);
    if (current || attempt >= 2) return { reference, prefecture, category, reading };
    dropIntakeReference(db);
  }
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
  const { reference, prefecture, reading, ...read } = await readForIntake(db, key, input);
  if (reading.intake_key) {
    // A replay answers with the case: only to someone who could have filed it.
    if (ctx.actor) casePolicy.canFileIn(ctx.actor, input.channel, (await resolveRegion(db, input)).path);
    return { status: 200, body: await replay(db, key, fingerprint, reading.intake_key) };
  }

  const category = leafCategory(read.category, input.categoryCode);
  if ((input.lat === undefined) !== (input.lng === undefined)) {
    throw invalid([
      { field: input.lat === undefined ? 'body.lat' : 'body.lng', message: message('case.latLngTogether') },
    ]);
  }
  if (!input.address && input.lat === undefined) {
    throw invalid([{ field: 'body.address', message: message('case.giveLocation') }]);
  }
  const region = placeCase(reference.root, input, prefecture, reading.region ?? undefined);
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
  const clock = clockOf(await workingCalendarAt(db, reading.calendar_generation), category, reference.settings);
  // The desk's clock runs from the report; the unit's deadline is provisional until dispatch
  // (counted from the report now, from the dispatch once dispatched).
  const acceptDeadline = clock.deadline('accept', reportedAt);
  const deadline = clock.deadline('handle', reportedAt);
  // A dispatch rule names the unit, else the category's default unit by name (read with the region).
  const suggested = reading.rule_unit_id ?? (category.default_unit_name ? reading.named_unit_id : null);

  const id = crypto.randomUUID();
  const prefectureCode = distributionCode(region.code, region.prefecture_code);
  const token = trackingToken(key, id);
  const point = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
  const write: IntakeWrite = {
    case: {
      id,
      datePrefix: chinaDate(now).replaceAll('-', ''),
      category_code: category.code,
      region_code: region.code,
      region_path: region.path,
      prefecture_code: prefectureCode,
      description: input.description,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address ?? null,
      channel: input.channel,
      suggested_unit_id: suggested,
      created_by: ctx.actor?.userId ?? null,
      reported_at: reportedAt,
      created_at: now,
      deadline,
      accept_deadline: acceptDeadline,
    },
    key,
    fingerprint,
    reporter: {
      id: crypto.randomUUID(),
      token_hash: hashToken(token),
      ...sealContact(ctx.personalData, input.contact),
    },
    event: {
      id: crypto.randomUUID(),
      actor_id: ctx.actor?.userId ?? null,
      actor_name: ctx.actor?.displayName ?? null,
      data: JSON.stringify({ channel: input.channel }),
    },
    photoIds: input.photoIds,
    changed: emitEventCte(
      caseChangedEvent({
        id,
        prefecture_code: prefectureCode,
        reported_at: reportedAt,
        region_path: region.path,
        category_code: category.code,
      }),
    ),
    audit: (number) =>
      auditEntryCtes(
        { actor: ctx.actor, requestId: ctx.requestId },
        {
          action: 'case.report',
          entityType: 'problem_case',
          entityId: id,
          regionCode: region.code,
          prefectureCode: region.prefecture_code,
          // the contact stays out of the audit trail's readable copy: it is personal data
          after: {
            category: category.code,
            channel: input.channel,
            photos: input.photoIds.length,
            deadline: deadline.toISOString(),
          },
        },
        // the number comes from the sequence inside the statement
        number,
      ),
    nearby: point && nearbyWindow(point, clock.settings, now),
  };
  const missingYears = yearsMissing(clock.calendar, [reportedAt, acceptDeadline, deadline]);
  try {
    // One statement, one round trip, atomic on its own. Photos (a count to check) and a year the
    // calendar lacks (a notification to emit) need a transaction around it: rare, and slower.
    const row =
      input.photoIds.length === 0 && missingYears.length === 0
        ? await intakeRepository.file(db, write)
        : await db.transaction().execute(async (trx) => {
            const filed = await intakeRepository.file(trx, write);
            if (filed.photos_attached !== input.photoIds.length) {
              throw invalid([{ field: 'body.photoIds', message: message('case.photoUsedMeanwhile') }]);
            }
            const missing = await noteMissingYears(
              trx,
              clock.calendar,
              { id, number: filed.number, region_path: region.path, prefecture_code: region.prefecture_code },
              [reportedAt, acceptDeadline, deadline],
            );
            if (missing.length > 0) {
              ctx.log?.warn(
                { years: missing, number: filed.number },
                'holiday calendar has no data for these years; counting Monday to Friday',
              );
            }
            return filed;
          });
    const { photos_attached: _p, nearby, ...created } = row;
    return {
      status: 201,
      body: await respond(db, created, token, false, {
        regionName: region.name,
        possibleDuplicates: point ? rankNearby(nearby, point, clock.settings) : [],
      }),
    };
  } catch (error) {
    // The key's primary key is the arbiter: a concurrent request with the same key waits for the
    // first one's commit, fails, and answers as a replay of it.
    if (!isKeyTaken(error)) throw error;
    const stored = (await caseRepository.findIntakeKey(db, key))!;
    return { status: 200, body: await replay(db, key, fingerprint, stored) };
  }
}
