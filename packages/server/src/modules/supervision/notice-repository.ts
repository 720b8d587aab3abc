import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { awaitingReply } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { withTaskNames } from './plan-names.ts';

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('supervision_notice as n')
    .innerJoin('org_unit as u', 'u.id', 'n.org_unit_id')
    .innerJoin('region as r', 'r.code', 'n.region_code')
    .leftJoin('org_unit as e', 'e.id', 'n.escalated_to_org_unit_id')
    .selectAll('n')
    .select(['u.name as org_unit_name', 'r.path as region_path', 'e.name as escalated_to_name']);
}

type BaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;
/** A notice with its unit, region, action item and the number and title of its task (from plans). */
export type NoticeRow = BaseRow & {
  task_number: string | null;
  task_title: string | null;
  action_item_title: string | null;
};

/**
 * The rows with the title of the action item each names, read once for a whole list. An item lies in
 * its meeting's prefecture, which may not be the notice's (decision 0200), so this is a look-up by id
 * (under Citus a read of every shard), not a join.
 */
async function withActionItemTitles<R extends { action_item_id: string | null }>(
  db: Kysely<Database>,
  rows: R[],
): Promise<(R & { action_item_title: string | null })[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.action_item_id ? [r.action_item_id] : [])))];
  const titles =
    ids.length === 0
      ? new Map<string, string>()
      : new Map(
          (await db.selectFrom('action_item').select(['id', 'title']).where('id', 'in', ids).execute()).map((a) => [
            a.id,
            a.title,
          ]),
        );
  return rows.map((r) => ({
    ...r,
    action_item_title: r.action_item_id ? (titles.get(r.action_item_id) ?? null) : null,
  }));
}
/** A notice's whole key: its prefecture (the distribution column) and its id. */
export type NoticeKey = { prefecture_code: string; id: string };

export type NoticeFilter = {
  scopePath?: string;
  orgUnitId?: string;
  /** Notices addressed to this unit or escalated to it. */
  involvingUnit?: string;
  status?: string;
  overdueOn?: string;
  limit: number;
};

export const noticeRepository = {
  async findById(db: Kysely<Database>, id: string): Promise<NoticeRow | undefined> {
    const row = await baseQuery(db).where('n.id', '=', id).executeTakeFirst();
    return row && (await withTaskNames(db, await withActionItemTitles(db, [row])))[0];
  },

  async list(db: Kysely<Database>, filter: NoticeFilter): Promise<NoticeRow[]> {
    let query = baseQuery(db);
    if (filter.scopePath) {
      const scope = filter.scopePath;
      query = query.where((eb) => eb.or([eb('r.path', '=', scope), eb('r.path', 'like', `${scope}/%`)]));
    }
    if (filter.orgUnitId) query = query.where('n.org_unit_id', '=', filter.orgUnitId);
    if (filter.involvingUnit) {
      const unit = filter.involvingUnit;
      query = query.where((eb) => eb.or([eb('n.org_unit_id', '=', unit), eb('n.escalated_to_org_unit_id', '=', unit)]));
    }
    if (filter.status) query = query.where('n.status', '=', filter.status);
    if (filter.overdueOn) {
      query = query.where('n.status', 'in', awaitingReply).where('n.reply_due', '<', filter.overdueOn);
    }
    const rows = await query.orderBy('n.issued_at', 'desc').orderBy('n.id').limit(filter.limit).execute();
    return withTaskNames(db, await withActionItemTitles(db, rows));
  },

  /**
   * The next number of an office's yearly series: `<prefix>〔year〕N号`, N counting from 1 per
   * issuing office and year. A transaction-scoped advisory lock per office and year serialises
   * issuers (across processes too), so two notices never draw the same number; the number
   * table's unique keys back it. Without a configured prefix an office prints
   * its region's name and 督办 (哈尔滨市督办〔2026〕1号).
   */
  async nextNumber(
    trx: Kysely<Database>,
    office: { id: string; region_name: string } | null,
    year: number,
  ): Promise<{ number: string; seq: number }> {
    const officeId = office?.id ?? null;
    await sql`select pg_advisory_xact_lock(hashtext(${`supervision_notice_number:${officeId ?? '-'}:${year}`}))`.execute(
      trx,
    );
    const setting = officeId
      ? await trx
          .selectFrom('supervision_office_setting')
          .select('notice_prefix')
          .where('org_unit_id', '=', officeId)
          .executeTakeFirst()
      : undefined;
    const prefix = setting?.notice_prefix ?? (office ? `${office.region_name}督办` : '督办');
    const row = await trx
      .selectFrom('supervision_notice_number')
      .select(sql<number>`coalesce(max(number_seq), 0)`.as('n'))
      .where('series', '=', officeId ?? '-')
      .where('number_year', '=', year)
      .executeTakeFirstOrThrow();
    const seq = Number(row.n) + 1;
    return { number: `${prefix}〔${year}〕${seq}号`, seq };
  },

  /** Sets an office's number prefix; later notices carry it, numbers drawn keep theirs. */
  async setPrefix(db: Kysely<Database>, officeId: string, prefix: string) {
    await db
      .insertInto('supervision_office_setting')
      .values({ org_unit_id: officeId, notice_prefix: prefix })
      .onConflict((oc) => oc.column('org_unit_id').doUpdateSet({ notice_prefix: prefix, updated_at: new Date() }))
      .execute();
  },

  /**
   * Files a notice and claims its number in the number table, which holds the numbers' uniqueness
   * on the coordinator: an office's series spans prefectures, the notices are distributed by theirs.
   */
  async insert(trx: Kysely<Database>, row: Insertable<Database['supervision_notice']> & { prefecture_code: string }) {
    await trx
      .insertInto('supervision_notice_number')
      .values({
        number: row.number,
        series: row.issuing_org_unit_id ?? '-',
        number_year: row.number_year ?? null,
        number_seq: row.number_seq ?? null,
        notice_id: row.id,
        prefecture_code: row.prefecture_code,
      })
      .execute();
    await trx.insertInto('supervision_notice').values(row).execute();
  },

  /**
   * Moves a notice from one state to the next; false when it was no longer in `from`. The notice is
   * named by its whole key (read before the write), so under Citus the update goes to one shard.
   */
  async transition(
    trx: Kysely<Database>,
    key: NoticeKey,
    from: readonly string[],
    changes: Updateable<Database['supervision_notice']>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('supervision_notice')
      .set(changes)
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Open notices whose reply is overdue and that have not been escalated yet. */
  listToEscalate(db: Kysely<Database>, asOf: string) {
    return db
      .selectFrom('supervision_notice')
      .select(['id', 'number', 'org_unit_id', 'region_code', 'prefecture_code', 'reply_due', 'issuing_org_unit_id'])
      .where('status', 'in', awaitingReply)
      .where('reply_due', '<', asOf)
      .where('escalated_at', 'is', null)
      .execute();
  },

  /** Open notices with a reply due on or before `until`, for reminders. */
  listOpenDueBy(db: Kysely<Database>, until: string) {
    return db
      .selectFrom('supervision_notice')
      .select(['id', 'number', 'org_unit_id', 'reply_due'])
      .where('status', 'in', awaitingReply)
      .where('reply_due', '<=', until)
      .execute();
  },

  /** Notices not yet acknowledged whose 签收 deadline is on or before `until`, for reminders. */
  listUnacknowledgedDueBy(db: Kysely<Database>, until: string) {
    return db
      .selectFrom('supervision_notice')
      .select(['id', 'number', 'org_unit_id', 'ack_due'])
      .where('status', '=', 'issued')
      .where('ack_due', 'is not', null)
      .where('ack_due', '<=', until)
      .execute();
  },

  /**
   * Marks a notice escalated (to `superiorId`, or to nobody when the unit has no higher office)
   * unless another run already did; true for the run that did.
   */
  async markEscalated(trx: Kysely<Database>, key: NoticeKey, superiorId: string | null): Promise<boolean> {
    const result = await trx
      .updateTable('supervision_notice')
      .set({ escalated_to_org_unit_id: superiorId, escalated_at: new Date() })
      .where('prefecture_code', '=', key.prefecture_code)
      .where('id', '=', key.id)
      .where('escalated_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
