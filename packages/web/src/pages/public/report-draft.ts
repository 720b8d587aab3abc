/**
 * The idempotency key of the report being written. One key per draft: it is made when the
 * resident starts a report, kept across a reload or a failed submission, and sent with every
 * attempt, so a double tap or a retry after a lost answer never makes a second case. Only a
 * confirmed submission ends the draft; the next report gets a new key.
 */

/** The part of `Storage` the draft needs, so tests can pass a plain map. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const draftKeyName = 'chuangcheng.case-draft-key';

/** The current draft's key, made (and stored) on first use. */
export function draftKey(store: KeyValueStore, makeKey: () => string = () => crypto.randomUUID()): string {
  const held = store.getItem(draftKeyName);
  if (held) return held;
  const key = makeKey();
  store.setItem(draftKeyName, key);
  return key;
}

/** Ends the draft after the server confirmed the case, so the next report is a new one. */
export function finishDraft(store: KeyValueStore): void {
  store.removeItem(draftKeyName);
}

/** A case this browser reported: the number to look it up and the secret token to rate it. */
export interface MyReport {
  number: string;
  token: string;
  reportedAt: string;
  categoryName: string;
}

const myReportsName = 'chuangcheng.my-cases';

/** The cases reported from this browser, newest first; a damaged entry is skipped, not fatal. */
export function myReports(store: KeyValueStore): MyReport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(myReportsName) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (item: unknown): item is MyReport =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as MyReport).number === 'string' &&
      typeof (item as MyReport).token === 'string' &&
      typeof (item as MyReport).reportedAt === 'string' &&
      typeof (item as MyReport).categoryName === 'string',
  );
}

/** Remembers a reported case; the same number again (a retried submission) replaces, not adds. */
export function rememberReport(store: KeyValueStore, report: MyReport): void {
  const others = myReports(store).filter((item) => item.number !== report.number);
  store.setItem(myReportsName, JSON.stringify([report, ...others]));
}

/** The tracking token of a case reported here, if any. */
export function tokenFor(store: KeyValueStore, number: string): string | undefined {
  return myReports(store).find((item) => item.number === number)?.token;
}
