import type { User } from '@chuangcheng/core';

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
