import { can, type Permission } from '@chuangcheng/core';
import { useMe } from './AuthProvider.tsx';

/**
 * Whether the signed-in account may use a permission (region scope is the server's job). Apart
 * from AuthProvider because the role table is core code (zod with it), which only staff pages
 * load: the resident's pages, which share AuthProvider's chunk, load no core code.
 */
export function useCan(permission: Permission): boolean {
  return can(useMe().role, permission);
}
