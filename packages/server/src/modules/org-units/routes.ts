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
import type { ExportColumn } from '../../http/xlsx.ts';
import { actorRoutes } from '../../http/route.ts';
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
  const { db } = deps;
  const route = actorRoutes(app, ['org-units']);
  route.listWithExport(
    '/org-units',
    {
      summary: 'Responsible units within your scope',
      querystring: OrgUnitListQuery,
      response: OrgUnitList,
      exportSummary: 'The responsible units within your scope as an Excel file (same filters as GET /org-units)',
    },
    ({ actor, query }) => listOrgUnits(db, actor, query),
    ({ pages }) => ({ sheet: '责任单位', title: '责任单位', columns: EXPORT_COLUMNS, file: 'org-units', pages }),
  );

  route.get(
    '/org-units/:id',
    {
      summary: 'One responsible unit, with the units merged into it',
      params: OrgUnitIdParams,
      response: OrgUnitDetail,
    },
    ({ actor, params }) => readOrgUnit(db, actor, params.id),
  );
  route.post(
    '/org-units',
    { summary: 'Create a responsible unit', body: CreateOrgUnitRequest, response: OrgUnit, status: 201 },
    ({ actor, body, requestId }) => createOrgUnit(db, actor, body, requestId),
  );
  route.patch(
    '/org-units/:id',
    {
      summary: 'Rename, re-code, move or re-parent a responsible unit',
      params: OrgUnitIdParams,
      body: UpdateOrgUnitRequest,
      response: OrgUnit,
    },
    ({ actor, params, body, requestId }) => updateOrgUnit(db, actor, params.id, body, requestId),
  );
  route.post(
    '/org-units/:id/merge',
    {
      summary: 'Merge a unit into a successor; the unit is kept with its history (2018 reform)',
      params: OrgUnitIdParams,
      body: MergeOrgUnitRequest,
      response: OrgUnit,
    },
    ({ actor, params, body, requestId }) => mergeOrgUnit(db, actor, params.id, body, requestId),
  );
}
