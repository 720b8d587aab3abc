import { z } from 'zod';
import {
  CreateRegionGroupRequest,
  RegionGroup,
  RegionGroupCodeParams,
  RegionGroupList,
  UpdateRegionGroupRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { createRegionGroup, deleteRegionGroup, listRegionGroups, updateRegionGroup } from './group-service.ts';

/** Region groups: the civilization belts, the metropolitan circle, pilot cities and custom groups. */
export async function groupRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['region-groups']);
  route.get(
    '/region-groups',
    { summary: 'Every region group with its members', response: RegionGroupList },
    async ({ actor }) => ({ items: await listRegionGroups(db, actor) }),
  );
  route.post(
    '/region-groups',
    { summary: 'Create a region group', body: CreateRegionGroupRequest, response: RegionGroup, status: 201 },
    ({ actor, body, requestId }) => createRegionGroup(db, actor, body, requestId),
  );
  route.put(
    '/region-groups/:code',
    {
      summary: 'Replace a region group: name, kind, description and members',
      params: RegionGroupCodeParams,
      body: UpdateRegionGroupRequest,
      response: RegionGroup,
    },
    ({ actor, params, body, requestId }) => updateRegionGroup(db, actor, params.code, body, requestId),
  );
  route.delete(
    '/region-groups/:code',
    { summary: 'Delete a region group', params: RegionGroupCodeParams, response: z.null(), status: 204 },
    async ({ actor, params, requestId }) => {
      await deleteRegionGroup(db, actor, params.code, requestId);
      return null;
    },
  );
}
