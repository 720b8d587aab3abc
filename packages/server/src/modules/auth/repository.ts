import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The account columns sign-in and session checks need, with the scope region's path. */
const accountColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.password_hash',
  'app_user.role',
  'app_user.region_code',
  'app_user.org_unit_id',
  'app_user.disabled',
  'region.path as region_path',
] as const;

export const authRepository = {
  findAccountByUsername(db: Kysely<Database>, username: string) {
    return db
      .selectFrom('app_user')
      .innerJoin('region', 'region.code', 'app_user.region_code')
      .select(accountColumns)
      .where('app_user.username', '=', username)
      .executeTakeFirst();
  },

  findSignInFailure(db: Kysely<Database>, userId: string, source: string) {
    return db
      .selectFrom('sign_in_failure')
      .select(['failures', 'locked_until'])
      .where('user_id', '=', userId)
      .where('source', '=', source)
      .executeTakeFirst();
  },

  /**
   * Counts one more failure of the (account, source) pair and returns the count; a pair
   * quiet since `forgetBefore` starts again from one.
   */
  async countSignInFailure(
    db: Kysely<Database>,
    pair: { userId: string; source: string },
    now: Date,
    forgetBefore: Date,
  ): Promise<number> {
    const row = await db
      .insertInto('sign_in_failure')
      .values({ user_id: pair.userId, source: pair.source, failures: 1, last_failure_at: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'source']).doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_failure.last_failure_at', '<', forgetBefore)
            .then(1)
            .else(eb('sign_in_failure.failures', '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return row.failures;
  },

  async lockSignIn(db: Kysely<Database>, pair: { userId: string; source: string }, until: Date): Promise<void> {
    await db
      .updateTable('sign_in_failure')
      .set({ locked_until: until })
      .where('user_id', '=', pair.userId)
      .where('source', '=', pair.source)
      .execute();
  },

  async clearSignInFailures(db: Kysely<Database>, pair: { userId: string; source: string }): Promise<void> {
    await db
      .deleteFrom('sign_in_failure')
      .where('user_id', '=', pair.userId)
      .where('source', '=', pair.source)
      .execute();
  },

  async setPassword(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
    await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  },

  async insertSession(
    db: Kysely<Database>,
    session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; userAgent?: string; ip?: string },
  ): Promise<void> {
    await db
      .insertInto('user_session')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        user_agent: session.userAgent ?? null,
        ip: session.ip ?? null,
      })
      .execute();
  },

  /** The account of a session that has neither expired nor been idle since `idleSince`. */
  findSessionAccount(db: Kysely<Database>, tokenHash: string, now: Date, idleSince: Date) {
    return db
      .selectFrom('user_session')
      .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
      .innerJoin('region', 'region.code', 'app_user.region_code')
      .select([...accountColumns, 'user_session.csrf_token', 'user_session.last_seen'])
      .where('user_session.token_hash', '=', tokenHash)
      .where('user_session.expires_at', '>', now)
      .where('user_session.last_seen', '>', idleSince)
      .executeTakeFirst();
  },

  async touchSession(db: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
    await db.updateTable('user_session').set({ last_seen: now }).where('token_hash', '=', tokenHash).execute();
  },

  async deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
    await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  },

  /** Ends every session of the account, but the one to keep (the caller's own) if given. */
  async deleteSessionsOf(db: Kysely<Database>, userId: string, keepTokenHash?: string): Promise<number> {
    let query = db.deleteFrom('user_session').where('user_id', '=', userId);
    if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async revokeTokensOf(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
    const result = await db
      .updateTable('api_token')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  findTokenAccount(db: Kysely<Database>, tokenHash: string) {
    return db
      .selectFrom('api_token')
      .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
      .innerJoin('region', 'region.code', 'app_user.region_code')
      .select([...accountColumns, 'api_token.id as token_id', 'api_token.last_used'])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      .executeTakeFirst();
  },

  async touchToken(db: Kysely<Database>, tokenId: string, now: Date): Promise<void> {
    await db.updateTable('api_token').set({ last_used: now }).where('id', '=', tokenId).execute();
  },

  async insertToken(
    db: Kysely<Database>,
    token: { id: string; userId: string; name: string; tokenHash: string },
  ): Promise<void> {
    await db
      .insertInto('api_token')
      .values({ id: token.id, user_id: token.userId, name: token.name, token_hash: token.tokenHash })
      .execute();
  },

  listTokens(db: Kysely<Database>, userId: string) {
    return db
      .selectFrom('api_token')
      .select(['id', 'name', 'created_at', 'last_used', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  async revokeToken(db: Kysely<Database>, userId: string, tokenId: string, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('api_token')
      .set({ revoked_at: now })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};

export type AccountRow = NonNullable<Awaited<ReturnType<typeof authRepository.findAccountByUsername>>>;
