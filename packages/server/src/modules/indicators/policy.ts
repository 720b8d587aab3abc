import type { Kysely } from 'kysely';
import {
  can,
  isWithinScope,
  message,
  type EntryAction,
  type EntryStatus,
  type LocalizedMessage,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import type { EntryKey } from './entry-repository.ts';
import { indicatorRegionRepository } from './region-repository.ts';
import { loadRegionTree, type RegionNode, type RegionTree } from './region-tree.ts';

/**
 * What `readableRegion` reads: a region's row by code and the tree of a subtree. A caller that keeps
 * them (the cockpit, per cache generation) passes its own; by default both are read each time.
 */
export type RegionReads = {
  region(code: string): Promise<{ code: string; path: string; level: number } | undefined>;
  tree(path: string): Promise<RegionTree>;
};

export const regionReadsFrom = (db: Kysely<Database>): RegionReads => ({
  region: (code) => indicatorRegionRepository.region(db, code),
  tree: (path) => loadRegionTree(db, path),
});

/**
 * Reading indicators, series and the cockpit: `indicator.read`, and the region must lie in the
 * actor's scope (403 OUT_OF_SCOPE). Unknown regions and regions below county level are 404.
 * Returns the region and the tree of its subtree (with ancestors). The permission is decided here
 * for every call, also when the reads are kept.
 */
export async function readableRegion(
  db: Kysely<Database>,
  actor: Actor,
  code: string | undefined,
  reads: RegionReads = regionReadsFrom(db),
): Promise<{ region: RegionNode; tree: RegionTree }> {
  authorize(actor, 'indicator.read');
  const regionCode = code ?? actor.regionCode;
  const row = await reads.region(regionCode);
  if (!row) throw notFound('region', regionCode);
  assertInScope(actor, row.path);
  if (row.level > 3) throw notFound(message('notFound.indicatorLevel', { id: regionCode }));
  const tree = await reads.tree(row.path);
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

/** Level of a region path (1 = province): its number of segments. */
export const levelOfPath = (path: string) => path.split('/').length;

/*
 * Data entry (entry.ts): who may save, import, submit, approve or return an entry in its present status.
 */

/** The level whose approval comes next (2 city, 1 province), or null. */
export function nextApprovalLevel(status: EntryStatus, setLevel: number): number | null {
  if (status === 'submitted') return setLevel === 3 ? 2 : 1;
  if (status === 'approved_city') return 1;
  return null;
}

const EDITABLE: readonly EntryStatus[] = ['empty', 'draft', 'returned'];

/**
 * Why the actor may not do `action` on the entry now, or null. `forbidden`: never for this actor
 * (role, level, scope, a module's data set); `conflict`: not in the entry's present status.
 */
type Refusal = { kind: 'forbidden' | 'conflict'; reason: LocalizedMessage };

function refusal(actor: Actor, key: EntryKey, status: EntryStatus, action: EntryAction): Refusal | null {
  const forbid = (reason: LocalizedMessage): Refusal => ({ kind: 'forbidden', reason });
  const notNow = (reason: LocalizedMessage): Refusal => ({ kind: 'conflict', reason });
  const role = message(`role.${actor.role}`);
  const current = message(`entryStatus.${status}`);
  if (!isWithinScope(actor.regionPath, key.region.path)) return forbid(message('entry.outsideScope'));
  const notTheirForm = entryFormRefusal(actor, key.region.path);
  if (notTheirForm && (action === 'save' || action === 'import' || action === 'submit')) return forbid(notTheirForm);
  const actorLevel = levelOfPath(actor.regionPath);
  switch (action) {
    case 'save':
    case 'import':
    case 'submit':
      if (!can(actor.role, 'data.enter')) return forbid(message('entry.mayNotEnter', { role }));
      if (key.set.source !== 'entry') {
        return forbid(message('entry.writtenByModule', { set: key.set.name, source: key.set.source }));
      }
      if (action === 'submit')
        return status === 'draft' || status === 'returned'
          ? null
          : notNow(message('entry.isStatus', { status: current }));
      return EDITABLE.includes(status)
        ? null
        : notNow(
            message(status === 'submitted' ? 'entry.approverReturnsFirst' : 'entry.higherReturnsFirst', {
              status: current,
            }),
          );
    case 'approve': {
      if (!can(actor.role, 'data.approve')) return forbid(message('entry.mayNotApprove', { role }));
      const next = nextApprovalLevel(status, key.set.region_level);
      if (next === null) return notNow(message('entry.nothingToApprove', { status: current }));
      if (actorLevel !== next) {
        return forbid(message(next === 2 ? 'entry.awaitsCity' : 'entry.awaitsProvince'));
      }
      return null;
    }
    case 'return': {
      if (!can(actor.role, 'data.approve')) return forbid(message('entry.mayNotReturn', { role }));
      if (actorLevel >= key.set.region_level) return forbid(message('entry.higherReturns'));
      const allowed: EntryStatus[] =
        actorLevel === 2
          ? ['submitted', 'approved_city']
          : key.set.region_level === 2
            ? ['submitted', 'approved_province']
            : ['approved_city', 'approved_province'];
      return allowed.includes(status) ? null : notNow(message('entry.cannotReturnNow', { status: current }));
    }
  }
}

export function enforceEntry(actor: Actor, key: EntryKey, status: EntryStatus, action: EntryAction): void {
  assertInScope(actor, key.region.path);
  const refused = refusal(actor, key, status, action);
  if (refused) throw refused.kind === 'forbidden' ? forbidden(refused.reason) : conflict(refused.reason);
}

/** What the actor may do on the entry now, as its view and list show it. */
export function entryPermissions(actor: Actor, key: EntryKey, status: EntryStatus) {
  return {
    edit: refusal(actor, key, status, 'save') === null,
    submit: refusal(actor, key, status, 'submit') === null,
    approve: refusal(actor, key, status, 'approve') === null,
    return: refusal(actor, key, status, 'return') === null,
  };
}
