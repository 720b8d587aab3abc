import { z } from 'zod';
import { Role } from './roles.ts';
import { RegionCode } from './regions.ts';

/** Passwords: at least 10 characters; length beats composition rules (NIST SP 800-63B). */
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'may contain only letters, digits, _ . -');

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  regionCode: z.string(),
  regionName: z.string(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: z.string().min(1).max(100),
  password: Password,
  role: Role,
  /** The root of the account's region scope. */
  regionCode: RegionCode,
  orgUnitId: z.string().uuid().nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  displayName: z.string().min(1).max(100).optional(),
  role: Role.optional(),
  regionCode: RegionCode.optional(),
  orgUnitId: z.string().uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
