import type { TargetEvaluation } from '@chuangcheng/core';

/*
 * The cockpit's province routes (cards, ranking, lagging list, target map) are views of one
 * computation: every target for a region and its subtree. It is kept per (region, asOf) until the
 * shared `cockpit` cache generation moves: every write of what it evaluates, on any server (plans'
 * targets, figures, entries, approvals, catalogue, demo data, title events, region groups) emits an
 * event whose subscriber moves the generation in the database, and region imports and populations
 * move it in their own transaction; each server drops its entries at its next request
 * (`invalidateEvaluations` via service.ts). Nothing is recomputed on a timer: a kept evaluation is
 * as fresh as the last write, and a national subtree is not recomputed in the background once a
 * minute under steady traffic (decision 0191 kept a 60 s refresh while plan imports emitted no event).
 */

const MAX_ENTRIES = 32;
/** Kept reads (region rows and trees, the demo periods) and formed views per evaluation. */
const MAX_READS = 256;
const MAX_VIEWS = 256;

type Entry = { generation: number; value: Promise<TargetEvaluation[]> };

let generation = 0;
const entries = new Map<string, Entry>();
const reads = new Map<string, Promise<unknown>>();

/** Drops every kept evaluation and read of this process (the shared generation moved). */
export function invalidateEvaluations(): void {
  generation++;
  entries.clear();
  reads.clear();
}

/** Keeps `value` under `key` in `map` unless it fails, holding at most `max` entries (oldest dropped). */
function keep<T>(map: Map<string, Promise<T>>, key: string, value: Promise<T>, max: number): Promise<T> {
  map.set(key, value);
  value.catch(() => {
    if (map.get(key) === value) map.delete(key);
  });
  while (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

/**
 * What every cockpit request read from the database besides its own authentication (issue 13):
 * the region it names, the region tree below it, the demo periods that choose the default date.
 * Kept until the generation moves, which every write of them does (region imports and populations,
 * group members, figures, demo data), so two servers agree from their next request on.
 */
export function keptRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const found = reads.get(key) as Promise<T> | undefined;
  return found ?? keep(reads as Map<string, Promise<T>>, key, read(), MAX_READS);
}

function store(key: string, compute: () => Promise<TargetEvaluation[]>): Entry {
  const entry: Entry = { generation, value: compute() };
  // A failed computation is not kept.
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry;
}

export function cachedEvaluations(
  key: string,
  compute: () => Promise<TargetEvaluation[]>,
): Promise<TargetEvaluation[]> {
  const found = entries.get(key);
  return found && found.generation === generation ? found.value : store(key, compute).value;
}

/**
 * What a route forms from one kept evaluation (a serialised view), kept as long as that evaluation
 * is: a recomputation or a write replaces the evaluation, and with it everything formed from it.
 */
const views = new WeakMap<readonly TargetEvaluation[], Map<string, Promise<unknown>>>();

export function cachedView<T>(
  evaluations: readonly TargetEvaluation[],
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let forEvaluations = views.get(evaluations) as Map<string, Promise<T>> | undefined;
  if (!forEvaluations) views.set(evaluations, (forEvaluations = new Map()));
  // A failed formation (a bad cursor, an unknown target) is not kept.
  return forEvaluations.get(key) ?? keep(forEvaluations, key, compute(), MAX_VIEWS);
}
