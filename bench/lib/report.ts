/** A GitHub-flavoured markdown table; numeric-looking columns are right-aligned. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const numeric = headers.map((_, column) =>
    rows.every((row) => /^[\d.,\s–-]*(ms|s|MB|k|%|B|KB)?$/.test(row[column] ?? '') && (row[column] ?? '') !== ''),
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers),
    line(headers.map((_, column) => (numeric[column] ? '---:' : '---'))),
    ...rows.map((row) => line(headers.map((_, column) => row[column] ?? ''))),
  ].join('\n');
}

export const fmtMs = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms)
    ? '–'
    : ms >= 100
      ? `${Math.round(ms)} ms`
      : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
export const fmtSeconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
export const fmtInt = (value: number) => Math.round(value).toLocaleString('en-US');
export const fmtMb = (kb: number | undefined) =>
  kb === undefined || Number.isNaN(kb) ? '–' : `${Math.round(kb / 1024)} MB`;
export const fmtKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;
