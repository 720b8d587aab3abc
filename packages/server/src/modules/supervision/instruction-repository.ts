import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withTaskNames } from './plan-names.ts';

function instructionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('leader_instruction as i')
    .innerJoin('region as r', 'r.code', 'i.region_code')
    .innerJoin('org_unit as office', 'office.id', 'i.issuing_org_unit_id')
    .innerJoin('org_unit as lead', 'lead.id', 'i.lead_org_unit_id')
    .selectAll('i')
    .select(['r.path as region_path', 'office.name as office_name', 'lead.name as lead_name']);
}

type BaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof instructionQuery>['executeTakeFirst']>>>;
/** An instruction with its region, offices and the number and title of its task (from plans). */
export type InstructionRow = BaseRow & { task_number: string | null; task_title: string | null };

export type InstructionFilter = {
  /** Issued in this region subtree (an office's view). */
  scopePath?: string;
  /** Lead or assisting unit (a unit's view, or the office's unit filter). */
  involvingUnit?: string;
  status?: string;
  /** Open (待签收 or 办理中) with the reply date before this day. */
  overdueOn?: string;
};

function filtered(db: Kysely<Database>, filter: InstructionFilter) {
  let query = instructionQuery(db);
  if (filter.scopePath) {
    const scope = filter.scopePath;
    query = query.where((eb) => eb.or([eb('r.path', '=', scope), eb('r.path', 'like', `${scope}/%`)]));
  }
  if (filter.involvingUnit) {
    const unit = filter.involvingUnit;
    query = query.where((eb) =>
      eb.or([
        eb('i.lead_org_unit_id', '=', unit),
        eb.exists(
          eb
            .selectFrom('leader_instruction_unit as x')
            .select('x.instruction_id')
            .whereRef('x.instruction_id', '=', 'i.id')
            .where('x.org_unit_id', '=', unit),
        ),
      ]),
    );
  }
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.overdueOn) {
    query = query.where('i.status', 'in', ['pending_sign', 'in_progress']).where('i.reply_due', '<', filter.overdueOn);
  }
  return query;
}

export const instructionRepository = {
  async findById(db: Kysely<Database>, id: string): Promise<InstructionRow | undefined> {
    const row = await instructionQuery(db).where('i.id', '=', id).executeTakeFirst();
    return row && (await withTaskNames(db, [row]))[0];
  },

  /** One page, the nearest reply date first, and the count of all that match. */
  async page(db: Kysely<Database>, filter: InstructionFilter, page: { offset: number; limit: number }) {
    const rows = await filtered(db, filter)
      .orderBy('i.reply_due')
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    const count = await filtered(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { rows: await withTaskNames(db, rows), total: Number(count.n) };
  },

  /** Assisting units of instructions, by instruction. */
  async assisting(db: Kysely<Database>, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { id: string; name: string }[]>();
    const rows = await db
      .selectFrom('leader_instruction_unit as x')
      .innerJoin('org_unit as u', 'u.id', 'x.org_unit_id')
      .select(['x.instruction_id', 'u.id', 'u.name'])
      .where('x.instruction_id', 'in', ids)
      .orderBy('u.code')
      .execute();
    const out = new Map<string, { id: string; name: string }[]>();
    for (const r of rows) out.set(r.instruction_id, [...(out.get(r.instruction_id) ?? []), { id: r.id, name: r.name }]);
    return out;
  },

  steps(db: Kysely<Database>, id: string) {
    return db
      .selectFrom('leader_instruction_step as s')
      .innerJoin('app_user as a', 'a.id', 's.actor_id')
      .leftJoin('org_unit as u', 'u.id', 's.org_unit_id')
      .selectAll('s')
      .select(['a.display_name', 'u.id as unit_id', 'u.name as unit_name'])
      .where('s.instruction_id', '=', id)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
  },

  /** The 督办单 issued for an instruction, oldest first. */
  notices(db: Kysely<Database>, id: string) {
    return db
      .selectFrom('supervision_notice')
      .select(['id', 'number', 'status'])
      .where('instruction_id', '=', id)
      .orderBy('issued_at')
      .orderBy('id')
      .execute();
  },

  async insert(
    trx: Kysely<Database>,
    row: Insertable<Database['leader_instruction']>,
    assisting: readonly string[],
  ): Promise<void> {
    await trx.insertInto('leader_instruction').values(row).execute();
    if (assisting.length > 0) {
      await trx
        .insertInto('leader_instruction_unit')
        .values([...new Set(assisting)].map((org_unit_id) => ({ instruction_id: row.id, org_unit_id })))
        .execute();
    }
  },

  /** Moves an instruction from one of `from` to `status`; false when it was in another state. */
  async transition(
    trx: Kysely<Database>,
    id: string,
    from: readonly string[],
    status: string,
    returned = false,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('leader_instruction')
      .set((eb) => ({
        status,
        updated_at: new Date(),
        ...(returned ? { returned_count: eb('returned_count', '+', 1) } : {}),
      }))
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async addStep(trx: Kysely<Database>, row: Insertable<Database['leader_instruction_step']>): Promise<void> {
    await trx.insertInto('leader_instruction_step').values(row).execute();
  },

  async countSteps(trx: Kysely<Database>, id: string, action: string): Promise<number> {
    const row = await trx
      .selectFrom('leader_instruction_step')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('instruction_id', '=', id)
      .where('action', '=', action)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
