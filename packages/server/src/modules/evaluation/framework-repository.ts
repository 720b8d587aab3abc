import { FrameworkDocument } from '@chuangcheng/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';

type Db = Kysely<Database>;
export type FrameworkRow = Selectable<Database['evaluation_framework']>;

/** SQL for framework editions and their versions. */
export const frameworkRepository = {
  async insert(db: Db, row: Insertable<Database['evaluation_framework']>): Promise<void> {
    await db.insertInto('evaluation_framework').values(row).execute();
  },

  async insertVersion(db: Db, row: Insertable<Database['evaluation_framework_version']>): Promise<void> {
    await db.insertInto('evaluation_framework_version').values(row).execute();
  },

  async setCurrent(db: Db, id: string, values: { current_version: number; name: string; is_model: boolean }) {
    await db
      .updateTable('evaluation_framework')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async list(db: Db) {
    const rows = await db
      .selectFrom('evaluation_framework as f')
      .innerJoin('evaluation_framework_version as v', (join) =>
        join.onRef('v.framework_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
      )
      .selectAll('f')
      .select(['v.standard_count', 'v.document'])
      .orderBy('f.edition')
      .execute();
    return rows.map((r) => ({ ...r, document: frameworkDocument(r.document) }));
  },

  findById(db: Db, id: string) {
    return db.selectFrom('evaluation_framework').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locks the edition row for an update (versions are numbered one after another). */
  findByIdForUpdate(db: Db, id: string) {
    return db.selectFrom('evaluation_framework').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  findByEdition(db: Db, edition: string) {
    return db.selectFrom('evaluation_framework').selectAll().where('edition', '=', edition).executeTakeFirst();
  },

  async findVersion(db: Db, frameworkId: string, version: number) {
    const row = await db
      .selectFrom('evaluation_framework_version')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && { ...row, document: frameworkDocument(row.document) };
  },

  async findVersionById(db: Db, id: string) {
    const row = await db
      .selectFrom('evaluation_framework_version')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, document: frameworkDocument(row.document) };
  },

  listVersions(db: Db, frameworkId: string) {
    return db
      .selectFrom('evaluation_framework_version')
      .select(['version', 'note', 'checksum', 'created_by_name', 'created_at', 'added', 'removed', 'changed'])
      .where('framework_id', '=', frameworkId)
      .orderBy('version', 'desc')
      .execute();
  },
};

/** A stored framework version's document, checked against the schema it was saved with. */
function frameworkDocument(value: unknown): FrameworkDocument {
  return parseStored(FrameworkDocument, value, 'evaluation_framework_version.document');
}
