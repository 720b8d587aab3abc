import type { Region, RegionGroupKind, User } from '@chuangcheng/core';

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
  kind: string;
  regionCode: string;
  regionName: string;
  parentId: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}
