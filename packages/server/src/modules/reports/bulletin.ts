import type { Kysely } from 'kysely';
import {
  addDays,
  bulletinPeriodLabel,
  bulletinSpan,
  honourRoll,
  onTimeRate,
  periodsFallingDue,
  rankUnits,
  ReportingCadence,
  supervisionRulesOf,
  type BlackListReason,
  type BulletinSpan,
  type BulletinUnit,
  type TaskStatus,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { planPolicy } from '../plans/index.ts';
import { planLookup } from '../plans/index.ts';
import { regionLookup } from '../regions/index.ts';
import { findIssuingOffice, supervisionLookup } from '../supervision/index.ts';
import { endOfDayInChina, loadAssignmentStatuses } from './assignments.ts';
import type { BulletinQuery } from './ledger-schema.ts';
import { reportPolicy } from './policy.ts';

/** A periodic 督查通报: every figure as of the period's last day, from the ledger's as-of reads. */
export type Bulletin = {
  plan: { code: string; name: string };
  period: string;
  span: BulletinSpan;
  region: { code: string; name: string };
  /** The issuing office (the creation office of the region or the nearest above it). */
  office: string;
  number: string;
  title: string;
  tasks: { total: number; done: number; onTrack: number; lagging: number; overdue: number };
  reports: { due: number; onTime: number; late: number; missing: number };
  notices: { issued: number; closed: number; overdue: number };
  overdueActionItems: number;
  ranking: (BulletinUnit & { rank: number; rate: number | null })[];
  red: BulletinUnit[];
  black: { unit: BulletinUnit; reasons: BlackListReason[] }[];
  overdue: {
    tasks: { number: string; title: string; unit: string; deadline: string }[];
    notices: { number: string; unit: string; replyDue: string }[];
    actionItems: { title: string; unit: string; due: string; meeting: string }[];
  };
};

const BUCKET: Record<TaskStatus, 'done' | 'onTrack' | 'lagging' | 'overdue'> = {
  done: 'done',
  on_track: 'onTrack',
  due_soon: 'onTrack',
  behind: 'lagging',
  milestone_missed: 'lagging',
  overdue: 'overdue',
};

/**
 * The bulletin number: the issuing office's own 通报 series, its 督办单 prefix followed by
 * 通 (monthly) or 周通 (weekly), numbered by the month or ISO week (decision 0132). Derived,
 * not drawn from a counter, so the same bulletin always carries the same number.
 */
function bulletinNumber(prefix: string, span: BulletinSpan): string {
  return `${prefix}${span.kind === 'month' ? '通' : '周通'}〔${span.year}〕${span.issue}号`;
}

/** Builds the 督查通报 of a plan for a period and a region (the actor's own by default). */
export async function readBulletin(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  query: BulletinQuery,
): Promise<Bulletin> {
  const plan = await planLookup.findByCode(db, code);
  if (!plan) throw notFound('plan', code);
  const issuing = await regionLookup.findByCode(db, plan.issuing_region_code);
  planPolicy.canRead(actor, issuing!.path);
  const region = await regionLookup.findByCode(db, query.region ?? actor.regionCode);
  if (!region) throw notFound('region', query.region);
  reportPolicy.canIssueBulletin(actor, region.path);

  const span = bulletinSpan(query.period);
  const asOf = span.end;
  const filter = { scopePath: region.path };
  const filedBefore = endOfDayInChina(asOf);
  const [rows, overdueNotices, actionItems, noticeCounts, officeRef] = await Promise.all([
    loadAssignmentStatuses(db, plan, asOf, filter),
    supervisionLookup.listOverdueNotices(db, plan.id, asOf, filedBefore, filter),
    supervisionLookup.listOverdueActionItems(db, plan.id, asOf, filedBefore, filter),
    supervisionLookup.countNotices(db, plan.id, endOfDayInChina(addDays(span.start, -1)), filedBefore, region.path),
    findIssuingOffice(db, { regionCode: region.code, regionPath: region.path, orgUnitId: null }),
  ]);
  const office = officeRef ? await supervisionLookup.findOffice(db, officeRef.id) : undefined;
  const prefix = office?.notice_prefix ?? `${officeRef?.region_name ?? region.name}督办`;

  const cadence = ReportingCadence.parse(plan.reporting_cadence);
  const { graceDays } = supervisionRulesOf(plan.supervision_rules);
  const units = new Map<string, BulletinUnit>();
  const unitOf = (id: string, name: string) => {
    let unit = units.get(id);
    if (!unit) {
      unit = {
        id,
        name,
        done: 0,
        onTrack: 0,
        lagging: 0,
        overdue: 0,
        reportsDue: 0,
        reportsOnTime: 0,
        reportsLate: 0,
        reportsMissing: 0,
        missingEver: 0,
        overdueNotices: 0,
        overdueActionItems: 0,
      };
      units.set(id, unit);
    }
    return unit;
  };
  for (const row of rows) {
    const unit = unitOf(row.org_unit_id, row.org_unit_name);
    unit[BUCKET[row.status]]++;
    unit.missingEver += row.missingPeriods.length;
    const due = periodsFallingDue(
      { cadence, start: plan.period_start, deadline: row.deadline, graceDays },
      span.start,
      span.end,
    );
    const missing = due.filter((p) => row.missingPeriods.includes(p)).length;
    const late = due.filter((p) => row.latePeriods.includes(p)).length;
    unit.reportsDue += due.length;
    unit.reportsMissing += missing;
    unit.reportsLate += late;
    unit.reportsOnTime += due.length - missing - late;
  }
  for (const n of overdueNotices) unitOf(n.org_unit_id, n.org_unit_name).overdueNotices++;
  for (const a of actionItems) unitOf(a.org_unit_id, a.org_unit_name).overdueActionItems++;

  const all = [...units.values()];
  const sum = (pick: (u: BulletinUnit) => number) => all.reduce((total, u) => total + pick(u), 0);
  const { red, black } = honourRoll(all);
  return {
    plan: { code: plan.code, name: plan.name },
    period: query.period,
    span,
    region: { code: region.code, name: region.name },
    office: office?.name ?? region.name,
    number: bulletinNumber(prefix, span),
    title: `关于${bulletinPeriodLabel(span)}创建工作推进情况的督查通报`,
    tasks: {
      total: rows.length,
      done: sum((u) => u.done),
      onTrack: sum((u) => u.onTrack),
      lagging: sum((u) => u.lagging),
      overdue: sum((u) => u.overdue),
    },
    reports: {
      due: sum((u) => u.reportsDue),
      onTime: sum((u) => u.reportsOnTime),
      late: sum((u) => u.reportsLate),
      missing: sum((u) => u.reportsMissing),
    },
    notices: {
      issued: noticeCounts.reduce((t, n) => t + n.issued, 0),
      closed: noticeCounts.reduce((t, n) => t + n.closed, 0),
      overdue: overdueNotices.length,
    },
    overdueActionItems: actionItems.length,
    ranking: rankUnits(all).map((u, i) => ({ ...u, rank: i + 1, rate: onTimeRate(u) })),
    red,
    black,
    overdue: {
      tasks: rows
        .filter((r) => r.status === 'overdue')
        .map((r) => ({ number: r.number, title: r.title, unit: r.org_unit_name, deadline: r.deadline })),
      notices: overdueNotices.map((n) => ({ number: n.number, unit: n.org_unit_name, replyDue: n.reply_due })),
      actionItems: actionItems.map((a) => ({
        title: a.title,
        unit: a.org_unit_name,
        due: a.due,
        meeting: a.meeting_title,
      })),
    },
  };
}
