import net from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import { authRepository } from './repository.ts';
import { message } from '@chuangcheng/core';

/**
 * Sign-in lockout per (account, source address), issue 11. Counting per account alone let
 * anyone lock `admin` out with a few wrong passwords; counting per pair makes a stranger's
 * failures delay only the stranger, while the owner signs in from their own address.
 * Guessing from many addresses is slowed by the per-address rate limit on sign-in and made
 * hopeless by the password-strength policy.
 */

const DAY_MS = 86_400_000;

/**
 * The source a failure is counted against: the IPv4 address, or the /64 network of an IPv6
 * address (one subscriber usually holds a whole /64 and could otherwise rotate through it).
 */
export function signInSource(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (net.isIPv6(ip)) {
    const [head = '', tail = ''] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups
      .slice(0, 4)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':')}::/64`;
  }
  return ip;
}

/** How long a pair waits after its `failures`-th failure: none before the threshold, then doubling, at most a day. */
function lockDelayMs(failures: number, login: Config['login']): number {
  if (failures < login.maxFailures) return 0;
  const doublings = Math.min(failures - login.maxFailures, 20);
  return Math.min(login.lockMinutes * 60_000 * 2 ** doublings, DAY_MS);
}

type Pair = { userId: string; source: string };

/** Refuses the attempt, before any password check, while the pair is locked. */
export async function assertNotLocked(db: Kysely<Database>, pair: Pair, now: Date): Promise<void> {
  const row = await authRepository.findSignInFailure(db, pair.userId, pair.source);
  if (row?.locked_until && row.locked_until > now) {
    throw new AppError('ACCOUNT_LOCKED', message('auth.lockedUntil', { until: row.locked_until.toISOString() }));
  }
}

/**
 * Counts a wrong password and, from the threshold on, locks the pair (audited the first
 * time). Throws the error the client gets.
 */
export async function recordSignInFailure(
  db: Kysely<Database>,
  config: Config,
  account: { id: string; region_code: string },
  source: string,
  meta: { now: Date; requestId?: string },
): Promise<never> {
  const pair = { userId: account.id, source };
  const lockedUntil = await db.transaction().execute(async (trx) => {
    // A pair quiet for a day starts over, so an old mistake does not shorten the next lock.
    const failures = await authRepository.countSignInFailure(
      trx,
      pair,
      meta.now,
      new Date(meta.now.getTime() - DAY_MS),
    );
    const delay = lockDelayMs(failures, config.login);
    if (delay === 0) return null;
    const until = new Date(meta.now.getTime() + delay);
    await authRepository.lockSignIn(trx, pair, until);
    await recordAudit(
      trx,
      { actor: null, requestId: meta.requestId },
      {
        action: 'user.lock',
        entityType: 'user',
        entityId: account.id,
        regionCode: account.region_code,
        after: { lockedUntil: until.toISOString(), failures, source },
      },
    );
    return until;
  });
  if (lockedUntil)
    throw new AppError('ACCOUNT_LOCKED', message('auth.lockedUntil', { until: lockedUntil.toISOString() }));
  throw new AppError('INVALID_CREDENTIALS');
}
