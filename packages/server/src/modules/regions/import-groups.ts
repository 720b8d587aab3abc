import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RegionCode, RegionGroupCode, RegionGroupKind } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile } from '../../data-files/yaml.ts';
import type { Actor } from '../auth/index.ts';
import { groupPolicy } from './group-policy.ts';
import { writeGroup } from './group-service.ts';
import { regionRepository } from './repository.ts';

/** Region codes may be written unquoted in YAML; they never start with 0, so nothing is lost. */
const MemberCode = z.union([z.string(), z.number().int()]).transform(String).pipe(RegionCode);

/** One group in a groups file (`data/regions/*-groups.yaml`). */
const RegionGroupEntry = z.strictObject({
  code: RegionGroupCode,
  name: z.string().trim().min(1).max(100),
  kind: RegionGroupKind,
  /** Where the membership comes from; say so when it is an interpretation of the plan. */
  description: z.string().trim().max(2000).optional(),
  /** Region codes; unknown codes are reported, never created. */
  members: z.array(MemberCode),
});

const RegionGroupsFile = z.strictObject({ groups: z.array(RegionGroupEntry) });
type RegionGroupsFile = z.infer<typeof RegionGroupsFile>;

/**
 * Imports a groups file. Every problem is reported as `file:line:field` and nothing is
 * written unless the whole file is valid. Re-importing is safe: groups are upserted by
 * code and their members replaced; groups absent from the file are left alone.
 */
export async function importGroupsFile(db: Kysely<Database>, actor: Actor, file: string): Promise<{ groups: number }> {
  groupPolicy.canWrite(actor);
  const source = readYamlFile(file);
  const data = parseYamlData(source, RegionGroupsFile);
  const problems = new ImportProblems(source);

  const allCodes = [...new Set(data.groups.flatMap((g) => g.members))];
  const known = new Set((await regionRepository.namesOf(db, allCodes)).map((r) => r.code));
  const firstIndex = new Map<string, number>();
  data.groups.forEach((group, i) => {
    const first = firstIndex.get(group.code);
    if (first !== undefined)
      problems.add(['groups', i, 'code'], `group ${group.code} is already defined at groups[${first}]`);
    else firstIndex.set(group.code, i);
    const seen = new Set<string>();
    group.members.forEach((code, j) => {
      if (!known.has(code)) problems.add(['groups', i, 'members', j], `unknown region code ${code}`);
      else if (seen.has(code)) problems.add(['groups', i, 'members', j], `region ${code} is listed twice`);
      seen.add(code);
    });
  });
  problems.throwIfAny();

  await db.transaction().execute(async (trx) => {
    for (const group of data.groups) {
      await writeGroup(
        trx,
        { actor, fallbackRegionCode: actor.regionCode },
        {
          code: group.code,
          name: group.name,
          kind: group.kind,
          description: group.description ?? null,
          memberCodes: group.members,
        },
        'region_group.import',
      );
    }
  });
  return { groups: data.groups.length };
}
