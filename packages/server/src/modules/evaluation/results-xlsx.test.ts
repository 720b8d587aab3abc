import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './results-xlsx.ts';

// The results workbook's own writer (decision 0190), read back with exceljs as a user's tool would.

describe('writeXlsx', () => {
  it('writes sheets, values, styles, widths, frozen panes and the merged title that exceljs reads back', async () => {
    const buffer = await writeXlsx(
      [
        {
          name: '地级城市',
          widths: [8, 18],
          frozen: { rows: 2, columns: 0 },
          merge: 'A1:I1',
          rows: [
            { cells: ['2019 年度 <测评> & "通报"\u0001'], style: 2 },
            { cells: ['排名', '地区'], style: 1 },
            { cells: [1, '哈尔滨', 93.25, '', 0.1 + 0.2], style: 0 },
          ],
        },
        {
          name: '测评标准得分',
          widths: [14, 40, 8],
          repeatWidth: { width: 10, count: 30 },
          frozen: { rows: 1, columns: 3 },
          rows: [
            { cells: ['标准编码', '测评标准', '分值', ...Array.from({ length: 30 }, (_, i) => `地区${i}`)], style: 1 },
            { cells: ['P1.C1.S1', '测评标准', 1.5, ...Array.from({ length: 30 }, (_, i) => i / 3)], style: 0 },
          ],
        },
      ],
      'Chuangcheng',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.creator).toBe('Chuangcheng');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['地级城市', '测评标准得分']);

    const ranking = workbook.getWorksheet('地级城市')!;
    // the control character is left out (XML cannot hold it); the rest is escaped and read back as written
    expect(ranking.getCell(1, 1).value).toBe('2019 年度 <测评> & "通报"');
    expect(ranking.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(ranking.getCell(2, 1).font).toMatchObject({ bold: true });
    expect(ranking.getCell(3, 1).font?.bold).toBeFalsy();
    expect((ranking.getRow(3).values as unknown[]).slice(1)).toEqual([1, '哈尔滨', 93.25, '', 0.1 + 0.2]);
    expect(ranking.getCell(1, 9).isMerged).toBe(true);
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    expect(ranking.getColumn(2).width).toBe(18);

    const detail = workbook.getWorksheet('测评标准得分')!;
    expect(detail.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1, topLeftCell: 'D2' });
    expect(detail.getColumn(33).width).toBe(10);
    expect(detail.getCell(1, 33).value).toBe('地区29');
    expect((detail.getRow(2).values as unknown[]).slice(1)).toEqual([
      'P1.C1.S1',
      '测评标准',
      1.5,
      ...Array.from({ length: 30 }, (_, i) => i / 3),
    ]);
  });
});
