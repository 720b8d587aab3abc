import type { OrgUnitKind, Region, RegionGroupKind, User } from '@chuangcheng/core';

/** The signed-in account: a user plus what the server derived for it. */
export type Me = User & { regionPath: string; permissions: string[] };

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface RegionRef {
  code: string;
  name: string;
}

export type RegionDetail = Region & { ancestors: RegionRef[] };

export interface RegionGroupBody {
  name: string;
  kind: RegionGroupKind;
  description: string | null;
  memberCodes: string[];
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  regionCode: string;
  regionName: string;
  parentId: string | null;
  /** The unit this one was merged into, and the day (issue 16). */
  mergedInto?: { id: string; name: string; on: string } | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string | null;
  /** The region's name (what a person reads instead of the code). */
  regionName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  /** Not yet sealed into its shard's Merkle tree by the sequencer (a second or so after the write). */
  pending: boolean;
}

/** GET /audit/verify: every shard's Merkle tree rebuilt and checked against its signed checkpoints. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  pending: number;
  shards: { shard: string; entries: number; problems: string[] }[];
  legacyChain: { checked: number; brokenAt: number | null; reason: string | null };
}
