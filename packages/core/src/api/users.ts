import { z } from 'zod';
import { User } from '../users.ts';
import { PageParam, Total } from './paging.ts';

export const UserList = z.object({ items: z.array(User), nextCursor: z.string().nullable(), total: Total });

export const UserListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserIdParams = z.strictObject({ id: z.string().uuid() });
