import { describe, expect, it } from 'vitest';
import { draftKey, finishDraft, myReports, rememberReport, tokenFor, type KeyValueStore } from './report-draft.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('the idempotency key of a draft', () => {
  it('is made once and reused for every attempt until the draft is finished', () => {
    const store = memoryStore();
    let made = 0;
    const make = () => `key-${++made}`;
    expect(draftKey(store, make)).toBe('key-1');
    // A double tap, a retry after a timeout, a reload: the same key.
    expect(draftKey(store, make)).toBe('key-1');
    expect(draftKey(store, make)).toBe('key-1');
    finishDraft(store);
    expect(draftKey(store, make)).toBe('key-2');
    expect(made).toBe(2);
  });

  it('makes a UUID by default', () => {
    expect(draftKey(memoryStore())).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('my reports', () => {
  const first = { number: 'C2026031000001', token: 't1', reportedAt: '2026-03-10T08:00:00Z', categoryName: '广告乱贴' };
  const second = {
    number: 'C2026031000002',
    token: 't2',
    reportedAt: '2026-03-10T09:00:00Z',
    categoryName: '垃圾乱堆',
  };

  it('keeps the newest first and does not repeat a number reported again', () => {
    const store = memoryStore();
    rememberReport(store, first);
    rememberReport(store, second);
    rememberReport(store, first);
    expect(myReports(store).map((item) => item.number)).toEqual([first.number, second.number]);
    expect(tokenFor(store, second.number)).toBe('t2');
    expect(tokenFor(store, 'C0')).toBeUndefined();
  });

  it('survives damaged storage', () => {
    const store = memoryStore();
    store.setItem('chuangcheng.my-cases', '{not json');
    expect(myReports(store)).toEqual([]);
    store.setItem('chuangcheng.my-cases', JSON.stringify([first, { number: 3 }, null]));
    expect(myReports(store)).toEqual([first]);
  });
});
