import type { FieldError } from '../../api/client.ts';

export interface ImportErrorRow {
  key: string;
  /** The spreadsheet row (1 = the header), or null for an error about the whole file. */
  row: number | null;
  column: string;
  message: string;
}

/**
 * The server names an import error's place as `row 7: 分值` (or `file`, `body.file` for the file
 * as a whole); split it so the table can sort by row and show the column on its own.
 */
export function importErrorRows(errors: readonly FieldError[]): ImportErrorRow[] {
  return errors
    .map((error, index) => {
      const match = /^row\s+(\d+)(?::\s*(.*))?$/i.exec(error.field.trim());
      return {
        key: String(index),
        row: match ? Number(match[1]) : null,
        column: match ? (match[2] ?? '') : error.field,
        message: error.message,
      };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
