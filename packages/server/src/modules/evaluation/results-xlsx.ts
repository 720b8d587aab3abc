import archiver from 'archiver';

/**
 * A small xlsx writer for the results workbook (decision 0190): it writes the sheets' XML rows as
 * text and zips them with archiver, where exceljs built a cell object per value (a national
 * round's standards sheet holds about 900,000 cells). It writes only what the results workbook
 * uses: numbers and text (as shared strings), three styles (plain, bold, bold 14 pt), column
 * widths, frozen panes and one merged range per sheet.
 */

type XlsxCell = string | number;
/** 0 plain, 1 bold, 2 bold 14 pt. */
type XlsxStyle = 0 | 1 | 2;
export type XlsxSheet = {
  name: string;
  /** Column widths from the first column; a last `{ width, count }` repeats one width. */
  widths: number[];
  repeatWidth?: { width: number; count: number };
  frozen: { rows: number; columns: number };
  /** A merged range in A1 form, e.g. `A1:I1`. */
  merge?: string;
  rows: { cells: XlsxCell[]; style: XlsxStyle }[];
};

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

// Characters XML 1.0 does not allow are left out; the five special ones are escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeXml = (text: string) =>
  text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function sheetXml(sheet: XlsxSheet, strings: (text: string) => number): string {
  const columns = sheet.widths.length + (sheet.repeatWidth?.count ?? 0);
  const names = Array.from({ length: Math.max(columns, ...sheet.rows.map((r) => r.cells.length)) }, (_, i) =>
    columnName(i),
  );
  const { rows: fy, columns: fx } = sheet.frozen;
  const pane =
    fy > 0 || fx > 0
      ? `<pane${fx > 0 ? ` xSplit="${fx}"` : ''}${fy > 0 ? ` ySplit="${fy}"` : ''} topLeftCell="${names[fx]}${fy + 1}"` +
        ` activePane="${fx > 0 && fy > 0 ? 'bottomRight' : fy > 0 ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
      : '';
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  if (sheet.repeatWidth && sheet.repeatWidth.count > 0) {
    const from = sheet.widths.length + 1;
    cols.push(
      `<col min="${from}" max="${from + sheet.repeatWidth.count - 1}" width="${sheet.repeatWidth.width}" customWidth="1"/>`,
    );
  }
  const out: string[] = [
    `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '',
    '<sheetData>',
  ];
  sheet.rows.forEach((row, r) => {
    const n = r + 1;
    const s = row.style === 0 ? '' : ` s="${row.style}"`;
    // one flat string per row: a long chain of `+=` keeps every cell's piece alive until the end
    const cells = new Array<string>(row.cells.length);
    for (let c = 0; c < row.cells.length; c++) {
      const value = row.cells[c]!;
      cells[c] =
        typeof value === 'number'
          ? Number.isFinite(value)
            ? `<c r="${names[c]}${n}"${s}><v>${value}</v></c>`
            : `<c r="${names[c]}${n}"${s}/>`
          : `<c r="${names[c]}${n}"${s} t="s"><v>${strings(value)}</v></c>`;
    }
    out.push(`<row r="${n}">${cells.join('')}</row>`);
  });
  out.push('</sheetData>');
  if (sheet.merge) out.push(`<mergeCells count="1"><mergeCell ref="${sheet.merge}"/></mergeCells>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.join('');
}

/** The parts zipped (deflate) by archiver, the zip library exceljs itself writes with. */
async function zip(files: { name: string; data: Buffer }[]): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
  });
  // 1980-01-01: the file's time is not part of what the workbook says.
  for (const file of files) archive.append(file.data, { name: file.name, date: new Date(1980, 0, 1) });
  await archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/** The workbook's bytes: the sheets in order, text kept once in the shared strings. */
export function writeXlsx(sheets: XlsxSheet[], creator: string): Promise<Buffer> {
  const index = new Map<string, number>();
  const list: string[] = [];
  const strings = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = list.length;
      index.set(text, i);
      list.push(text);
    }
    return i;
  };
  const sheetFiles = sheets.map((sheet, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: Buffer.from(sheetXml(sheet, strings), 'utf8'),
  }));
  const shared =
    `${HEAD}<sst xmlns="${MAIN_NS}" count="${list.length}" uniqueCount="${list.length}">` +
    list.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('') +
    '</sst>';
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const n = sheets.length;
  const workbookRels =
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    sheets
      .map(
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const rootRels =
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>';
  const core =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator></cp:coreProperties>`;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`)
      .join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>';
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zip([
    text('[Content_Types].xml', contentTypes),
    text('_rels/.rels', rootRels),
    text('docProps/core.xml', core),
    text('xl/workbook.xml', workbook),
    text('xl/_rels/workbook.xml.rels', workbookRels),
    text('xl/styles.xml', STYLES),
    text('xl/sharedStrings.xml', shared),
    ...sheetFiles,
  ]);
}
