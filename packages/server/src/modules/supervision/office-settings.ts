import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConfigError } from '../../config.ts';
import { noticeRepository } from './notice-repository.ts';
import { unitRepository } from './unit-repository.ts';

/** Prefix rules: what precedes 〔year〕 on a 督办单 number, e.g. 黑文明督 or 哈文明督办. */
const PREFIX = /^[^\s〔〕]{1,20}$/u;

/**
 * Sets the 督办单 number prefix of an office, named by its name or id (CLI `supervision
 * notice-prefix`). Numbers already drawn keep their prefix; the series continues.
 */
export async function setNoticePrefix(db: Kysely<Database>, office: string, prefix: string) {
  if (!PREFIX.test(prefix)) throw new ConfigError(`prefix "${prefix}": 1-20 characters, no spaces or 〔〕`);
  const isId = /^[0-9a-f-]{36}$/i.test(office);
  const unit = await unitRepository.unitByIdOrName(db, office, isId);
  if (!unit) throw new ConfigError(`no organisation named ${office}`);
  const taken = await unitRepository.prefixHolder(db, prefix, unit.id);
  if (taken) throw new ConfigError(`prefix ${prefix} is ${taken.name}'s; numbers would clash`);
  await noticeRepository.setPrefix(db, unit.id, prefix);
  return { orgUnitId: unit.id, name: unit.name, prefix };
}

/** Every office's configured prefix. */
export function listNoticePrefixes(db: Kysely<Database>) {
  return unitRepository.listPrefixes(db);
}
