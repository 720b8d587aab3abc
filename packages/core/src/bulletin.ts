import { z } from 'zod';
import { addDays } from './supervision.ts';

/**
 * The periodic 督查通报 (issue 18): a month (`2019-05`) or an ISO week (`2019-W21`) of a
 * plan, its figures as of the period's last day, a ranking of the responsible units and a
 * 红黑榜. The rules live here so the document, the docs and the tests read the same ones.
 */
export const BulletinPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, 'use 2019-05 (a month) or 2019-W21 (an ISO week)');
export type BulletinPeriod = z.infer<typeof BulletinPeriod>;

export type BulletinSpan = {
  kind: 'month' | 'week';
  year: number;
  /** The month (1-12) or the ISO week (1-53): the bulletin's issue number in its year. */
  issue: number;
  start: string;
  end: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a bulletin period; an ISO week runs Monday to Sunday. */
export function bulletinSpan(period: string): BulletinSpan {
  const year = Number(period.slice(0, 4));
  if (period[5] === 'W') {
    const issue = Number(period.slice(6));
    // ISO week 1 is the week that holds 4 January.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = addDays(`${year}-01-04`, -((jan4.getUTCDay() + 6) % 7) + (issue - 1) * 7);
    return { kind: 'week', year, issue, start: monday, end: addDays(monday, 6) };
  }
  const issue = Number(period.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, issue, 0)).getUTCDate();
  return {
    kind: 'month',
    year,
    issue,
    start: `${year}-${pad(issue)}-01`,
    end: `${year}-${pad(issue)}-${pad(lastDay)}`,
  };
}

/** The bulletin's subject as its title words it: 2019年5月 or 2019年第21周. */
export function bulletinPeriodLabel(span: BulletinSpan): string {
  return span.kind === 'month' ? `${span.year}年${span.issue}月` : `${span.year}年第${span.issue}周`;
}

/** One responsible unit's figures in a bulletin, as of the period's last day. */
export type BulletinUnit = {
  id: string;
  name: string;
  /** Task × unit rows by derived status: done; on track or due soon; behind or a milestone missed; overdue. */
  done: number;
  onTrack: number;
  lagging: number;
  overdue: number;
  /** Reports that fell due in the period, and how they stood on its last day. */
  reportsDue: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsMissing: number;
  /** Reports of any earlier period still missing on the period's last day. */
  missingEver: number;
  overdueNotices: number;
  overdueActionItems: number;
};

/** Reports filed on time over reports due; null when none fell due. */
export function onTimeRate(unit: BulletinUnit): number | null {
  return unit.reportsDue === 0 ? null : unit.reportsOnTime / unit.reportsDue;
}

/**
 * The ranking: units with reports due first, by on-time rate (highest first); ties, and
 * units with none due, by fewer reports missing, fewer overdue tasks, fewer overdue
 * notices, fewer lagging tasks, more tasks done, then name (pinyin order).
 */
export function rankUnits(units: readonly BulletinUnit[]): BulletinUnit[] {
  const rate = (u: BulletinUnit) => onTimeRate(u) ?? -1;
  return [...units].sort(
    (a, b) =>
      rate(b) - rate(a) ||
      a.reportsMissing - b.reportsMissing ||
      a.overdue - b.overdue ||
      a.overdueNotices - b.overdueNotices ||
      a.lagging - b.lagging ||
      b.done - a.done ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** Why a unit is on the 黑榜, in the bulletin's words. */
export type BlackListReason = 'missing' | 'late' | 'overdue_notice';

/**
 * 红榜: every report due in the period filed on time (at least one due), no report of an
 * earlier period missing, no task overdue or behind a milestone, no notice or action item
 * overdue. 黑榜: a report due in the period missing or filed late, or a 督办单 reply overdue
 * on the period's last day. A unit can be on neither.
 */
export function honourRoll(units: readonly BulletinUnit[]): {
  red: BulletinUnit[];
  black: { unit: BulletinUnit; reasons: BlackListReason[] }[];
} {
  const ranked = rankUnits(units);
  const red = ranked.filter(
    (u) =>
      u.reportsDue > 0 &&
      u.reportsOnTime === u.reportsDue &&
      u.missingEver === 0 &&
      u.overdue === 0 &&
      u.lagging === 0 &&
      u.overdueNotices === 0 &&
      u.overdueActionItems === 0,
  );
  const black = ranked.flatMap((unit) => {
    const reasons: BlackListReason[] = [];
    if (unit.reportsMissing > 0) reasons.push('missing');
    if (unit.reportsLate > 0) reasons.push('late');
    if (unit.overdueNotices > 0) reasons.push('overdue_notice');
    return reasons.length > 0 ? [{ unit, reasons }] : [];
  });
  return { red, black };
}
