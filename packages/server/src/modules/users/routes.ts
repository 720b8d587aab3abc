import {
  CreateUserRequest,
  type Role,
  UpdateUserRequest,
  User,
  UserIdParams,
  UserList,
  UserListQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { beijingTime, type ExportColumn } from '../../http/xlsx.ts';
import { actorRoutes } from '../../http/route.ts';
import { createUser, listUsers, readUser, updateUser } from './service.ts';

const ROLE: Record<Role, string> = {
  province_admin: '省级管理员',
  city_admin: '市级管理员',
  unit_officer: '单位联络员',
  inspector: '督查员',
  volunteer_manager: '志愿服务管理员',
  auditor: '审计员',
  resident: '市民',
};

const EXPORT_COLUMNS: ExportColumn<User>[] = [
  { header: '用户名', width: 18, value: (u) => u.username },
  { header: '姓名', width: 14, value: (u) => u.displayName },
  { header: '角色', width: 14, value: (u) => ROLE[u.role] },
  { header: '管辖区域', width: 16, value: (u) => u.regionName },
  { header: '所属单位', width: 24, value: (u) => u.orgUnitName },
  { header: '状态', width: 8, value: (u) => (u.disabled ? '已停用' : '正常') },
  { header: '创建时间', width: 17, value: (u) => beijingTime(u.createdAt) },
];

export async function userRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['users']);
  route.listWithExport(
    '/users',
    {
      summary: 'Accounts within your scope',
      querystring: UserListQuery,
      response: UserList,
      exportSummary: 'The accounts within your scope as an Excel file (same filter as GET /users)',
    },
    ({ actor, query }) => listUsers(db, actor, query),
    ({ pages }) => ({ sheet: '用户', title: '用户列表', columns: EXPORT_COLUMNS, file: 'users', pages }),
  );

  route.get('/users/:id', { summary: 'One account', params: UserIdParams, response: User }, ({ actor, params }) =>
    readUser(db, actor, params.id),
  );
  route.post(
    '/users',
    { summary: 'Create an account', body: CreateUserRequest, response: User, status: 201 },
    ({ actor, body, requestId }) => createUser(db, actor, body, requestId),
  );
  route.patch(
    '/users/:id',
    {
      summary: 'Change, disable or reset the password of an account',
      params: UserIdParams,
      body: UpdateUserRequest,
      response: User,
    },
    ({ actor, params, body, requestId }) => updateUser(db, actor, params.id, body, requestId),
  );
}
