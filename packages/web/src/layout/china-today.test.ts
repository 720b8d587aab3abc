import { describe, expect, it } from 'vitest';

// The web app's sources, read as text at test time.
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe("a user's today", () => {
  it("is China's date everywhere, never the UTC date of toISOString() or the browser's year", () => {
    // Between 16:00 and 24:00 UTC the UTC date is still yesterday in China (and on 31 December the
    // year is last year): a default date or year must come from chinaDate(new Date()).
    const offenders = Object.entries(sources)
      .filter(([, text]) => /new Date\(\)\.toISOString\(\)\.slice\(0, ?10\)|new Date\(\)\.getFullYear\(\)/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
