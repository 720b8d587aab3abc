import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CaseQueue } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';

export type ListFilter = {
  /** Region subtree; null for a unit officer (their unit decides). */
  scopePath: string | null;
  unitId: string | null;
  queue: CaseQueue | null;
  notHandledBy: string | null;
  status: string | null;
  categoryCode: string | null;
  overdue: boolean | null;
  q: string | null;
  /** created: newest first; deadline: earliest deadline first. */
  sort: 'created' | 'deadline';
  after?: { at: Date; id: string };
  /** Rows to skip (numbered pages); with `after` unset. */
  offset?: number;
  limit: number;
};

const QUEUE_STATUSES: Record<CaseQueue, string[]> = {
  dispatch: ['submitted', 'accepted'],
  unit: ['dispatched', 'handling'],
  verify: ['handled'],
};
const OPEN = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'];

/**
 * The place a case is in as a person reads it, from the city down ("哈尔滨市 道里区 兆麟街道"): a
 * street name alone does not say which district it is in. The path's codes are primary keys, so
 * this is a handful of index lookups per row.
 */
export function placeName(path: RawBuilder<unknown>) {
  return sql<string>`(select string_agg(a.name, ' ' order by a.level) from region a
    where a.level >= 2 and a.code = any(string_to_array(${path}, '/')))`;
}

type Filter = Omit<ListFilter, 'sort' | 'after' | 'offset' | 'limit'>;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('problem_case as c')
    .innerJoin('case_category as k', 'k.code', 'c.category_code')
    .innerJoin('region as r', 'r.code', 'c.region_code')
    .leftJoin('org_unit as u', 'u.id', 'c.org_unit_id')
    .selectAll('c')
    .select(['k.name as category_name', 'r.name as region_name', 'u.name as unit_name'])
    .select(placeName(sql.ref('r.path')).as('place_name'));
}

/** The list's filters, shared by the page and its count. */
function filtered<Q extends ReturnType<typeof baseQuery>>(query: Q, f: Filter): Q {
  let q = query;
  if (f.scopePath !== null) {
    const path = f.scopePath;
    q = q.where((eb) => eb.or([eb('c.region_path', '=', path), eb('c.region_path', 'like', `${path}/%`)])) as Q;
  }
  if (f.unitId !== null) q = q.where('c.org_unit_id', '=', f.unitId) as Q;
  if (f.queue) q = q.where('c.status', 'in', QUEUE_STATUSES[f.queue]) as Q;
  if (f.notHandledBy) {
    const me = f.notHandledBy;
    q = q.where((eb) => eb.or([eb('c.handled_by', 'is', null), eb('c.handled_by', '!=', me)])) as Q;
  }
  if (f.status) q = q.where('c.status', '=', f.status) as Q;
  if (f.categoryCode) {
    const code = f.categoryCode;
    q = q.where((eb) => eb.or([eb('c.category_code', '=', code), eb('k.parent_code', '=', code)])) as Q;
  }
  if (f.overdue !== null) {
    const overdue = sql<boolean>`(c.status in (${sql.join(OPEN)}) and coalesce(c.paused_at, now()) > c.deadline)`;
    q = q.where(f.overdue ? overdue : sql<boolean>`not ${overdue}`) as Q;
  }
  if (f.q) {
    const text = f.q.replace(/[%_\\]/g, '');
    q = q.where((eb) => eb.or([eb('c.number', 'like', `${text}%`), eb('c.description', 'like', `%${text}%`)])) as Q;
  }
  return q;
}

/** Case lists and queues, keyset-paged on (created_at desc, id desc) or (deadline, id), or by offset. */
export const caseListRepository = {
  list(db: Kysely<Database>, f: ListFilter) {
    let q = filtered(baseQuery(db), f);
    if (f.offset) q = q.offset(f.offset);
    if (f.sort === 'created') {
      if (f.after) {
        const a = f.after;
        q = q.where((eb) =>
          eb.or([eb('c.created_at', '<', a.at), eb.and([eb('c.created_at', '=', a.at), eb('c.id', '<', a.id)])]),
        );
      }
      return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
    }
    if (f.after) {
      const a = f.after;
      q = q.where((eb) =>
        eb.or([eb('c.deadline', '>', a.at), eb.and([eb('c.deadline', '=', a.at), eb('c.id', '>', a.id)])]),
      );
    }
    return q.orderBy('c.deadline').orderBy('c.id').limit(f.limit).execute();
  },

  /** How many cases `list` would page through. */
  async count(db: Kysely<Database>, f: Filter): Promise<number> {
    const row = await filtered(baseQuery(db), f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
