import { CreateOrgUnitRequest, OrgUnit, UpdateOrgUnitRequest } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/actor.ts';
import { OrgUnitIdParams, OrgUnitList, OrgUnitListQuery } from './schema.ts';
import { createOrgUnit, listOrgUnits, readOrgUnit, updateOrgUnit } from './service.ts';

/** Responsible units (责任单位): provincial departments, creation offices and their counterparts. */
export async function orgUnitRoutes(app: App, deps: ModuleDeps) {
  const tags = ['org-units'];
  app.get(
    '/org-units',
    {
      schema: {
        tags,
        summary: 'Responsible units within your scope',
        querystring: OrgUnitListQuery,
        response: { 200: OrgUnitList },
      },
    },
    async (request) => listOrgUnits(deps.db, requireActor(request), request.query),
  );

  app.get(
    '/org-units/:id',
    { schema: { tags, summary: 'One responsible unit', params: OrgUnitIdParams, response: { 200: OrgUnit } } },
    async (request) => readOrgUnit(deps.db, requireActor(request), request.params.id),
  );

  app.post(
    '/org-units',
    { schema: { tags, summary: 'Create a responsible unit', body: CreateOrgUnitRequest, response: { 201: OrgUnit } } },
    async (request, reply) => {
      const unit = await createOrgUnit(deps.db, requireActor(request), request.body, request.id);
      return reply.code(201).send(unit);
    },
  );

  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags,
        summary: 'Rename, re-code, move or re-parent a responsible unit',
        params: OrgUnitIdParams,
        body: UpdateOrgUnitRequest,
        response: { 200: OrgUnit },
      },
    },
    async (request) => updateOrgUnit(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
}
