import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type RequestFilter = {
  numbers?: string[];
  serviceCodes?: string[];
  start: Date;
  end: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
};

const OPEN = ['submitted', 'accepted', 'dispatched', 'handling', 'handled'];
const CLOSED = ['closed', 'rejected', 'duplicate'];

/**
 * Cases as the public GeoReport v2 interface (open311) shows them: public fields only. The open311
 * module reads them through `caseLookup`; these tables are the cases module's own.
 */
export const publicRequestRepository = {
  listRequests(db: Kysely<Database>, f: RequestFilter) {
    let q = db
      .selectFrom('problem_case as c')
      .innerJoin('case_category as k', 'k.code', 'c.category_code')
      .leftJoin('org_unit as u', 'u.id', 'c.org_unit_id')
      .innerJoin('region as r', 'r.code', 'c.region_code')
      .select([
        'c.id',
        'c.number',
        'c.status',
        'c.category_code',
        'k.name as category_name',
        'k.limit_amount',
        'k.limit_unit',
        'c.description',
        'u.name as unit_name',
        'c.reported_at',
        'c.updated_at',
        'c.closed_at',
        'c.deadline',
        'c.address',
        'c.lat',
        'c.lng',
        'c.reject_reason',
        'c.region_path',
        'r.name as region_name',
      ]);
    if (f.numbers) {
      q = q.where('c.number', 'in', f.numbers);
    } else {
      q = q.where('c.reported_at', '>=', f.start).where('c.reported_at', '<=', f.end);
      if (f.serviceCodes) q = q.where('c.category_code', 'in', f.serviceCodes);
      if (f.statuses && f.statuses.length === 1)
        q = q.where('c.status', 'in', f.statuses[0] === 'open' ? OPEN : CLOSED);
    }
    return q.orderBy('c.reported_at', 'desc').orderBy('c.id').limit(f.limit).execute();
  },

  /** The latest public note of each case (what the unit did, why it was rejected or reopened). */
  latestNotes(db: Kysely<Database>, caseIds: string[]) {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('case_event')
      .select(['case_id', 'kind', 'note', 'seq'])
      .where('case_id', 'in', caseIds)
      .where('kind', 'in', ['rejected', 'handled', 'verification_passed', 'reopened', 'paused'])
      .where('note', 'is not', null)
      .orderBy('seq')
      .execute();
  },

  /**
   * Timeline events of cases in a scope between two instants, as FixMyStreet's
   * servicerequestupdates reads them: oldest first, the kinds the public tracking page shows.
   */
  updates(db: Kysely<Database>, f: { start: Date; end: Date; scopePath: string; kinds: string[]; limit: number }) {
    return db
      .selectFrom('case_event as e')
      .innerJoin('problem_case as c', (join) =>
        join.onRef('c.prefecture_code', '=', 'e.prefecture_code').onRef('c.id', '=', 'e.case_id'),
      )
      .select(['e.id', 'e.kind', 'e.at', 'e.note', 'e.status', 'c.number', 'c.id as case_id'])
      .where('e.at', '>=', f.start)
      .where('e.at', '<=', f.end)
      .where('e.kind', 'in', f.kinds)
      .where((w) => w.or([w('c.region_path', '=', f.scopePath), w('c.region_path', 'like', `${f.scopePath}/%`)]))
      .orderBy('e.at')
      .orderBy('e.seq')
      .limit(f.limit)
      .execute();
  },

  /** The case a tracking token was issued for. */
  numberOfToken(db: Kysely<Database>, tokenHash: string) {
    return db
      .selectFrom('case_reporter as r')
      .innerJoin('problem_case as c', 'c.id', 'r.origin_case_id')
      .select('c.number')
      .where('r.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  firstPhotos(db: Kysely<Database>, caseIds: string[]) {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('case_photo')
      .select(['case_id', 'id', 'uploaded_at'])
      .where('case_id', 'in', caseIds)
      .where('kind', '=', 'before')
      .orderBy('uploaded_at')
      .execute();
  },
};
