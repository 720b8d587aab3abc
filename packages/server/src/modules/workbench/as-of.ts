import type { Kysely } from 'kysely';
import { defaultSessionAsOf, type SessionAsOf } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { defaultAsOf as cockpitAsOf, todayIso } from '../cockpit/index.ts';
import { listPlans } from '../plans/index.ts';

/**
 * The session's default "as of" date, for the header that every page reads it from: the demo date
 * in a demo database (the cockpit's own default, so the two agree), else the end of the plans in
 * the actor's view once they have all ended, else today.
 */
export async function readSessionAsOf(db: Kysely<Database>, actor: Actor): Promise<SessionAsOf> {
  authorize(actor, 'org.read');
  const today = todayIso();
  // The cockpit answers today unless the database holds demo data; anything else is the demo date.
  const cockpit = await cockpitAsOf(db);
  const plans = (await listPlans(db, actor)).map((plan) => plan.period);
  return defaultSessionAsOf(today, plans, cockpit !== today ? cockpit : undefined);
}
