import type { FastifyReply } from 'fastify';

/** The media type of every Excel file the API sends. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Content-Disposition` with an ASCII fallback name and the real (Chinese) name for browsers that read RFC 6266. */
export const disposition = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The same for one name: its ASCII fallback is the name with every other character as `_` (RFC 6266). */
export const dispositionOf = (fileName: string) =>
  disposition(fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', ''), fileName);

/** Sends a workbook as a download named `name` (`ascii` for clients that cannot read a UTF-8 name). */
export function sendXlsx(reply: FastifyReply, file: { ascii: string; name: string }, body: Buffer) {
  return reply.type(XLSX).header('content-disposition', disposition(file.ascii, file.name)).send(body);
}

/**
 * At most this many rows go into one list export: an office prints or forwards a filtered list,
 * not the whole database, and a bigger sheet would hold the server's memory for seconds.
 */
const EXPORT_ROW_LIMIT = 10_000;

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Every row of a cursor-paged list, read through the list's own service so the export has exactly
 * the list's filters and scope; stops at `EXPORT_ROW_LIMIT` and says so.
 */
export async function collectPages<T>(
  readPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
  limit = EXPORT_ROW_LIMIT,
): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await readPage(cursor, 200);
    rows.push(...page.items);
    if (!page.nextCursor) return { rows: rows.slice(0, limit), truncated: rows.length > limit };
    if (rows.length >= limit) return { rows: rows.slice(0, limit), truncated: true };
    cursor = page.nextCursor;
  }
}

/** One column of a list export: its heading, width in characters, and the cell of a row. */
export type ExportColumn<T> = {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
};

/** Beijing time "YYYY-MM-DD HH:mm", as offices read it. */
export function beijingTime(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  const at = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A list as an Excel workbook, laid out as offices exchange them: a title row (what, in whose scope,
 * when exported), a frozen bold header with filters, one row per item, long text wrapped; a last
 * line says when the list was cut at the export limit.
 */
export async function listWorkbook<T>(spec: {
  sheet: string;
  title: string;
  columns: ExportColumn<T>[];
  rows: T[];
  truncated: boolean;
}): Promise<Buffer> {
  // Loaded on first export: it is large, and every server and CLI start would pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  const width = Math.max(spec.columns.length, 1);
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `${spec.title}（导出时间 ${beijingTime(new Date())}，共 ${spec.rows.length} 条）`;
  title.font = { bold: true, size: 14 };
  sheet.getRow(1).height = 26;
  const header = sheet.getRow(2);
  header.values = spec.columns.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  for (const item of spec.rows) {
    const row = sheet.addRow(spec.columns.map((c) => c.value(item) ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
  if (spec.truncated) {
    sheet.addRow([`仅导出前 ${EXPORT_ROW_LIMIT} 条，请缩小查询条件后再导出。`]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
