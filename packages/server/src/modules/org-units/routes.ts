import {
  CreateOrgUnitRequest,
  MergeOrgUnitRequest,
  OrgUnit,
  OrgUnitDetail,
  OrgUnitIdParams,
  type OrgUnitKind,
  OrgUnitList,
  OrgUnitListQuery,
  UpdateOrgUnitRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import type { ExportColumn } from '../../http/xlsx.ts';
import { requireActor } from '../auth/index.ts';
import { createOrgUnit, listOrgUnits, mergeOrgUnit, readOrgUnit, updateOrgUnit } from './service.ts';

const KIND: Record<OrgUnitKind, string> = {
  department: '职能部门',
  creation_office: '创建办',
  mass_organisation: '群团组织',
  court: '审判机关',
  other: '其他',
};

const EXPORT_COLUMNS: ExportColumn<OrgUnit>[] = [
  { header: '单位名称', width: 30, value: (u) => u.name },
  { header: '简称', width: 16, value: (u) => u.shortName },
  { header: '类型', width: 12, value: (u) => KIND[u.kind] },
  { header: '所属区域', width: 16, value: (u) => u.regionName },
  { header: '单位代码', width: 22, value: (u) => u.code },
];

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

  listExportRoute(
    app,
    '/org-units/export.xlsx',
    {
      tags,
      summary: 'The responsible units within your scope as an Excel file (same filters as GET /org-units)',
      querystring: OrgUnitListQuery.omit({ cursor: true, page: true, limit: true }),
    },
    async ({ actor, query }) => ({
      sheet: '责任单位',
      title: '责任单位',
      columns: EXPORT_COLUMNS,
      file: 'org-units',
      pages: (cursor, limit) => listOrgUnits(deps.db, actor, { ...query, cursor, limit }),
    }),
  );

  app.get(
    '/org-units/:id',
    {
      schema: {
        tags,
        summary: 'One responsible unit, with the units merged into it',
        params: OrgUnitIdParams,
        response: { 200: OrgUnitDetail },
      },
    },
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

  app.post(
    '/org-units/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a unit into a successor; the unit is kept with its history (2018 reform)',
        params: OrgUnitIdParams,
        body: MergeOrgUnitRequest,
        response: { 200: OrgUnit },
      },
    },
    async (request) => mergeOrgUnit(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
}
