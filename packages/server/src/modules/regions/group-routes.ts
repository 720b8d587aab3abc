import { z } from 'zod';
import {
  CreateRegionGroupRequest,
  RegionGroup,
  RegionGroupCodeParams,
  RegionGroupList,
  UpdateRegionGroupRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { createRegionGroup, deleteRegionGroup, listRegionGroups, updateRegionGroup } from './group-service.ts';

/** Region groups: the civilization belts, the metropolitan circle, pilot cities and custom groups. */
export async function groupRoutes(app: App, deps: ModuleDeps) {
  const tags = ['region-groups'];
  app.get(
    '/region-groups',
    { schema: { tags, summary: 'Every region group with its members', response: { 200: RegionGroupList } } },
    async (request) => ({ items: await listRegionGroups(deps.db, requireActor(request)) }),
  );

  app.post(
    '/region-groups',
    {
      schema: {
        tags,
        summary: 'Create a region group',
        body: CreateRegionGroupRequest,
        response: { 201: RegionGroup },
      },
    },
    async (request, reply) => {
      const group = await createRegionGroup(deps.db, requireActor(request), request.body, request.id);
      return reply.code(201).send(group);
    },
  );

  app.put(
    '/region-groups/:code',
    {
      schema: {
        tags,
        summary: 'Replace a region group: name, kind, description and members',
        params: RegionGroupCodeParams,
        body: UpdateRegionGroupRequest,
        response: { 200: RegionGroup },
      },
    },
    async (request) => updateRegionGroup(deps.db, requireActor(request), request.params.code, request.body, request.id),
  );

  app.delete(
    '/region-groups/:code',
    { schema: { tags, summary: 'Delete a region group', params: RegionGroupCodeParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteRegionGroup(deps.db, requireActor(request), request.params.code, request.id);
      return reply.code(204).send(null);
    },
  );
}
