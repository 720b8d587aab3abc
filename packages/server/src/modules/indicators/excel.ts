import type { Kysely } from 'kysely';
import {
  message,
  IndicatorPeriod,
  indicatorPeriodType,
  isWithinScope,
  EntryStatus,
  type ImportResult,
  IndicatorPeriodType,
  type IndicatorSeries,
  type LocalizedMessage,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, importSummary, notFound, type ServerFieldError } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { loadCatalogue } from './catalogue.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { observationRepository } from './observation-repository.ts';
import { checkValues, dataSetUnder, reportingRegionsUnder, resolveEntry, writeValues, type Ctx } from './entry.ts';
import type { EntryKey } from './entry-repository.ts';

/*
 * Excel templates and imports of a data set (layout in docs/api/indicators.md): sheet 数据, A1 the
 * data set, B2 the period, hidden row 3 the element codes, row 4 headers, one reporting region per
 * row from row 5. Imports are all or nothing, with errors by row and column.
 */

const SHEET = '数据';
const FIRST_ROW = 5;
const FIRST_COL = 3;

const columnLetter = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function templateWorkbook(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  regionCode: string,
  period: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  authorize(actor, 'data.enter');
  const { set, root } = await dataSetUnder(db, actor, code, regionCode, period);
  const regions = await reportingRegionsUnder(db, set, root);
  const saved = await observationRepository.enteredValues(
    db,
    code,
    period,
    regions.map((r) => r.code),
  );
  const value = new Map(saved.map((s) => [`${s.region_code}|${s.data_element_code}`, s.value]));

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  sheet.getCell(1, 1).value = `${set.name}（${root.name}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = '期间';
  sheet.getCell(2, 2).value = period;
  sheet.getRow(3).values = ['region', 'name', ...set.elements.map((e) => e.code)];
  sheet.getRow(3).hidden = true;
  const header = sheet.getRow(4);
  header.values = [
    '地区代码',
    '地区名称',
    ...set.elements.map((e) => `${e.name}（${e.unit}）${e.required ? '' : '（选填）'}`),
  ];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  sheet.columns = [{ width: 14 }, { width: 18 }, ...set.elements.map(() => ({ width: 20 }))];
  regions.forEach((r, i) => {
    const row = sheet.getRow(FIRST_ROW + i);
    row.getCell(1).value = r.code;
    row.getCell(2).value = r.name;
    set.elements.forEach((e, j) => {
      const v = value.get(`${r.code}|${e.code}`);
      if (v !== undefined) row.getCell(FIRST_COL + j).value = v;
    });
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${set.name}-${root.name}-${period}.xlsx` };
}

type CellValue = unknown;

/** A cell as a number, null when empty, or a string saying what is wrong. */
function numberOf(value: CellValue): number | null | { problem: LocalizedMessage } {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim().replaceAll(',', '');
    if (text === '') return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : { problem: message('import.notANumber', { value }) };
  }
  if (typeof value === 'object' && value !== null && 'result' in value)
    return numberOf((value as { result: unknown }).result);
  return { problem: message('import.isNotANumber') };
}

function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'result' in value)
    return textOf((value as { result: unknown }).result);
  if (typeof value === 'object' && value !== null && 'richText' in value) {
    return (value as { richText: { text: string }[] }).richText
      .map((t) => t.text)
      .join('')
      .trim();
  }
  return String(value as string | number).trim();
}

const importFailed = (errors: ServerFieldError[]) =>
  new AppError('IMPORT_FAILED', importSummary(errors), errors.slice(0, 200));

/** Imports a filled template: every row's values as drafts (source excel), or nothing. */
export async function importWorkbook(
  db: Kysely<Database>,
  ctx: Ctx,
  code: string,
  file: Buffer,
): Promise<ImportResult> {
  authorize(ctx.actor, 'data.enter');
  const catalogue = await loadCatalogue(db);
  const set = catalogue.dataSetByCode.get(code);
  if (!set) throw notFound('dataSet', code);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw importFailed([{ field: 'file', message: message('import.notXlsx') }]);
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw importFailed([{ field: 'file', message: message('import.noSheet') }]);

  const period = textOf(sheet.getCell(2, 2).value);
  if (!IndicatorPeriod.safeParse(period).success || indicatorPeriodType(period) !== set.period_type) {
    throw importFailed([
      {
        field: 'period',
        message: message('import.badPeriod', {
          period,
          periodType: message(`periodType.${IndicatorPeriodType.parse(set.period_type)}`),
          example: set.period_type === 'year' ? '2019' : set.period_type === 'quarter' ? '2019Q3' : '2019-07',
        }),
      },
    ]);
  }
  const elementCodes = new Set(set.elements.map((e) => e.code));
  const columns: { col: number; code: string }[] = [];
  const headerErrors: ServerFieldError[] = [];
  for (let col = FIRST_COL; col <= sheet.columnCount; col++) {
    const c = textOf(sheet.getCell(3, col).value);
    if (!c) continue;
    if (!elementCodes.has(c))
      headerErrors.push({
        field: 'row 3',
        message: message('import.unknownElement', { cell: `${columnLetter(col)}3`, code: c }),
      });
    else columns.push({ col, code: c });
  }
  if (columns.length === 0) headerErrors.push({ field: 'row 3', message: message('import.noElementCodes') });
  if (headerErrors.length > 0) throw importFailed(headerErrors);

  const errors: ServerFieldError[] = [];
  const rows: { key: EntryKey; values: Record<string, number | null>; rowNumber: number }[] = [];
  const seen = new Map<string, number>();
  for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const regionCode = textOf(row.getCell(1).value);
    const values: Record<string, number | null> = {};
    let rowHasValues = false;
    const cellErrors: ServerFieldError[] = [];
    for (const { col, code: el } of columns) {
      const v = numberOf(row.getCell(col).value);
      if (v !== null && typeof v === 'object') {
        cellErrors.push({
          field: `row ${r}.${el}`,
          message: message('import.atCell', { cell: `${columnLetter(col)}${r}`, text: v.problem }),
        });
      } else if (v !== null) {
        values[el] = v;
        rowHasValues = true;
      }
    }
    if (!regionCode && !rowHasValues && cellErrors.length === 0) continue;
    errors.push(...cellErrors);
    if (!regionCode) {
      errors.push({ field: `row ${r}.region`, message: message('import.emptyRegion', { cell: `A${r}` }) });
      continue;
    }
    if (seen.has(regionCode)) {
      errors.push({
        field: `row ${r}.region`,
        message: message('import.regionTwice', { cell: `A${r}`, code: regionCode, row: seen.get(regionCode)! }),
      });
      continue;
    }
    seen.set(regionCode, r);
    let key: EntryKey;
    try {
      key = await resolveEntry(db, catalogue, code, regionCode, period, {
        region: `row ${r}.region`,
        period: 'period',
      });
    } catch (error) {
      if (error instanceof AppError && (error.errors?.length || error.code === 'NOT_FOUND')) {
        const list = error.errors?.length
          ? error.errors
          : [{ field: `row ${r}.region`, message: message('field.noRegion', { code: regionCode }) }];
        errors.push(
          ...list.map((e) => ({
            field: e.field,
            message: message('import.atCell', { cell: `A${r}`, text: e.message }),
          })),
        );
        continue;
      }
      throw error;
    }
    if (!isWithinScope(ctx.actor.regionPath, key.region.path)) {
      errors.push({
        field: `row ${r}.region`,
        message: message('import.regionOutsideScope', { cell: `A${r}`, region: key.region.name }),
      });
      continue;
    }
    if (!rowHasValues) continue;
    const colOf = new Map(columns.map((c) => [c.code, c.col]));
    const saved = await observationRepository.enteredValuesOf(db, code, regionCode, period);
    const status = await observationRepository.entryStatus(db, code, regionCode, period);
    if (status && !['draft', 'returned'].includes(status.status)) {
      errors.push({
        field: `row ${r}.region`,
        message: message('import.entryLocked', {
          cell: `A${r}`,
          region: key.region.name,
          period,
          status: message(`entryStatus.${EntryStatus.parse(status.status)}`),
        }),
      });
      continue;
    }
    const problems = checkValues(
      catalogue,
      set,
      new Map(saved.map((s) => [s.data_element_code, s.value])),
      values,
      (el) => `row ${r}.${el}`,
    );
    errors.push(
      ...problems.map((p) => {
        const el = p.field.slice(p.field.indexOf('.') + 1);
        return {
          field: p.field,
          message: message('import.atCell', {
            cell: `${columnLetter(colOf.get(el) ?? FIRST_COL)}${r}`,
            text: p.message,
          }),
        };
      }),
    );
    rows.push({ key, values, rowNumber: r });
  }
  if (errors.length > 0) throw importFailed(errors);
  if (rows.length === 0) throw importFailed([{ field: `row ${FIRST_ROW}`, message: message('import.noValues') }]);
  let values = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of rows) values += await writeValues(trx, ctx, row.key, row.values, {}, 'excel');
    await emitEvent(trx, {
      name: 'data-entry.saved',
      payload: { dataSetCode: code, regionCodes: rows.map((r) => r.key.region.code), period },
    });
  });
  return { dataSet: code, period, regions: rows.length, values };
}

/** A series table as a workbook: one row per region × period. */
export async function seriesWorkbook(series: IndicatorSeries): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const sheet = workbook.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 2 }] });
  const ind = series.indicator;
  sheet.getCell(1, 1).value = `${ind.name}（${ind.unit}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ['地区代码', '地区名称', '期间', `${ind.name}（${ind.unit}）`];
  if (ind.denominator)
    header.push(`${ind.numerator.name}（${ind.numerator.unit}）`, `${ind.denominator.name}（${ind.denominator.unit}）`);
  header.push('已报地区', '应报地区', '按时报送地区', '待省级审核');
  sheet.getRow(2).values = header;
  sheet.getRow(2).font = { bold: true };
  sheet.columns = header.map((_, i) => ({ width: i < 2 ? 14 : 18 }));
  for (const { region, points } of series.regions) {
    for (const p of points) {
      const row: (string | number | null)[] = [region.code, region.name, p.period, p.value];
      if (ind.denominator) row.push(p.numerator, p.denominator);
      row.push(p.coverage.reported, p.coverage.expected, p.coverage.timely, p.unapproved);
      sheet.addRow(row);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
