import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { message, Role, type ChangePasswordRequest } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { AppError, invalid, notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from './actor.ts';
import { decoyPasswordHash, hashPassword, randomSecret, sha256, verifyPassword } from './password.ts';
import { assertStrongPassword } from './password-policy.ts';
import { authRepository, type AccountRow } from './repository.ts';
import { assertNotLocked, recordSignInFailure, signInSource } from './lockout.ts';

export type AuthDeps = { db: Kysely<Database>; config: Config };

/** Session cookie name; the token in it is stored only as a SHA-256. */
export const SESSION_COOKIE = 'cc_session';
/** Prefix that marks an API token, so it is recognisable in logs and secret scanners. */
const API_TOKEN_PREFIX = 'cct_';
// Writing last_seen on every request would serialise reads on PGlite; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

function toActor(row: AccountRow, via: Actor['via'], sessionTokenHash?: string): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: Role.parse(row.role),
    regionCode: row.region_code,
    regionPath: row.region_path,
    orgUnitId: row.org_unit_id,
    via,
    sessionTokenHash,
  };
}

export type LoginResult = { actor: Actor; sessionToken: string; csrfToken: string; expiresAt: Date };

/**
 * Checks the password and opens a session. Wrong passwords are counted per account and
 * source address (see lockout.ts): the pair waits longer after each failure past the
 * threshold, and while it waits even the right password is refused from that address.
 */
export async function login(
  deps: AuthDeps,
  credentials: { username: string; password: string },
  meta: { userAgent?: string; ip: string; requestId?: string },
): Promise<LoginResult> {
  const { db, config } = deps;
  const now = new Date();
  const account = await authRepository.findAccountByUsername(db, credentials.username);
  if (!account) {
    await verifyPassword(await decoyPasswordHash(), credentials.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const source = signInSource(meta.ip);
  await assertNotLocked(db, { userId: account.id, source }, now);
  const valid = await verifyPassword(account.password_hash, credentials.password);
  if (!valid) await recordSignInFailure(db, config, account, source, { now, requestId: meta.requestId });
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');

  const sessionToken = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  const tokenHash = sha256(sessionToken);
  await db.transaction().execute(async (trx) => {
    await authRepository.clearSignInFailures(trx, { userId: account.id, source });
    await authRepository.insertSession(trx, {
      tokenHash,
      userId: account.id,
      csrfToken,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300),
      ip: meta.ip,
    });
    await recordAudit(
      trx,
      { actor: { userId: account.id, username: account.username }, requestId: meta.requestId },
      { action: 'session.create', entityType: 'user', entityId: account.id, regionCode: account.region_code },
    );
  });
  return { actor: toActor(account, 'session', tokenHash), sessionToken, csrfToken, expiresAt };
}

/** The actor behind a session cookie, with the session's CSRF token; undefined if expired, idle too long or unknown. */
export async function resolveSession(
  { db, config }: AuthDeps,
  sessionToken: string,
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const now = new Date();
  const tokenHash = sha256(sessionToken);
  // last_seen moves at most once a minute, so the idle limit is exact to that minute.
  const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  const row = await authRepository.findSessionAccount(db, tokenHash, now, idleSince);
  if (!row || row.disabled) return undefined;
  if (now.getTime() - row.last_seen.getTime() > TOUCH_INTERVAL_MS) {
    await authRepository.touchSession(db, tokenHash, now);
  }
  return { actor: toActor(row, 'session', tokenHash), csrfToken: row.csrf_token };
}

/** The actor behind an API token (`Authorization: Bearer cct_...`). */
export async function resolveApiToken(db: Kysely<Database>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await authRepository.findTokenAccount(db, sha256(token));
  if (!row || row.disabled) return undefined;
  const now = new Date();
  // Same reasoning as sessions: every client writing one row per request would serialise reads.
  if (!row.last_used || now.getTime() - row.last_used.getTime() > TOUCH_INTERVAL_MS) {
    await authRepository.touchToken(db, row.token_id, now);
  }
  return toActor(row, 'token');
}

export async function logout(db: Kysely<Database>, actor: Actor): Promise<void> {
  if (actor.sessionTokenHash) await authRepository.deleteSession(db, actor.sessionTokenHash);
}

/** Ends every session of the account ("sign out everywhere"). */
export async function logoutEverywhere(db: Kysely<Database>, actor: Actor, requestId?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await authRepository.deleteSessionsOf(trx, actor.userId);
    await recordAudit(
      trx,
      { actor: { userId: actor.userId, username: actor.username }, requestId },
      {
        action: 'session.revoke_all',
        entityType: 'user',
        entityId: actor.userId,
        regionCode: actor.regionCode,
        after: { sessionsEnded: count },
      },
    );
    return count;
  });
}

/** Ends every session of an account (disabled, or its role or scope changed). */
export async function endAllSessions(trx: Kysely<Database>, userId: string): Promise<void> {
  await authRepository.deleteSessionsOf(trx, userId);
}

/**
 * After a new password every session of the account ends but the actor's own, so whoever
 * had the old password is signed out everywhere. When someone else set it (an administrator's
 * reset, usually because the owner lost control of it) the account's API tokens are revoked
 * too; owners changing their own password keep their tokens, which are separate credentials
 * they list and revoke themselves. Run inside the change's transaction.
 */
export async function endSessionsForNewPassword(
  trx: Kysely<Database>,
  actor: Actor,
  userId: string,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const own = actor.userId === userId;
  const sessionsEnded = await authRepository.deleteSessionsOf(trx, userId, own ? actor.sessionTokenHash : undefined);
  const tokensRevoked = own ? 0 : await authRepository.revokeTokensOf(trx, userId, new Date());
  return { sessionsEnded, tokensRevoked };
}

/** The owner changes their own password: checked, strength-tested, other sessions ended, audited. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: ChangePasswordRequest,
  requestId?: string,
): Promise<void> {
  const account = await authRepository.findAccountByUsername(db, actor.username);
  if (!account || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    // Not 401: the session is fine, only the proof is wrong.
    throw invalid([{ field: 'body.currentPassword', message: message('user.wrongCurrentPassword') }]);
  }
  assertStrongPassword(input.newPassword, [account.username, account.display_name], 'body.newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await authRepository.setPassword(trx, account.id, passwordHash);
    const ended = await endSessionsForNewPassword(trx, actor, account.id);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'user.password_change',
        entityType: 'user',
        entityId: account.id,
        regionCode: account.region_code,
        after: ended,
      },
    );
  });
}

/** Issues an API token for machine clients; the secret is returned once and stored hashed. */
export async function createApiToken(
  db: Kysely<Database>,
  actor: Actor,
  name: string,
  requestId?: string,
): Promise<{ id: string; name: string; token: string }> {
  const id = crypto.randomUUID();
  const token = API_TOKEN_PREFIX + randomSecret();
  await db.transaction().execute(async (trx) => {
    await authRepository.insertToken(trx, { id, userId: actor.userId, name, tokenHash: sha256(token) });
    await recordAudit(
      trx,
      { actor: { userId: actor.userId, username: actor.username }, requestId },
      {
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: id,
        regionCode: actor.regionCode,
        after: { name },
      },
    );
  });
  return { id, name, token };
}

export function listApiTokens(db: Kysely<Database>, actor: Actor) {
  return authRepository.listTokens(db, actor.userId);
}

export async function revokeApiToken(db: Kysely<Database>, actor: Actor, tokenId: string, requestId?: string) {
  await db.transaction().execute(async (trx) => {
    const revoked = await authRepository.revokeToken(trx, actor.userId, tokenId, new Date());
    if (!revoked) throw notFound('apiToken', tokenId);
    await recordAudit(
      trx,
      { actor: { userId: actor.userId, username: actor.username }, requestId },
      { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, regionCode: actor.regionCode },
    );
  });
}
