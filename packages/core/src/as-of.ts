/**
 * The one "as of" date a session looks at the campaign on (statuses, deadlines, overdue counts are
 * judged on it). Why not simply today: a plan that ended years ago would show every task overdue,
 * and a demo database tells its story as of its demo date.
 */
export type SessionAsOf = {
  asOf: string;
  /** demo: the demo data's date; plan_end: every plan has ended, so the latest end; today otherwise. */
  basis: 'demo' | 'plan_end' | 'today';
};

/**
 * The default "as of" for a session: the demo date when the database holds demo data; the latest
 * plan end when today is after every plan's end; today otherwise (a plan running or not begun).
 * Dates are ISO `YYYY-MM-DD`, so they compare as strings.
 */
export function defaultSessionAsOf(
  today: string,
  plans: readonly { start: string; end: string }[],
  demoDate?: string,
): SessionAsOf {
  if (demoDate) return { asOf: demoDate, basis: 'demo' };
  if (plans.length === 0) return { asOf: today, basis: 'today' };
  const latestEnd = plans.map((p) => p.end).reduce((a, b) => (a > b ? a : b));
  if (today > latestEnd) return { asOf: latestEnd, basis: 'plan_end' };
  return { asOf: today, basis: 'today' };
}
