import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CaseCategoryCode, CategoryKind, HolidayYear, TimeLimit } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile } from '../../data-files/yaml.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { generationRepository } from '../../cache/generation.ts';
import { calendarRepository } from './calendar-repository.ts';

const Child = z.strictObject({
  code: CaseCategoryCode,
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(200).optional(),
  timeLimit: TimeLimit,
  defaultUnit: z.string().trim().min(1).max(100).optional(),
  /** Words residents use for it, searched on the public report page besides the name. */
  keywords: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
});
const Group = z.strictObject({
  code: CaseCategoryCode,
  name: z.string().trim().min(1).max(50),
  kind: CategoryKind,
  description: z.string().trim().max(200).optional(),
  children: z.array(Child).min(1),
});
const CategoriesFile = z.strictObject({ categories: z.array(Group).min(1) });
const HolidaysFile = z.strictObject({ years: z.array(HolidayYear) });

export type CaseDataReport = { categories: number; deactivated: number; years: number[] };

/** Checks a holiday year beyond its shape: days inside the year, 调休 days on weekends, no day twice. */
function checkYears(years: HolidayYear[], problems: ImportProblems) {
  const seen = new Set<number>();
  years.forEach((y, i) => {
    if (seen.has(y.year)) problems.add(['years', i, 'year'], `year ${y.year} appears twice`);
    seen.add(y.year);
    const days = new Set<string>();
    const check = (list: 'holidays' | 'workdays') =>
      y[list].forEach((day, j) => {
        const at = ['years', i, list, j];
        const date = new Date(`${day}T00:00:00Z`);
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) problems.add(at, 'no such date');
        else if (Number(day.slice(0, 4)) !== y.year && !(list === 'holidays' && day.endsWith('-12-31')))
          problems.add(at, `${day} is not in ${y.year}`);
        else if (list === 'workdays' && date.getUTCDay() !== 0 && date.getUTCDay() !== 6)
          problems.add(at, `${day} is a weekday; only a Saturday or Sunday can be an adjusted working day`);
        if (days.has(day)) problems.add(at, `${day} is listed twice`);
        days.add(day);
      });
    check('holidays');
    check('workdays');
  });
}

/**
 * Loads `categories.yaml` and `holidays.yaml` from a directory (data/cases/): upserts the category
 * tree (categories no longer in the file are deactivated, never deleted: cases refer to them) and
 * replaces the calendar of every year the file lists. Everything or nothing, with one audit row.
 */
export async function importCaseData(db: Kysely<Database>, actor: Actor, dir: string): Promise<CaseDataReport> {
  authorize(actor, 'case.configure');
  const catSource = readYamlFile(path.join(dir, 'categories.yaml'));
  const cats = parseYamlData(catSource, CategoriesFile);
  const catProblems = new ImportProblems(catSource);
  const codes = new Set<string>();
  cats.categories.forEach((g, i) => {
    const seen = (code: string, at: (string | number)[]) => {
      if (codes.has(code)) catProblems.add(at, `category ${code} is defined twice`);
      codes.add(code);
    };
    seen(g.code, ['categories', i, 'code']);
    g.children.forEach((c, j) => seen(c.code, ['categories', i, 'children', j, 'code']));
  });
  catProblems.throwIfAny();
  const holSource = readYamlFile(path.join(dir, 'holidays.yaml'));
  const hol = parseYamlData(holSource, HolidaysFile);
  const holProblems = new ImportProblems(holSource);
  checkYears(hol.years, holProblems);
  holProblems.throwIfAny();

  const rows = cats.categories.flatMap((g, i) => [
    {
      code: g.code,
      name: g.name,
      kind: g.kind,
      parent_code: null,
      description: g.description ?? null,
      limit_amount: null,
      limit_unit: null,
      default_unit_name: null,
      keywords: [],
      active: true,
      sort_order: i * 100,
    },
    ...g.children.map((c, j) => ({
      code: c.code,
      name: c.name,
      kind: g.kind,
      parent_code: g.code,
      description: c.description ?? null,
      limit_amount: c.timeLimit.amount,
      limit_unit: c.timeLimit.unit,
      default_unit_name: c.defaultUnit ?? null,
      keywords: c.keywords ?? [],
      active: true,
      sort_order: i * 100 + j + 1,
    })),
  ]);

  const report = await db.transaction().execute(async (trx) => {
    for (const row of rows) await calendarRepository.upsertCategory(trx, row);
    const deactivated = await calendarRepository.deactivateCategoriesExcept(trx, [...codes]);
    for (const y of hol.years) {
      const days = [
        ...y.holidays.map((day) => ({ day, year: y.year, kind: 'holiday' })),
        ...y.workdays.map((day) => ({ day, year: y.year, kind: 'workday' })),
      ];
      await calendarRepository.replaceYear(trx, { year: y.year, source: y.source }, days);
    }
    const result = {
      categories: rows.length,
      deactivated,
      years: hol.years.map((y) => y.year),
    };
    await recordAudit(
      trx,
      { actor },
      { action: 'case.data.import', entityType: 'case_category', entityId: path.basename(dir), after: result },
    );
    // Every server's kept working calendar and categories are dropped once this commits.
    await generationRepository.advance(trx, 'case-calendar');
    await generationRepository.advance(trx, 'case-reference');
    return result;
  });
  return report;
}
