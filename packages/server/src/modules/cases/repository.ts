import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { CaseDetail, StageLimits } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';
import { placeName } from './list-repository.ts';

export type CaseRow = Selectable<Database['problem_case']>;
export type CategoryRow = Selectable<Database['case_category']>;
/**
 * A case photo as the module handles it: attached (a row of `case_photo`, with its case and the
 * case's prefecture) or only uploaded (a row of `case_photo_upload`, all three null).
 */
export type PhotoRow = Omit<Selectable<Database['case_photo']>, 'case_id' | 'prefecture_code'> & {
  case_id: string | null;
  prefecture_code: string | null;
};
/** An upload waiting for its case. */
type UploadRow = Selectable<Database['case_photo_upload']>;
const UPLOAD_COLUMNS = [
  'id',
  'kind',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'storage_key',
  'display_key',
  'width',
  'height',
  'uploaded_by',
  'uploaded_at',
] as const;
/** The photos with `ids`, attached or only uploaded (an id is in one table at a time). */
function photosWithIds(db: Kysely<Database>, ids: string[]) {
  return db
    .selectFrom('case_photo')
    .select([
      ...UPLOAD_COLUMNS,
      sql<string | null>`case_id`.as('case_id'),
      sql<string | null>`prefecture_code`.as('prefecture_code'),
      'event_id',
    ])
    .where('id', 'in', ids)
    .unionAll(
      db
        .selectFrom('case_photo_upload')
        .select([
          ...UPLOAD_COLUMNS,
          sql<string | null>`null::uuid`.as('case_id'),
          sql<string | null>`null::text`.as('prefecture_code'),
          sql<string | null>`null::uuid`.as('event_id'),
        ])
        .where('id', 'in', ids),
    );
}
/** The installation's case settings as read (stage limits parsed). */
export type CaseSettings = Awaited<ReturnType<(typeof caseRepository)['settings']>>;

const OPEN = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'] as const;

/** SQL of problem cases: the only place that reads or writes their tables. */
/** A dispatch rule with its region and unit, as the settings page lists it. */
function ruleQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_dispatch_rule as d')
    .innerJoin('region as r', 'r.code', 'd.region_code')
    .innerJoin('org_unit as u', 'u.id', 'd.org_unit_id')
    .select([
      'd.id',
      'd.region_code',
      'r.name as region_name',
      'r.path',
      'd.category_code',
      'u.id as unit_id',
      'u.name as unit_name',
    ]);
}

/** A case's key: its distribution column and its id (docs/SCALE-OUT.md). */
type CaseKey = { id: string; prefecture_code: string };

export const caseRepository = {
  listCategories(db: Kysely<Database>, activeOnly: boolean) {
    let q = db.selectFrom('case_category').selectAll();
    if (activeOnly) q = q.where('active', '=', true);
    return q.orderBy('sort_order').orderBy('code').execute();
  },

  findCategory(db: Kysely<Database>, code: string) {
    return db.selectFrom('case_category').selectAll().where('code', '=', code).executeTakeFirst();
  },

  updateCategory(trx: Kysely<Database>, code: string, patch: Record<string, unknown>) {
    return trx
      .updateTable('case_category')
      .set({ ...patch, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
  },

  updateSettings(trx: Kysely<Database>, metres: number, days: number, stageLimits?: unknown) {
    return trx
      .updateTable('case_setting')
      .set({
        duplicate_metres: metres,
        duplicate_days: days,
        ...(stageLimits ? { stage_limits: JSON.stringify(stageLimits) } : {}),
        updated_at: new Date(),
      })
      .execute();
  },

  async settings(db: Kysely<Database>) {
    const row = await db
      .selectFrom('case_setting')
      .select(['duplicate_metres', 'duplicate_days', 'stage_limits'])
      .executeTakeFirstOrThrow();
    return { ...row, stage_limits: parseStored(StageLimits, row.stage_limits, 'case_setting.stage_limits') };
  },

  findRegion(db: Kysely<Database>, code: string) {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'path', 'level', 'prefecture_code'])
      .select(placeName(sql.ref('region.path')).as('place_name'))
      .where('code', '=', code)
      .executeTakeFirst();
  },

  regionNames(db: Kysely<Database>, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  },

  root(db: Kysely<Database>) {
    return db.selectFrom('region').select(['code', 'path']).where('level', '=', 1).orderBy('code').executeTakeFirst();
  },

  /** Public region picker: children of a region with whether they have children themselves. */
  publicChildren(db: Kysely<Database>, parentCode: string) {
    return db
      .selectFrom('region as r')
      .select(['r.code', 'r.name', 'r.level'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('region as c').select('c.code').whereRef('c.parent_code', '=', 'r.code'))
          .as('has_children'),
      )
      .where('r.parent_code', '=', parentCode)
      .orderBy('r.code')
      .execute();
  },

  /** Removes up to `limit` idempotency keys recorded before `before`; returns how many went. */
  async deleteIntakeKeysBefore(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
    const result = await db
      .deleteFrom('case_intake_key')
      .where('key', 'in', (eb) =>
        eb.selectFrom('case_intake_key').select('key').where('created_at', '<', before).limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  findIntakeKey(db: Kysely<Database>, key: string) {
    return db.selectFrom('case_intake_key').selectAll().where('key', '=', key).executeTakeFirst();
  },

  findReporter(db: Kysely<Database>, caseId: string, tokenHash: string) {
    return db
      .selectFrom('case_reporter')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** The first reporter's contact (the one who filed the case), for staff. */
  async firstContact(db: Kysely<Database>, caseId: string) {
    const row = await db
      .selectFrom('case_reporter')
      .select('contact')
      .where('case_id', '=', caseId)
      .whereRef('origin_case_id', '=', 'case_id')
      .orderBy('created_at')
      .executeTakeFirst();
    return row && { contact: parseStored(CaseDetail.shape.contact, row.contact, 'case_reporter.contact') };
  },

  /** A case's pending extension request ({amount, unit, reason, requestedAt}), or null. */
  pendingExtension(row: Pick<CaseRow, 'pending_extension'>) {
    return parseStored(CaseDetail.shape.pendingExtension, row.pending_extension, 'problem_case.pending_extension');
  },

  /** Merging: every reporter of `from` also follows `to` (same token, same contact). */
  async copyReporters(trx: Kysely<Database>, from: CaseKey, to: CaseKey) {
    const rows = await trx
      .selectFrom('case_reporter')
      .selectAll()
      .where('prefecture_code', '=', from.prefecture_code)
      .where('case_id', '=', from.id)
      .execute();
    for (const r of rows) {
      await trx
        .insertInto('case_reporter')
        .values({
          id: crypto.randomUUID(),
          case_id: to.id,
          prefecture_code: to.prefecture_code,
          origin_case_id: r.origin_case_id,
          token_hash: r.token_hash,
          contact: r.contact === null ? null : JSON.stringify(r.contact),
          phone_sealed: r.phone_sealed,
          phone_index: r.phone_index,
          user_id: r.user_id,
        })
        .onConflict((oc) => oc.columns(['prefecture_code', 'case_id', 'token_hash']).doNothing())
        .execute();
    }
    return rows.length;
  },

  findCase(db: Kysely<Database>, id: string) {
    return db.selectFrom('problem_case').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findCaseForUpdate(trx: Kysely<Database>, id: string) {
    return trx.selectFrom('problem_case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  findByNumber(db: Kysely<Database>, number: string) {
    return db.selectFrom('problem_case').selectAll().where('number', '=', number).executeTakeFirst();
  },

  /** Cases by number with those of their reporters' token hashes among `tokenHashes`. */
  listByNumbers(db: Kysely<Database>, numbers: string[], tokenHashes: string[]) {
    return db
      .selectFrom('problem_case as c')
      .innerJoin('case_reporter as r', (join) =>
        join.onRef('r.prefecture_code', '=', 'c.prefecture_code').onRef('r.case_id', '=', 'c.id'),
      )
      .select([
        'c.number',
        'c.status',
        'c.deadline',
        'c.paused_at',
        'c.merged_into_id',
        'c.dispatched_at',
        'c.reported_at',
        'r.token_hash',
      ])
      .where('c.number', 'in', numbers)
      .where('r.token_hash', 'in', tokenHashes)
      .execute();
  },

  updateCase(trx: Kysely<Database>, id: string, patch: Record<string, unknown>) {
    return trx
      .updateTable('problem_case')
      .set({ ...patch, updated_at: new Date() } as never)
      .where('id', '=', id)
      .execute();
  },

  /** Cases merged into `id` follow it when it is merged on in turn. */
  repointMerged(trx: Kysely<Database>, fromId: string, toId: string) {
    return trx.updateTable('problem_case').set({ merged_into_id: toId }).where('merged_into_id', '=', fromId).execute();
  },

  mergedFrom(db: Kysely<Database>, id: string) {
    return db
      .selectFrom('problem_case')
      .select(['id', 'number'])
      .where('merged_into_id', '=', id)
      .orderBy('number')
      .execute();
  },

  insertEvent(
    trx: Kysely<Database>,
    row: {
      id: string;
      case_id: string;
      prefecture_code: string;
      kind: string;
      status: string;
      note: string | null;
      actor_id: string | null;
      actor_name: string | null;
      org_unit_id: string | null;
      data: string | null;
      at?: Date;
    },
  ) {
    return trx.insertInto('case_event').values(row).execute();
  },

  listEvents(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('case_event as e')
      .leftJoin('org_unit as u', 'u.id', 'e.org_unit_id')
      .select(['e.id', 'e.kind', 'e.at', 'e.status', 'e.note', 'e.actor_name', 'e.data', 'u.name as unit_name'])
      .where('e.case_id', '=', caseId)
      .orderBy('e.seq')
      .execute();
  },

  /** A photo just uploaded: it waits in `case_photo_upload` until a report or an action uses it. */
  insertUpload(db: Kysely<Database>, row: Omit<UploadRow, 'uploaded_at'>) {
    return db.insertInto('case_photo_upload').values(row).execute();
  },

  async findPhoto(db: Kysely<Database>, id: string): Promise<PhotoRow | undefined> {
    return (await photosWithIds(db, [id]).execute())[0];
  },

  findPhotos(db: Kysely<Database>, ids: string[]): Promise<PhotoRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return photosWithIds(db, ids).execute();
  },

  /**
   * Attaches uploaded photos: moves their rows into `case_photo` with the case and its prefecture.
   * Returns how many were attached (fewer: someone else took one).
   */
  async attachPhotos(trx: Kysely<Database>, ids: string[], target: CaseKey, eventId: string | null): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await sql<{ id: string }>`
      with ${attachUploads(ids, target.id, target.prefecture_code, eventId)}
      select id from attached`.execute(trx);
    return result.rows.length;
  },

  /** Merging: the survivor shows the merged case's photos too (same stored files). */
  async copyPhotos(trx: Kysely<Database>, from: CaseKey, to: CaseKey) {
    const rows = await trx
      .selectFrom('case_photo')
      .selectAll()
      .where('prefecture_code', '=', from.prefecture_code)
      .where('case_id', '=', from.id)
      .execute();
    for (const { uploaded_at, ...row } of rows) {
      await trx
        .insertInto('case_photo')
        .values({
          ...row,
          id: crypto.randomUUID(),
          case_id: to.id,
          prefecture_code: to.prefecture_code,
          event_id: null,
          uploaded_at,
        })
        .execute();
    }
  },

  listPhotos(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('case_photo')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
  },

  /** Uploads older than `before` that nothing used, for the sweep. */
  staleUploads(db: Kysely<Database>, before: Date, limit: number) {
    return db
      .selectFrom('case_photo_upload')
      .select(['id', 'storage_key', 'display_key'])
      .where('uploaded_at', '<', before)
      .limit(limit)
      .execute();
  },

  /** Deletes uploads still waiting for a case; returns their stored files. */
  deleteUploads(db: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .deleteFrom('case_photo_upload')
      .where('id', 'in', ids)
      .returning(['storage_key', 'display_key'])
      .execute();
  },

  insertRating(
    trx: Kysely<Database>,
    row: {
      id: string;
      case_id: string;
      prefecture_code: string;
      reporter_id: string;
      satisfaction: number;
      fixed: boolean;
      comment: string | null;
    },
  ) {
    return trx.insertInto('case_rating').values(row).execute();
  },

  latestRating(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('case_rating')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
  },

  ratedSince(db: Kysely<Database>, caseId: string, reporterId: string, since: Date) {
    return db
      .selectFrom('case_rating')
      .select('id')
      .where('case_id', '=', caseId)
      .where('reporter_id', '=', reporterId)
      .where('at', '>=', since)
      .executeTakeFirst();
  },

  /** Open cases of a category inside a latitude/longitude box reported since `since`. */
  nearbyOpen(
    db: Kysely<Database>,
    filter: {
      categoryCode: string;
      box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
      since: Date;
      excludeId?: string;
    },
  ) {
    let q = db
      .selectFrom('problem_case')
      .select(['id', 'number', 'status', 'category_code', 'description', 'lat', 'lng', 'created_at', 'region_path'])
      .where('category_code', '=', filter.categoryCode)
      .where('status', 'in', OPEN)
      .where('lat', '>=', filter.box.minLat)
      .where('lat', '<=', filter.box.maxLat)
      .where('lng', '>=', filter.box.minLng)
      .where('lng', '<=', filter.box.maxLng)
      .where('created_at', '>=', filter.since);
    if (filter.excludeId) q = q.where('id', '!=', filter.excludeId);
    return q.orderBy('created_at', 'desc').limit(50).execute();
  },

  findOrgUnit(db: Kysely<Database>, id: string) {
    return db
      .selectFrom('org_unit as u')
      .innerJoin('region as r', 'r.code', 'u.region_code')
      .select(['u.id', 'u.name', 'u.parent_id', 'u.region_code', 'r.path as region_path'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  },

  unitNames(db: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  userNames(db: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
  },

  listRules(db: Kysely<Database>, scopePath: string) {
    return ruleQuery(db)
      .where((eb) => eb.or([eb('r.path', '=', scopePath), eb('r.path', 'like', `${scopePath}/%`)]))
      .orderBy('r.path')
      .orderBy('d.category_code')
      .execute();
  },

  findRuleById(db: Kysely<Database>, id: string) {
    return ruleQuery(db).where('d.id', '=', id).executeTakeFirst();
  },

  insertRule(
    trx: Kysely<Database>,
    row: { id: string; region_code: string; category_code: string | null; org_unit_id: string },
  ) {
    return trx.insertInto('case_dispatch_rule').values(row).execute();
  },

  deleteRule(trx: Kysely<Database>, id: string) {
    return trx.deleteFrom('case_dispatch_rule').where('id', '=', id).execute();
  },
};

/**
 * Common table expressions `moved` and `attached` that move the uploads `ids` into `case_photo` for
 * the case (for a statement that begins `with`): shared by intake's one write statement and the
 * actions. The delete takes each upload once, so two requests racing for one photo attach it once.
 */
export function attachUploads(
  ids: string[],
  caseId: RawBuilder<string> | string,
  prefecture: string,
  eventId: string | null,
) {
  return sql`moved as (
      delete from case_photo_upload where id = any(${ids}::uuid[])
      returning ${sql.join(UPLOAD_COLUMNS.map((c) => sql.ref(c)))}
    ),
    attached as (
      insert into case_photo (case_id, prefecture_code, event_id, ${sql.join(UPLOAD_COLUMNS.map((c) => sql.ref(c)))})
      select ${caseId}::uuid, ${prefecture}, ${eventId}::uuid, ${sql.join(UPLOAD_COLUMNS.map((c) => sql.ref(c)))} from moved
      returning id
    )`;
}
