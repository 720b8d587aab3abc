import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConfigError } from '../../config.ts';
import { noticeRepository } from './notice-repository.ts';

/** Prefix rules: what precedes 〔year〕 on a 督办单 number, e.g. 黑文明督 or 哈文明督办. */
const PREFIX = /^[^\s〔〕]{1,20}$/u;

/**
 * Sets the 督办单 number prefix of an office, named by its name or id (CLI `supervision
 * notice-prefix`). Numbers already drawn keep their prefix; the series continues.
 */
export async function setNoticePrefix(db: Kysely<Database>, office: string, prefix: string) {
  if (!PREFIX.test(prefix)) throw new ConfigError(`prefix "${prefix}": 1-20 characters, no spaces or 〔〕`);
  const isId = /^[0-9a-f-]{36}$/i.test(office);
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where(isId ? 'id' : 'name', '=', office)
    .executeTakeFirst();
  if (!unit) throw new ConfigError(`no organisation named ${office}`);
  const taken = await db
    .selectFrom('supervision_office_setting as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select('u.name')
    .where('s.notice_prefix', '=', prefix)
    .where('s.org_unit_id', '!=', unit.id)
    .executeTakeFirst();
  if (taken) throw new ConfigError(`prefix ${prefix} is ${taken.name}'s; numbers would clash`);
  await noticeRepository.setPrefix(db, unit.id, prefix);
  return { orgUnitId: unit.id, name: unit.name, prefix };
}

/** Every office's configured prefix. */
export function listNoticePrefixes(db: Kysely<Database>) {
  return db
    .selectFrom('supervision_office_setting as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .select(['u.id as orgUnitId', 'u.name', 's.notice_prefix as prefix'])
    .orderBy('u.name')
    .execute();
}
