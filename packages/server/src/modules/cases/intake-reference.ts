import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { generationRepository } from '../../cache/generation.ts';
import { caseRepository, type CaseSettings, type CategoryRow } from './repository.ts';

/**
 * The reference data every intake needs and that changes a few times a year: the categories, the
 * case settings and the province root. Kept per database handle and tagged with the `case-reference`
 * cache generation it was read under; a change through any server moves that generation in its
 * transaction (config.ts, data-import.ts) and every server reloads at its next intake, which reads
 * the generation in the same statement as its other data (intake-repository.ts). Nothing here is
 * state a second server would need (convention 18).
 */
type IntakeReference = {
  generation: number;
  categories: ReadonlyMap<string, CategoryRow>;
  settings: CaseSettings;
  root: { code: string; path: string } | undefined;
};

const kept = new WeakMap<Kysely<Database>, Promise<IntakeReference>>();

async function load(db: Kysely<Database>): Promise<IntakeReference> {
  // The generation first: data read after it is at least as new, so a change racing the load is
  // seen as a new generation at the next intake and loaded again.
  const generation = await generationRepository.read(db, 'case-reference');
  const [categories, settings, root] = await Promise.all([
    caseRepository.listCategories(db, false),
    caseRepository.settings(db),
    caseRepository.root(db),
  ]);
  return { generation, categories: new Map(categories.map((c) => [c.code, c])), settings, root };
}

/** The kept reference data of this database (loaded on first use). */
export function intakeReference(db: Kysely<Database>): Promise<IntakeReference> {
  let pending = kept.get(db);
  if (!pending) {
    pending = load(db);
    kept.set(db, pending);
    pending.catch(() => {
      if (kept.get(db) === pending) kept.delete(db);
    });
  }
  return pending;
}

/** Drops the kept copy when the database has moved on (another generation, another root). */
export function dropIntakeReference(db: Kysely<Database>): void {
  kept.delete(db);
}
