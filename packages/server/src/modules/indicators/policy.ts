import type { Kysely } from 'kysely';
import { message, type LocalizedMessage } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { loadRegionTree, type RegionNode, type RegionTree } from './region-tree.ts';

/**
 * Reading indicators, series and the cockpit: `indicator.read`, and the region must lie in the
 * actor's scope (403 OUT_OF_SCOPE). Unknown regions and regions below county level are 404.
 * Returns the region and the tree of its subtree (with ancestors).
 */
export async function readableRegion(
  db: Kysely<Database>,
  actor: Actor,
  code: string | undefined,
): Promise<{ region: RegionNode; tree: RegionTree }> {
  authorize(actor, 'indicator.read');
  const regionCode = code ?? actor.regionCode;
  const row = await db
    .selectFrom('region')
    .select(['code', 'path', 'level'])
    .where('code', '=', regionCode)
    .executeTakeFirst();
  if (!row) throw notFound('region', regionCode);
  assertInScope(actor, row.path);
  if (row.level > 3) throw notFound(message('notFound.indicatorLevel', { id: regionCode }));
  const tree = await loadRegionTree(db, row.path);
  return { region: tree.byCode.get(row.code)!, tree };
}

/**
 * Whose data-entry forms an actor may open and fill in. Offices (administrators) work on every
 * region in their scope. A unit officer is the liaison for the figures of the one region their
 * account is for (a county's, or a city's for city-level sets), never for the regions below it:
 * a provincial department's liaison has the whole province as scope for reading indicators,
 * not for opening or editing a county's form. Returns why not, or null.
 */
export function entryFormRefusal(actor: Actor, regionPath: string): LocalizedMessage | null {
  if (actor.role === 'unit_officer' && actor.regionPath !== regionPath) {
    return message('entry.ownRegionOnly');
  }
  return null;
}
