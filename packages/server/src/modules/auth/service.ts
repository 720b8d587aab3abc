import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { Role } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { AppError, notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from './actor.ts';
import { decoyPasswordHash, randomSecret, sha256, verifyPassword } from './password.ts';
import { authRepository, type AccountRow } from './repository.ts';

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
 * Checks the password and opens a session. After `maxFailures` wrong passwords the
 * account is locked for `lockMinutes`; while locked even the right password is refused.
 */
export async function login(
  deps: AuthDeps,
  credentials: { username: string; password: string },
  meta: { userAgent?: string; ip?: string; requestId?: string },
): Promise<LoginResult> {
  const { db, config } = deps;
  const now = new Date();
  const account = await authRepository.findAccountByUsername(db, credentials.username);
  if (!account) {
    await verifyPassword(await decoyPasswordHash(), credentials.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.locked_until && account.locked_until > now) {
    throw new AppError('ACCOUNT_LOCKED', `locked until ${account.locked_until.toISOString()}`);
  }
  const valid = await verifyPassword(account.password_hash, credentials.password);
  if (!valid) {
    const failures = account.failed_logins + 1;
    const lockUntil =
      failures >= config.login.maxFailures ? new Date(now.getTime() + config.login.lockMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await authRepository.recordFailure(trx, account.id, lockUntil);
      if (lockUntil) {
        await recordAudit(
          trx,
          { actor: null, requestId: meta.requestId },
          {
            action: 'user.lock',
            entityType: 'user',
            entityId: account.id,
            regionCode: account.region_code,
            after: { lockedUntil: lockUntil.toISOString(), failures },
          },
        );
      }
    });
    if (lockUntil) throw new AppError('ACCOUNT_LOCKED', `locked until ${lockUntil.toISOString()}`);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');

  const sessionToken = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  const tokenHash = sha256(sessionToken);
  await db.transaction().execute(async (trx) => {
    await authRepository.clearFailures(trx, account.id);
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

/** The actor behind a session cookie, with the session's CSRF token; undefined if expired or unknown. */
export async function resolveSession(
  db: Kysely<Database>,
  sessionToken: string,
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const now = new Date();
  const tokenHash = sha256(sessionToken);
  const row = await authRepository.findSessionAccount(db, tokenHash, now);
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
    if (!revoked) throw notFound(`API token ${tokenId}`);
    await recordAudit(
      trx,
      { actor: { userId: actor.userId, username: actor.username }, requestId },
      { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, regionCode: actor.regionCode },
    );
  });
}
