import { CreateUserRequest, UpdateUserRequest, User } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/actor.ts';
import { UserIdParams, UserList, UserListQuery } from './schema.ts';
import { createUser, listUsers, readUser, updateUser } from './service.ts';

export async function userRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Accounts within your scope',
        querystring: UserListQuery,
        response: { 200: UserList },
      },
    },
    async (request) => listUsers(deps.db, requireActor(request), request.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'One account', params: UserIdParams, response: { 200: User } } },
    async (request) => readUser(deps.db, requireActor(request), request.params.id),
  );

  app.post(
    '/users',
    { schema: { tags: ['users'], summary: 'Create an account', body: CreateUserRequest, response: { 201: User } } },
    async (request, reply) => {
      const user = await createUser(deps.db, requireActor(request), request.body, request.id);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change, disable or reset the password of an account',
        params: UserIdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
    },
    async (request) => updateUser(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
}
