import type { TargetEvaluation } from '@chuangcheng/core';

/*
 * The cockpit's three province routes (cards, ranking, lagging list) are views of one computation:
 * every target for a region and its subtree. It is kept per (region, asOf) until this process
 * writes figures, entries, the catalogue or demo data (`invalidateEvaluations`), and at most
 * `TTL_MS` so that writes by another process (a CLI import, a second server on PostgreSQL, title
 * events of the evaluation module) show within a minute.
 */

const TTL_MS = 60_000;
const MAX_ENTRIES = 32;

type Entry = { generation: number; at: number; value: Promise<TargetEvaluation[]> };

let generation = 0;
const entries = new Map<string, Entry>();

/** Call after any write that changes what targets evaluate to. */
export function invalidateEvaluations(): void {
  generation++;
  entries.clear();
}

export function cachedEvaluations(
  key: string,
  compute: () => Promise<TargetEvaluation[]>,
): Promise<TargetEvaluation[]> {
  const now = Date.now();
  const found = entries.get(key);
  if (found && found.generation === generation && now - found.at < TTL_MS) return found.value;
  const value = compute();
  // A failed computation is not kept.
  value.catch(() => entries.delete(key));
  entries.set(key, { generation, at: now, value });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
