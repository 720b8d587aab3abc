import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetEvaluation } from '@chuangcheng/core';
import { cachedEvaluations, invalidateEvaluations } from './cache.ts';

// The evaluation cache alone (no database): one computation per key, dropped on writes and only then.

const result = (n: number) => [{ progress: n }] as unknown as TargetEvaluation[];

afterEach(() => {
  vi.useRealTimers();
  invalidateEvaluations();
});

describe('cachedEvaluations', () => {
  it('computes once for concurrent requests and again after a write', async () => {
    let runs = 0;
    const compute = async () => result(++runs);
    const [a, b] = await Promise.all([cachedEvaluations('k', compute), cachedEvaluations('k', compute)]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
    invalidateEvaluations();
    expect(await cachedEvaluations('k', compute)).toEqual(result(2));
  });

  it('keeps the value however long no write comes, with no recomputation on a timer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let runs = 0;
    const compute = async () => result(++runs);
    expect(await cachedEvaluations('k', compute)).toEqual(result(1));
    vi.setSystemTime(Date.now() + 24 * 3600_000);
    expect(await cachedEvaluations('k', compute)).toEqual(result(1));
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    await expect(cachedEvaluations('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await Promise.resolve();
    expect(await cachedEvaluations('k', async () => result(3))).toEqual(result(3));
  });
});
