import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isWithinScope, OrgUnitCode, OrgUnitKind, RegionCode } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile } from '../../data-files/yaml.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { regionLookup } from '../regions/index.ts';
import { orgUnitRepository, type OrgUnitRow } from './repository.ts';
import { auditOrgUnit, auditView } from './service.ts';

/** Region codes may be written unquoted in YAML; they never start with 0, so nothing is lost. */
const RegionCodeValue = z.union([z.string(), z.number().int()]).transform(String).pipe(RegionCode);

/** One unit in an org-units file (`data/org-units/*.yaml`). */
const OrgUnitEntry = z.strictObject({
  code: OrgUnitCode,
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().min(1).max(100).optional(),
  kind: OrgUnitKind,
  regionCode: RegionCodeValue,
  /** Code of the unit this one belongs to: in the same file or already in the database. */
  parentCode: OrgUnitCode.optional(),
});
type OrgUnitEntry = z.infer<typeof OrgUnitEntry>;

export const OrgUnitsFile = z.strictObject({ units: z.array(OrgUnitEntry) });

const nameKey = (regionCode: string, name: string) => `${regionCode}\u0000${name}`;

/** Problems that need the database: unknown regions and parents, scope, clashes and parent cycles. */
async function checkUnits(db: Kysely<Database>, actor: Actor, units: OrgUnitEntry[], problems: ImportProblems) {
  const at = (i: number, field: keyof OrgUnitEntry) => ['units', i, field];
  const regions = new Map(
    (await regionLookup.listByCodes(db, [...new Set(units.map((u) => u.regionCode))])).map((r) => [r.code, r]),
  );
  const codes = [...new Set(units.flatMap((u) => [u.code, ...(u.parentCode ? [u.parentCode] : [])]))];
  const existing = await orgUnitRepository.listForImport(db, codes, [...regions.keys()]);
  const dbByCode = new Map(existing.map((r) => [r.code, r]));
  const dbByName = new Map(existing.map((r) => [nameKey(r.region_code, r.name), r]));
  const fileByCode = new Map<string, number>();
  const fileByName = new Map<string, number>();

  units.forEach((unit, i) => {
    const sameCode = fileByCode.get(unit.code);
    if (sameCode !== undefined)
      problems.add(at(i, 'code'), `unit ${unit.code} is already defined at units[${sameCode}]`);
    else fileByCode.set(unit.code, i);
    const key = nameKey(unit.regionCode, unit.name);
    const sameName = fileByName.get(key);
    if (sameName !== undefined)
      problems.add(at(i, 'name'), `${unit.name} appears twice in region ${unit.regionCode} (units[${sameName}])`);
    else fileByName.set(key, i);

    const region = regions.get(unit.regionCode);
    if (!region) problems.add(at(i, 'regionCode'), `unknown region code ${unit.regionCode}`);
    else if (!isWithinScope(actor.regionPath, region.path))
      problems.add(at(i, 'regionCode'), `region ${unit.regionCode} is outside your scope`);
    const holder = dbByName.get(key);
    if (holder && holder.code !== unit.code) {
      problems.add(
        at(i, 'name'),
        `${holder.region_name} already has a unit named ${unit.name} with code ${holder.code}`,
      );
    }
  });

  // Parents: known, not the unit itself, and never a loop (within the file or through the database).
  const fileCodes = new Set(units.map((u) => u.code));
  const parentInFile = new Map(units.map((u) => [u.code, u.parentCode]));
  for (const [i, unit] of units.entries()) {
    if (!unit.parentCode) continue;
    if (unit.parentCode === unit.code) {
      problems.add(at(i, 'parentCode'), 'a unit cannot belong to itself');
      continue;
    }
    if (!fileCodes.has(unit.parentCode) && !dbByCode.has(unit.parentCode)) {
      problems.add(at(i, 'parentCode'), `unknown org unit ${unit.parentCode}`);
      continue;
    }
    const seen = new Set([unit.code]);
    let current: string | undefined = unit.parentCode;
    while (current && fileCodes.has(current) && !seen.has(current)) {
      seen.add(current);
      current = parentInFile.get(current);
    }
    if (current && seen.has(current)) {
      problems.add(at(i, 'parentCode'), `parent chain loops back through ${current}`);
    } else if (current && dbByCode.has(current)) {
      const fileIds = new Set(existing.filter((r) => fileCodes.has(r.code)).map((r) => r.id));
      const ancestors = await orgUnitRepository.ancestorIds(db, dbByCode.get(current)!.id);
      if (ancestors.some((id) => fileIds.has(id)))
        problems.add(at(i, 'parentCode'), `parent chain loops back through ${current}`);
    }
  }
}

/**
 * Imports an org-units file. Every problem is reported as `file:line:field` and nothing
 * is written unless the whole file is valid. Re-importing is safe: units are upserted by
 * code (their id stays), parents are set from the file, and unchanged units leave no
 * audit row. Units absent from the file are left alone.
 */
export async function importOrgUnitsFile(
  db: Kysely<Database>,
  actor: Actor,
  file: string,
): Promise<{ orgUnits: number }> {
  authorize(actor, 'org.write');
  const source = readYamlFile(file);
  const { units } = parseYamlData(source, OrgUnitsFile);
  const problems = new ImportProblems(source);
  await checkUnits(db, actor, units, problems);
  problems.throwIfAny();

  await db.transaction().execute(async (trx) => {
    const before = new Map<string, OrgUnitRow>();
    const ids = new Map<string, string>();
    for (const unit of units) {
      const row = await orgUnitRepository.findByCode(trx, unit.code);
      const values = {
        name: unit.name,
        short_name: unit.shortName ?? null,
        kind: unit.kind,
        region_code: unit.regionCode,
      };
      if (row) {
        before.set(unit.code, row);
        ids.set(unit.code, row.id);
        await orgUnitRepository.update(trx, row.id, values);
      } else {
        const id = crypto.randomUUID();
        ids.set(unit.code, id);
        await orgUnitRepository.insert(trx, id, { code: unit.code, ...values, parent_id: null });
      }
    }
    // Parents second, so that a unit may name a parent listed further down the file.
    for (const unit of units) {
      const parentId = unit.parentCode
        ? (ids.get(unit.parentCode) ?? (await orgUnitRepository.findByCode(trx, unit.parentCode))!.id)
        : null;
      await orgUnitRepository.update(trx, ids.get(unit.code)!, { parent_id: parentId });
    }
    for (const unit of units) {
      const after = (await orgUnitRepository.findById(trx, ids.get(unit.code)!))!;
      const previous = before.get(unit.code);
      if (previous && JSON.stringify(auditView(previous)) === JSON.stringify(auditView(after))) continue;
      await auditOrgUnit(trx, { actor }, 'org_unit.import', previous, after);
    }
  });
  return { orgUnits: units.length };
}
