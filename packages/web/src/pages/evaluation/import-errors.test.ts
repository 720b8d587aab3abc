import { describe, expect, it } from 'vitest';
import { importErrorRows } from './import-errors.ts';

describe('import error rows', () => {
  it('splits row and column, sorts by row and keeps whole-file errors first', () => {
    expect(
      importErrorRows([
        { field: 'row 12: 测评方法', message: 'must be one of 网上材料审核, 实地考察' },
        { field: 'row 7: 分值', message: 'must be a number ≥ 0' },
        { field: 'body.file', message: 'the sheet 测评标准 is missing' },
        { field: 'row 9', message: 'duplicate standard code I01.C01.S01' },
      ]),
    ).toEqual([
      { key: '2', row: null, column: 'body.file', message: 'the sheet 测评标准 is missing' },
      { key: '1', row: 7, column: '分值', message: 'must be a number ≥ 0' },
      { key: '3', row: 9, column: '', message: 'duplicate standard code I01.C01.S01' },
      { key: '0', row: 12, column: '测评方法', message: 'must be one of 网上材料审核, 实地考察' },
    ]);
  });
});
