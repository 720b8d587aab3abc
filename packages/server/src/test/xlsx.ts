import ExcelJS from 'exceljs';
import type { LightMyRequestResponse as Response } from 'fastify';
import { expect } from 'vitest';

/**
 * The first sheet of a list's Excel export (`listExportRoute`): checks the answer is a workbook
 * download with an ASCII and a UTF-8 file name, and gives the sheet's title, header and data rows
 * (plain values, from row 3) and its frozen view.
 */
export async function exportedSheet(res: Response) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(
    /^attachment; filename="[\w.-]+\.xlsx"; filename\*=UTF-8''/,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 3; n <= sheet.rowCount; n++) rows.push(values(n));
  return { title: String(sheet.getCell(1, 1).value), header: values(2), rows, frozen: sheet.views[0] };
}
