import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { generationRepository } from '../../cache/generation.ts';
import { attachUploads, type CaseRow } from './repository.ts';

const OPEN = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'] as const;

/** What one intake reads before it writes: the generations of its caches, the key, the region and its unit. */
type IntakeReading = {
  reference_generation: number;
  calendar_generation: number;
  root_code: string | null;
  intake_key: { case_id: string; fingerprint: string } | null;
  region: { code: string; name: string; path: string; level: number; prefecture_code: string | null } | null;
  rule_unit_id: string | null;
  named_unit_id: string | null;
};

/** An open case near a new one as the intake statement returns it (JSON: the time is a string). */
type NearbyRow = {
  id: string;
  number: string;
  status: string;
  category_code: string;
  description: string;
  lat: number;
  lng: number;
  created_at: string;
};

export type IntakeWrite = {
  case: {
    id: string;
    /** The case number's first eight digits (the China date); the sequence gives the rest. */
    datePrefix: string;
    category_code: string;
    region_code: string;
    region_path: string;
    prefecture_code: string;
    description: string;
    lat: number | null;
    lng: number | null;
    address: string | null;
    channel: string;
    suggested_unit_id: string | null;
    created_by: string | null;
    reported_at: Date;
    created_at: Date;
    deadline: Date;
    accept_deadline: Date;
  };
  key: string;
  fingerprint: string;
  reporter: {
    id: string;
    token_hash: string;
    contact: string | null;
    phone_sealed: string | null;
    phone_index: string | null;
  };
  event: { id: string; actor_id: string | null; actor_name: string | null; data: string };
  photoIds: string[];
  /** The audit entry's common table expressions (audit module); `case_number` is in scope for them. */
  audit: (number: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** The `case.changed` event's common table expression (outbox), for the statistics roll-up. */
  changed: RawBuilder<unknown>;
  /** The duplicate search: open cases of the category in this box since this time. */
  nearby: { box: { minLat: number; maxLat: number; minLng: number; maxLng: number }; since: Date } | null;
};

/**
 * SQL of case intake: one statement that reads everything an intake needs that is not cached, and
 * one that writes the case with everything that goes with it. Two round trips (docs/PERFORMANCE.md,
 * decision 0186).
 */
export const intakeRepository = {
  /**
   * The cache generations (case reference data, the calendar), the idempotency key, the province
   * root, the region by code, and the unit a dispatch rule or the category's default unit name
   * gives for it, in one statement.
   */
  async read(
    db: Kysely<Database>,
    q: { key: string; regionCode: string | null; categoryCode: string; unitName: string | null },
  ): Promise<IntakeReading> {
    const { rows } = await sql<IntakeReading>`
      select ${generationRepository.expression('case-reference')} as reference_generation,
             ${generationRepository.expression('case-calendar')} as calendar_generation,
             (select code from region where level = 1 order by code limit 1) as root_code,
             (select json_build_object('case_id', k.case_id, 'fingerprint', k.fingerprint)
                from case_intake_key k where k.key = ${q.key}) as intake_key,
             case when r.code is null then null
                  else json_build_object('code', r.code, 'name', r.name, 'path', r.path, 'level', r.level,
                                         'prefecture_code', r.prefecture_code) end as region,
             (select d.org_unit_id
                from case_dispatch_rule d join region dr on dr.code = d.region_code
               where d.region_code = any(string_to_array(r.path, '/'))
                 and (d.category_code = ${q.categoryCode} or d.category_code is null)
               order by dr.level desc, d.category_code is null
               limit 1) as rule_unit_id,
             (select u.id
                from org_unit u join region ur on ur.code = u.region_code
               where ${q.unitName}::text is not null
                 and u.region_code = any(string_to_array(r.path, '/'))
                 and (u.name like '%' || ${q.unitName}::text or u.short_name like '%' || ${q.unitName}::text)
               order by ur.level desc, u.name
               limit 1) as named_unit_id
        from (select 1) as one
        left join region r on r.code = ${q.regionCode}::text`.execute(db);
    const row = rows[0]!;
    return {
      ...row,
      reference_generation: Number(row.reference_generation),
      calendar_generation: Number(row.calendar_generation),
    };
  },

  /**
   * Files a case in one statement: its number from the sequence, the case, the idempotency key (a
   * second request with the key fails the whole statement on the key's primary key), the reporter,
   * the timeline row, the statistics event (outbox), the photos, the audit entry with its queue row, and the duplicate search
   * (which reads the table as it was before the statement, so the new case is not among them).
   */
  async file(
    db: Kysely<Database>,
    w: IntakeWrite,
  ): Promise<CaseRow & { photos_attached: number; nearby: NearbyRow[] }> {
    const c = w.case;
    const photos =
      w.photoIds.length > 0
        ? sql`${attachUploads(w.photoIds, c.id, c.prefecture_code, w.event.id)},`
        : sql`attached as (select null::uuid as id where false),`;
    const nearby = w.nearby
      ? sql`(select coalesce(json_agg(x), '[]'::json) from (
            select id, number, status, category_code, description, lat, lng, created_at
              from problem_case
             where category_code = ${c.category_code}
               and status in (${sql.join(OPEN)})
               and lat >= ${w.nearby.box.minLat} and lat <= ${w.nearby.box.maxLat}
               and lng >= ${w.nearby.box.minLng} and lng <= ${w.nearby.box.maxLng}
               and created_at >= ${w.nearby.since}
             order by created_at desc
             limit 50) x)`
      : sql`'[]'::json`;
    const { rows } = await sql<CaseRow & { photos_attached: number; nearby: NearbyRow[] }>`
      with case_number as (
        select ${c.datePrefix}::text || lpad(s.n::text, greatest(6, length(s.n::text)), '0') as number
          from (select nextval('case_number_seq') as n) s
      ),
      new_case as (
        insert into problem_case (id, number, category_code, region_code, region_path, prefecture_code,
                                  description, lat, lng, address, channel, status, org_unit_id,
                                  suggested_unit_id, created_by, reported_at, created_at, deadline,
                                  accept_deadline)
        values (${c.id}, (select number from case_number), ${c.category_code}, ${c.region_code},
                ${c.region_path}, ${c.prefecture_code}, ${c.description}, ${c.lat}, ${c.lng}, ${c.address},
                ${c.channel}, 'submitted', null, ${c.suggested_unit_id}, ${c.created_by}, ${c.reported_at},
                ${c.created_at}, ${c.deadline}, ${c.accept_deadline})
        returning *
      ),
      intake_key as (
        insert into case_intake_key (key, case_id, prefecture_code, fingerprint)
        values (${w.key}, ${c.id}, ${c.prefecture_code}, ${w.fingerprint})
      ),
      reporter as (
        insert into case_reporter (id, case_id, prefecture_code, origin_case_id, token_hash, contact,
                                   phone_sealed, phone_index, user_id)
        values (${w.reporter.id}, ${c.id}, ${c.prefecture_code}, ${c.id}, ${w.reporter.token_hash},
                ${w.reporter.contact}::jsonb, ${w.reporter.phone_sealed}, ${w.reporter.phone_index}, ${c.created_by})
      ),
      submitted as (
        insert into case_event (id, case_id, prefecture_code, kind, status, note, actor_id, actor_name,
                                org_unit_id, data, at)
        values (${w.event.id}, ${c.id}, ${c.prefecture_code}, 'submitted', 'submitted', null, ${w.event.actor_id},
                ${w.event.actor_name}, null, ${w.event.data}::jsonb, ${c.created_at})
      ),
      ${w.changed},
      ${photos}
      ${w.audit(sql`jsonb_build_object('number', (select number from case_number))`)}
      select new_case.*, (select count(*) from attached)::int as photos_attached, ${nearby} as nearby
        from new_case`.execute(db);
    return rows[0]!;
  },
};

/** True when an error is the idempotency key's primary key refusing a second case for one key. */
export function isKeyTaken(error: unknown): boolean {
  const e = error as { code?: string; table?: string; constraint?: string };
  return e.code === '23505' && (e.table === 'case_intake_key' || e.constraint === 'case_intake_key_pkey');
}
