import type {
  AnnualThreshold,
  EvaluationMethod,
  FrameworkDocument,
  FrameworkPart,
  FrameworkStandard,
  NegativeListEntry,
  SanctionEffect,
  TitleChange,
  TitleKind,
} from './evaluation.ts';
import { TITLE_NAMES } from './evaluation.ts';
import { canonicalJson } from './canonical-json.ts';
import { isWithinScope } from './scope.ts';
import { monthsLater, type TitleState } from './titles.ts';

/**
 * The evaluation computation: standard → content → project → method group → total, the
 * minors' gate, negative-list deductions, rankings within city groups, the annual combination
 * of routine assessments and the year-end evaluation, and the cycle total. Pure and
 * deterministic: it takes the framework document and the raw entries and returns numbers with
 * the trail behind every point lost. Every weight and threshold comes from the document.
 */

/** Scores are reported to two decimals; sums are taken before rounding. */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export type FindingInput = {
  id: string;
  deduction: number;
  description: string;
  scorer: string;
  evidenceId: string | null;
  attachmentIds: string[];
};

export type ResultInput = {
  checked: number | null;
  passed: number | null;
  satisfaction: number | null;
  value: number | null;
  reviewed: boolean;
  /** Marked not applicable to this region, with the reason in `note`: the standard leaves the sums. */
  notApplicable?: boolean;
  note: string;
  scorer: string;
};

export type StandardEntries = { result: ResultInput | null; findings: FindingInput[]; evidenceIds: string[] };

export type LossLine = {
  standardCode: string;
  points: number;
  reason: string;
  findingId: string | null;
  evidenceIds: string[];
  attachmentIds: string[];
  scorer: string | null;
};

export type StandardScore = {
  code: string;
  /** The points the standard counts for: 0 when it is not applicable. */
  points: number;
  score: number;
  /** Nobody has scored it yet: it earns nothing for now and blocks publication. */
  unscored: boolean;
  notApplicable: boolean;
  losses: LossLine[];
};

/**
 * One standard's score under its rule.
 * - deduction: points minus the findings' deductions, never below zero. The deductions are
 *   the amounts the inspectors entered; the cap is applied here, in the order the findings
 *   were recorded, so only the active findings decide the score. With no finding the
 *   standard is scored only once a scorer marks it reviewed (passed).
 * - proportion: points × passed / checked.
 * - survey: points × satisfaction / 100.
 * - threshold: full points when the value meets the target, else nothing ('none') or a
 *   linear share ('linear': value / target for '≥ target', target / value for '≤ target'),
 *   capped at the points.
 * A standard nobody has scored (no result, or a deduction standard neither reviewed nor with
 * a finding) is `unscored`: it earns nothing for now, is not a loss, and blocks publication.
 * A standard marked not applicable counts for no points at all.
 */
export function scoreStandard(standard: FrameworkStandard, entries: StandardEntries): StandardScore {
  const out: StandardTally = { points: 0, score: 0, unscored: false, notApplicable: false };
  const losses: LossLine[] = [];
  tallyStandard(standard, entries, out, losses, undefined);
  return { code: standard.code, ...out, losses };
}

/** What `scoreRegion` keeps of a standard's score while it walks the tree: one record reused for every standard. */
type StandardTally = { points: number; score: number; unscored: boolean; notApplicable: boolean };

/** The files of a loss that no finding carries: one shared empty list (never written to). */
const NO_FILES: string[] = Object.freeze([]) as unknown as string[];

/**
 * A loss line, created once in the shape it is served in: with its `path` inside a scorecard
 * (`scoreRegion`), without it for `scoreStandard`.
 */
function lossLine(
  standardCode: string,
  points: number,
  reason: string,
  findingId: string | null,
  evidenceIds: string[],
  attachmentIds: string[],
  scorer: string | null,
  path: string[] | undefined,
): LossLine {
  return path === undefined
    ? { standardCode, points, reason, findingId, evidenceIds, attachmentIds, scorer }
    : ({ standardCode, points, reason, findingId, evidenceIds, attachmentIds, scorer, path } as LossLine);
}

/**
 * `scoreStandard`'s rules, writing the score into `out` and pushing the loss lines (with `path`
 * when given) onto `losses`: a national round scores 906,000 standards, and a result object and
 * a list per standard that nobody keeps were most of what the scoring allocated (decision 0203).
 */
function tallyStandard(
  standard: FrameworkStandard,
  entries: StandardEntries,
  out: StandardTally,
  losses: LossLine[],
  path: string[] | undefined,
  reasons?: Reasons,
): void {
  const { code, points, rule } = standard;
  const result = entries.result;
  out.points = points;
  out.score = 0;
  out.unscored = false;
  out.notApplicable = false;
  if (result?.notApplicable) {
    out.points = 0;
    out.notApplicable = true;
    return;
  }

  if (rule.kind === 'deduction') {
    if (entries.findings.length === 0 && !result?.reviewed) {
      out.unscored = true;
      return;
    }
    let left = points;
    for (const f of entries.findings) {
      const amount = Math.min(left, f.deduction);
      left -= amount;
      if (amount <= 0) continue;
      losses.push(
        lossLine(
          code,
          amount,
          f.description,
          f.id,
          f.evidenceId ? [f.evidenceId] : entries.evidenceIds,
          f.attachmentIds,
          f.scorer,
          path,
        ),
      );
    }
    out.score = left;
    return;
  }

  let score: number;
  if (rule.kind === 'proportion') {
    if (!result || result.checked === null || result.passed === null || result.checked === 0) {
      out.unscored = true;
      return;
    }
    score = (points * Math.min(result.passed, result.checked)) / result.checked;
  } else if (rule.kind === 'survey') {
    if (!result || result.satisfaction === null) {
      out.unscored = true;
      return;
    }
    score = (points * result.satisfaction) / 100;
  } else {
    if (!result || result.value === null) {
      out.unscored = true;
      return;
    }
    const v = result.value;
    const met = rule.comparator === 'gte' ? v >= rule.target : v <= rule.target;
    if (met) score = points;
    else if (rule.partial === 'linear') {
      const ratio =
        rule.comparator === 'gte' ? (rule.target === 0 ? 0 : v / rule.target) : v === 0 ? 1 : rule.target / v;
      score = points * Math.max(0, Math.min(1, ratio));
    } else score = 0;
  }
  const lost = points - score;
  if (lost > 1e-9) {
    // the wording is only written for a loss; its figures repeat across regions, so a scorecard's
    // walk shares one string per wording (reasons), and a note makes the line its own
    const reason = reasonOf(rule, result, reasons);
    losses.push(
      lossLine(
        code,
        lost,
        result.note ? `${reason}（${result.note}）` : reason,
        null,
        entries.evidenceIds,
        // a fresh list for scoreStandard's callers, the shared empty one inside a scorecard
        path === undefined ? [] : NO_FILES,
        result.scorer,
        path,
      ),
    );
  }
  out.score = score;
}

type ScoredRule = Exclude<FrameworkStandard['rule'], { kind: 'deduction' }>;

/** The wordings of losses already written during one round's scoring, by rule and figures. */
class Reasons {
  private readonly byRule = new Map<ScoredRule, Map<number, Map<number, string>>>();

  find(rule: ScoredRule, a: number, b: number): string | undefined {
    return this.byRule.get(rule)?.get(a)?.get(b);
  }

  keep(rule: ScoredRule, a: number, b: number, text: string): void {
    let byA = this.byRule.get(rule);
    if (!byA) this.byRule.set(rule, (byA = new Map()));
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    byB.set(b, text);
  }
}

/** Why a scored (non-deduction) standard lost points, in the words of its rule. */
function reasonOf(rule: ScoredRule, result: ResultInput, reasons: Reasons | undefined): string {
  const a =
    rule.kind === 'proportion' ? result.checked! : rule.kind === 'survey' ? result.satisfaction! : result.value!;
  const b = rule.kind === 'proportion' ? Math.min(result.passed!, a) : 0;
  const known = reasons?.find(rule, a, b);
  if (known !== undefined) return known;
  const text =
    rule.kind === 'proportion'
      ? `检查${a}处，合格${b}处`
      : rule.kind === 'survey'
        ? `满意度${a}（满分100）`
        : `指标值${a}，目标${rule.comparator === 'gte' ? '≥' : '≤'}${rule.target}`;
  reasons?.keep(rule, a, b, text);
  return text;
}

export type NodeScore = { code: string; name: string; points: number; score: number; rate: number | null };
const node = (code: string, name: string, points: number, score: number): NodeScore => ({
  code,
  name,
  points: round2(points),
  score: round2(score),
  rate: points > 0 ? round2((score / points) * 10000) / 10000 : null,
});

export type PendingStandard = { standardCode: string; path: string[]; points: number };

export type DeductionInput = { incidentId: string; category: string; points: number; reason: string };

export type RegionScore = {
  mainScore: number;
  mainMax: number;
  minorsScore: number | null;
  minorsGatePassed: boolean | null;
  deducted: number;
  total: number;
  rate: number;
  unscored: number;
  /** The standards nobody has scored yet, with where they sit and what they are worth. */
  pending: PendingStandard[];
  methods: (NodeScore & { methods: EvaluationMethod[]; weight: number; weighted: number })[];
  projects: (NodeScore & {
    part: FrameworkPart;
    contents: (NodeScore & {
      standards: (NodeScore & { method: EvaluationMethod; unscored: boolean; notApplicable: boolean })[];
    })[];
  })[];
  losses: (LossLine & { path: string[] })[];
  deductions: DeductionInput[];
};

const EMPTY: StandardEntries = { result: null, findings: [], evidenceIds: [] };

/** A score rate to four decimals, null when there are no points (as `node` gives it). */
const rateOf = (points: number, score: number) => (points > 0 ? round2((score / points) * 10000) / 10000 : null);

/**
 * A region's scorecard for one round.
 * main = Σ over method groups of weight × (score / points) of the group's main-part standards;
 * minors = max × score / points over the minors part (null when the framework has none);
 * before deductions, total = (1 − share) × main + share × minors × (mainMax / minors.max);
 * then negative-list deductions come off (never below zero). rate = total / mainMax.
 */
export function scoreRegion(
  framework: FrameworkDocument,
  entries: ReadonlyMap<string, StandardEntries>,
  deductions: readonly DeductionInput[] = [],
): RegionScore {
  return regionScorer(framework)(entries, deductions);
}

/**
 * `scoreRegion` for many regions under one framework: what depends on the framework alone (each
 * standard's path and method group) is worked out once and shared by every region's scorecard, so
 * the loss lines and pending standards of 3,000 regions point at one path list per standard
 * (frozen) instead of each carrying its own (decision 0203). The framework must not change while
 * the scorer is in use.
 */
export function regionScorer(
  framework: FrameworkDocument,
): (entries: ReadonlyMap<string, StandardEntries>, deductions?: readonly DeductionInput[]) => RegionScore {
  // method → group code, the later group winning as before; sums are kept per distinct group code
  const groupOf = new Map<EvaluationMethod, string>();
  for (const g of framework.methodGroups) for (const m of g.methods) groupOf.set(m, g.code);
  const groupCodes = [...new Set(framework.methodGroups.map((g) => g.code))];
  const methodGroupAt = framework.methodGroups.map((g) => groupCodes.indexOf(g.code));
  const planned: { path: string[]; group: number }[] = [];
  for (const project of framework.projects) {
    for (const content of project.contents) {
      for (const standard of content.standards) {
        planned.push({
          path: Object.freeze([project.code, content.code, standard.code]) as string[],
          group: project.part === 'minors' ? -1 : groupCodes.indexOf(groupOf.get(standard.method) ?? ''),
        });
      }
    }
  }

  const reasons = new Reasons();

  return (entries, deductions = []) => {
    const groupPoints = groupCodes.map(() => 0);
    const groupScores = groupCodes.map(() => 0);
    let minorsPoints = 0;
    let minorsRaw = 0;
    const pending: PendingStandard[] = [];
    const losses: RegionScore['losses'] = [];
    const s: StandardTally = { points: 0, score: 0, unscored: false, notApplicable: false };
    let at = 0;

    const projects = framework.projects.map((project) => {
      let pPoints = 0;
      let pScore = 0;
      const contents = project.contents.map((content) => {
        let cPoints = 0;
        let cScore = 0;
        const standards = content.standards.map((standard) => {
          const plan = planned[at++]!;
          tallyStandard(standard, entries.get(standard.code) ?? EMPTY, s, losses, plan.path, reasons);
          cPoints += s.points;
          cScore += s.score;
          if (s.unscored) pending.push({ standardCode: standard.code, path: plan.path, points: s.points });
          if (project.part === 'minors') {
            minorsPoints += s.points;
            minorsRaw += s.score;
          } else if (plan.group >= 0) {
            groupPoints[plan.group]! += s.points;
            groupScores[plan.group]! += s.score;
          }
          return {
            code: standard.code,
            name: standard.text,
            points: round2(s.points),
            score: round2(s.score),
            rate: rateOf(s.points, s.score),
            method: standard.method,
            unscored: s.unscored,
            notApplicable: s.notApplicable,
          };
        });
        pPoints += cPoints;
        pScore += cScore;
        return {
          code: content.code,
          name: content.name,
          points: round2(cPoints),
          score: round2(cScore),
          rate: rateOf(cPoints, cScore),
          standards,
        };
      });
      return {
        code: project.code,
        name: project.name,
        points: round2(pPoints),
        score: round2(pScore),
        rate: rateOf(pPoints, pScore),
        part: project.part,
        contents,
      };
    });

    let mainScore = 0;
    let mainMax = 0;
    const methods = framework.methodGroups.map((g, i) => {
      const points = groupPoints[methodGroupAt[i]!]!;
      const score = groupScores[methodGroupAt[i]!]!;
      const weighted = points > 0 ? (g.weight * score) / points : 0;
      mainScore += weighted;
      mainMax += g.weight;
      return {
        ...node(g.code, g.name, points, score),
        methods: g.methods,
        weight: g.weight,
        weighted: round2(weighted),
      };
    });

    const minors = framework.minors && minorsPoints > 0 ? framework.minors : null;
    const minorsScore = minors ? (minors.max * minorsRaw) / minorsPoints : null;
    const combined =
      minors && minorsScore !== null
        ? (1 - minors.share) * mainScore + minors.share * minorsScore * (mainMax / minors.max)
        : mainScore;
    const deducted = deductions.reduce((sum, d) => sum + d.points, 0);
    const total = Math.max(0, combined - deducted);
    // Plain code-unit order: localeCompare costs ICU collation on every comparison.
    losses.sort(
      (a, b) => b.points - a.points || (a.standardCode < b.standardCode ? -1 : a.standardCode > b.standardCode ? 1 : 0),
    );
    // the loss lines are this region's own: round their points in place
    for (const l of losses) l.points = round2(l.points);
    return {
      mainScore: round2(mainScore),
      mainMax,
      minorsScore: minorsScore === null ? null : round2(minorsScore),
      minorsGatePassed: minors && minorsScore !== null ? minorsScore >= minors.gateMin : null,
      deducted: round2(deducted),
      total: round2(total),
      rate: mainMax > 0 ? round2((total / mainMax) * 10000) / 10000 : 0,
      unscored: pending.length,
      pending,
      methods,
      projects,
      losses,
      deductions: [...deductions],
    };
  };
}

/** Competition ranking (1, 2, 2, 4) by total within each group, ties broken by nothing. */
export function rankWithinGroups<T extends { group: string; total: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const members = groups.get(r.group);
    if (members) members.push(r);
    else groups.set(r.group, [r]);
  }
  const ranked: (T & { rank: number })[] = [];
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => b.total - a.total);
    sorted.forEach((r, i) => {
      const rank = i > 0 && sorted[i - 1]!.total === r.total ? ranked[ranked.length - 1]!.rank : i + 1;
      ranked.push({ ...r, rank });
    });
  }
  return ranked;
}

/** Mean, best and worst total of a group. */
export function groupStats(totals: readonly number[]) {
  if (totals.length === 0) return { mean: 0, best: 0, worst: 0 };
  return {
    mean: round2(totals.reduce((a, b) => a + b, 0) / totals.length),
    best: Math.max(...totals),
    worst: Math.min(...totals),
  };
}

// ---- Annual and cycle -----------------------------------------------------------------

/**
 * A year's score: routine × mean(routine assessments) + yearEnd × year-end evaluation. With no
 * routine assessment the year-end score stands alone; with no year-end evaluation the year has
 * no score (null).
 */
export function annualScore(
  weights: FrameworkDocument['annual'],
  routineTotals: readonly number[],
  yearEndTotal: number | null,
): number | null {
  if (yearEndTotal === null) return null;
  if (routineTotals.length === 0 || weights.routine === 0) return round2(yearEndTotal);
  const mean = routineTotals.reduce((a, b) => a + b, 0) / routineTotals.length;
  const sum = weights.routine + weights.yearEnd;
  return round2((weights.routine * mean + weights.yearEnd * yearEndTotal) / sum);
}

/** The cycle total Σ yearWeights[i] × annual[i]; null unless every year has a score. */
export function cycleTotal(cycle: FrameworkDocument['cycle'], annual: readonly (number | null)[]) {
  const complete = annual.length === cycle.years && annual.every((a) => a !== null);
  if (!complete) return { complete: false, total: null };
  const total = cycle.yearWeights.reduce((sum, w, i) => sum + w * annual[i]!, 0);
  return { complete: true, total: round2(total) };
}

export type CycleStanding = 'ranked' | 'disqualified' | 'minors_gate_failed' | 'incomplete';

/**
 * Whether a region takes a place in a cycle's ranking, and why not: a disqualification for the
 * cycle (弄虚作假, a major incident) comes first, then a failed minors' gate (a 前置条件: such a
 * city is shown as failing it, never ranked as if it had passed), then missing years.
 */
export function cycleStanding(row: {
  complete: boolean;
  minorsGatePassed: boolean | null;
  disqualified: boolean;
}): CycleStanding {
  if (row.disqualified) return 'disqualified';
  if (row.minorsGatePassed === false) return 'minors_gate_failed';
  return row.complete ? 'ranked' : 'incomplete';
}

/**
 * The incidents that disqualify a region from the cycle of `years` years starting in
 * `startYear`: each applicable 'disqualify' effect of an incident that happened in one of the
 * cycle's years, with its reason.
 */
export function cycleDisqualifications(
  incidents: readonly { id: string; category: string; occurredOn: string; effects: readonly PlannedEffect[] }[],
  startYear: number,
  years: number,
): { incidentId: string; category: string; reason: string }[] {
  return incidents.flatMap((incident) => {
    const year = Number(incident.occurredOn.slice(0, 4));
    if (year < startYear || year >= startYear + years) return [];
    return incident.effects
      .filter((e) => e.effect === 'disqualify' && e.applies)
      .map((e) => ({
        incidentId: incident.id,
        category: incident.category,
        reason: `${e.label}（${incident.occurredOn}）：${e.explanation}`,
      }));
  });
}

/**
 * 回避: whether a scorer's region scope conflicts with a region they would score. An account is
 * conflicted when its scope and the region overlap (the scorer works for the region, for a
 * part of it, or for a region that contains it) and the scope does not cover the round's whole
 * owner region: the organising level (the province running a round of its cities) stands
 * equally above every region it evaluates and is not a party; a city's office is a party to
 * its own city and its districts.
 */
export function scorerConflict(scorerPath: string, regionPath: string, ownerPath: string): boolean {
  if (isWithinScope(scorerPath, ownerPath)) return false;
  return isWithinScope(scorerPath, regionPath) || isWithinScope(regionPath, scorerPath);
}

// ---- Negative list and thresholds --------------------------------------------------------

const CIVILIZED: TitleKind[] = ['national_civilized', 'provincial_civilized'];
const NOMINATED: TitleKind[] = ['national_nominated', 'provincial_nominated'];
const AIMS_AT: Record<TitleKind, TitleKind> = {
  national_nominated: 'national_civilized',
  provincial_nominated: 'provincial_civilized',
  national_civilized: 'national_civilized',
  provincial_civilized: 'provincial_civilized',
};

/** The title an effect falls on: the highest civilized title for 'titled', the highest nomination for 'nominated'. */
export function targetTitle(
  states: readonly TitleState[],
  appliesTo: 'titled' | 'nominated' | 'any',
): TitleKind | null {
  const held = (kinds: TitleKind[]) => kinds.find((k) => states.some((s) => s.title === k && s.status === 'held'));
  if (appliesTo === 'titled') return held(CIVILIZED) ?? null;
  // a nominee that has since been awarded the title it aimed at is a titled city, not a nominee
  const nominee = () =>
    NOMINATED.find(
      (k) =>
        states.some((s) => s.title === k && s.status === 'held') &&
        !states.some((s) => s.title === AIMS_AT[k] && (s.status === 'held' || s.status === 'suspended')),
    );
  if (appliesTo === 'nominated') return nominee() ?? null;
  return held(CIVILIZED) ?? nominee() ?? null;
}

const EFFECT_NAMES: Record<SanctionEffect, string> = {
  public_praise: '通报表扬',
  public_criticism: '通报批评',
  deduct: '扣分',
  suspend: '停止资格',
  bar: '取消申报资格',
  revoke: '取消称号',
  disqualify: '取消本周期参评资格',
};

const CHANGE_NAMES: Record<TitleChange, string> = {
  awarded: '授予',
  suspended: '暂停',
  reinstated: '恢复',
  revoked: '撤销',
  expired: '终止',
  barred: '不得申报',
};

function describeTitleEvent(e: { title: TitleKind; change: TitleChange; effectiveOn: string; endsOn: string | null }) {
  return `自${e.effectiveOn}起${CHANGE_NAMES[e.change]}“${TITLE_NAMES[e.title]}”${e.endsOn ? `，至${e.endsOn}` : ''}。`;
}

export type PlannedEffect = {
  effect: SanctionEffect;
  label: string;
  /** Whether it applies to this region (its title at the time matches). */
  applies: boolean;
  /** A title event to write, if any. */
  titleEvent: { title: TitleKind; change: TitleChange; effectiveOn: string; endsOn: string | null } | null;
  points: number | null;
  /** 'deduct' effects: the annual tests (by date) the deduction falls on, inclusive. */
  window: { from: string; to: string } | null;
  explanation: string;
};

function titleEventFor(
  effect: SanctionEffect,
  title: TitleKind,
  on: string,
  months: number | undefined,
): PlannedEffect['titleEvent'] {
  if (effect === 'suspend')
    return { title, change: 'suspended', effectiveOn: on, endsOn: months ? monthsLater(on, months) : null };
  if (effect === 'revoke') return { title, change: 'revoked', effectiveOn: on, endsOn: null };
  if (effect === 'bar') {
    return {
      title: AIMS_AT[title],
      change: 'barred',
      effectiveOn: on,
      endsOn: months ? monthsLater(on, months) : null,
    };
  }
  return null;
}

/**
 * What an incident of a negative-list category does to a region, given the region's title
 * states on the day it happened. Title effects (suspend, bar, revoke) take effect that day;
 * a deduction falls on annual tests held within its window after the incident (the incident
 * is then "within the window before the test").
 */
export function incidentEffects(
  entry: NegativeListEntry,
  occurredOn: string,
  states: readonly TitleState[],
): PlannedEffect[] {
  return entry.effects.map((e) => {
    const title = targetTitle(states, e.appliesTo);
    const who = e.appliesTo === 'titled' ? '已获称号的城市' : e.appliesTo === 'nominated' ? '提名城市' : '城市';
    const label = `${entry.code} ${entry.name}`;
    if (!title && e.appliesTo !== 'any') {
      return {
        effect: e.effect,
        label,
        applies: false,
        titleEvent: null,
        points: e.points ?? null,
        window: null,
        explanation: `适用于${who}；该地区在${occurredOn}不属于此类，不适用。`,
      };
    }
    if (e.effect === 'deduct') {
      const months = e.window?.months ?? e.months ?? 12;
      const to = monthsLater(occurredOn, months);
      return {
        effect: e.effect,
        label,
        applies: true,
        titleEvent: null,
        points: e.points ?? 0,
        window: { from: occurredOn, to },
        explanation: `${occurredOn}至${to}（事件后${months}个月内）举行的年度测评各扣${e.points ?? 0}分。`,
      };
    }
    if (e.effect === 'disqualify') {
      return {
        effect: e.effect,
        label,
        applies: true,
        titleEvent: null,
        points: null,
        window: null,
        explanation: `取消${occurredOn.slice(0, 4)}年所在测评周期的参评资格，该周期不予排名。`,
      };
    }
    const months = e.effect === 'bar' ? (e.window?.months ?? e.months) : e.months;
    const titleEvent = title ? titleEventFor(e.effect, title, occurredOn, months) : null;
    const explanation = titleEvent ? describeTitleEvent(titleEvent) : `${EFFECT_NAMES[e.effect]}（仅记录，称号不变）。`;
    return { effect: e.effect, label, applies: true, titleEvent, points: null, window: null, explanation };
  });
}

/** The deductions that fall on an annual test held on `testDate` from incidents' planned effects. */
export function deductionsForTest(
  incidents: readonly { id: string; category: string; effects: readonly PlannedEffect[] }[],
  testDate: string,
): DeductionInput[] {
  const out: DeductionInput[] = [];
  for (const incident of incidents) {
    for (const e of incident.effects) {
      if (e.effect !== 'deduct' || !e.applies || !e.window) continue;
      if (testDate < e.window.from || testDate > e.window.to) continue;
      out.push({
        incidentId: incident.id,
        category: incident.category,
        points: e.points ?? 0,
        reason: `${e.label}：${e.explanation}`,
      });
    }
  }
  return out;
}

/**
 * What a published year-end total triggers: every threshold the total falls below (2018: below
 * 80 public criticism, below 70 a one-year suspension), each on the title it applies to.
 */
export function thresholdEffects(
  thresholds: readonly AnnualThreshold[],
  total: number,
  states: readonly TitleState[],
  publishedOn: string,
): PlannedEffect[] {
  return thresholds
    .filter((t) => total < t.below)
    .map((t) => {
      const title = targetTitle(states, t.appliesTo);
      const titleEvent = title ? titleEventFor(t.effect, title, publishedOn, t.months) : null;
      const applies = t.appliesTo === 'any' || title !== null;
      return {
        effect: t.effect,
        label: t.label,
        applies,
        titleEvent: applies ? titleEvent : null,
        points: null,
        window: null,
        explanation: `得分${total}低于${t.below}分：${
          applies && titleEvent ? describeTitleEvent(titleEvent) : `${EFFECT_NAMES[t.effect]}。`
        }`,
      };
    });
}

// ---- Framework checks ----------------------------------------------------------------

export type FrameworkProblem = { field: string; message: string };

/**
 * What the schema cannot say about a framework document: codes are unique, every main-part
 * method belongs to one weight group, site types and the minors part are declared, year weights
 * match the cycle, effects carry the numbers they need.
 */
export function checkFramework(doc: FrameworkDocument): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  const sites = new Set(doc.siteTypes.map((s) => s.code));
  const grouped = new Map<EvaluationMethod, string>();
  doc.methodGroups.forEach((g, i) => {
    for (const m of g.methods) {
      if (grouped.has(m))
        problems.push({ field: `methodGroups.${i}.methods`, message: `${m} is already in group ${grouped.get(m)}` });
      grouped.set(m, g.code);
    }
  });
  doc.projects.forEach((p, pi) => {
    if (seen.has(p.code)) problems.push({ field: `projects.${pi}.code`, message: `code ${p.code} is used twice` });
    seen.add(p.code);
    if (p.part === 'minors' && !doc.minors) {
      problems.push({
        field: `projects.${pi}.part`,
        message: 'a minors project needs the `minors` settings (max, gateMin, share)',
      });
    }
    p.contents.forEach((c, ci) => {
      if (seen.has(c.code))
        problems.push({ field: `projects.${pi}.contents.${ci}.code`, message: `code ${c.code} is used twice` });
      seen.add(c.code);
      c.standards.forEach((s, si) => {
        const at = `projects.${pi}.contents.${ci}.standards.${si}`;
        if (seen.has(s.code)) problems.push({ field: `${at}.code`, message: `code ${s.code} is used twice` });
        seen.add(s.code);
        if (p.part === 'main' && !grouped.has(s.method)) {
          problems.push({ field: `${at}.method`, message: `method ${s.method} is in no method group; add it to one` });
        }
        for (const site of s.siteTypes) {
          if (!sites.has(site))
            problems.push({ field: `${at}.siteTypes`, message: `site type ${site} is not declared in siteTypes` });
        }
        if (s.rule.kind === 'deduction' && s.rule.perFinding > s.points) {
          problems.push({
            field: `${at}.rule.perFinding`,
            message: 'a finding cannot cost more than the standard’s points',
          });
        }
      });
    });
  });
  if (doc.cycle.yearWeights.length !== doc.cycle.years) {
    problems.push({ field: 'cycle.yearWeights', message: `give one weight per year (${doc.cycle.years})` });
  }
  const yw = doc.cycle.yearWeights.reduce((a, b) => a + b, 0);
  if (Math.abs(yw - 1) > 1e-6)
    problems.push({ field: 'cycle.yearWeights', message: `year weights add up to ${yw}, not 1` });
  if (doc.annual.routine + doc.annual.yearEnd <= 0) {
    problems.push({ field: 'annual', message: 'routine and year-end weights cannot both be 0' });
  }
  doc.negativeList.forEach((entry, ei) => {
    entry.effects.forEach((e, i) => {
      const at = `negativeList.${ei}.effects.${i}`;
      if (e.effect === 'deduct' && e.points === undefined)
        problems.push({ field: `${at}.points`, message: 'a deduction needs points' });
      if (e.effect === 'deduct' && !e.window)
        problems.push({ field: `${at}.window`, message: 'a deduction needs its window before the test' });
    });
  });
  doc.thresholds.forEach((t, i) => {
    if (t.effect === 'deduct')
      problems.push({ field: `thresholds.${i}.effect`, message: 'a threshold cannot deduct points' });
  });
  return problems;
}

/** Every standard of a document with its place in the tree, in document order. */
export function standardsOf(doc: FrameworkDocument) {
  return doc.projects.flatMap((project) =>
    project.contents.flatMap((content) => content.standards.map((standard) => ({ project, content, standard }))),
  );
}

/** Standards added, removed and changed between two versions of a document. */
export function diffStandards(before: FrameworkDocument | null, after: FrameworkDocument) {
  const old = new Map(before ? standardsOf(before).map((s) => [s.standard.code, canonicalJson(s.standard)]) : []);
  let added = 0;
  let changed = 0;
  const now = new Set<string>();
  for (const { standard } of standardsOf(after)) {
    now.add(standard.code);
    const prev = old.get(standard.code);
    if (prev === undefined) added++;
    else if (prev !== canonicalJson(standard)) changed++;
  }
  const removed = [...old.keys()].filter((k) => !now.has(k)).length;
  return { added, removed, changed };
}
