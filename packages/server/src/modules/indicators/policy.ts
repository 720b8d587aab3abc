import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/actor.ts';
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
  if (!row) throw notFound(`region ${regionCode}`);
  assertInScope(actor, row.path);
  if (row.level > 3) throw notFound(`region ${regionCode}: indicators are kept for counties and above`);
  const tree = await loadRegionTree(db, row.path);
  return { region: tree.byCode.get(row.code)!, tree };
}
