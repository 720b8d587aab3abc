import type { EvaluationMethod, Loss, Scorecard } from '@chuangcheng/core';

/** One row of the scorecard's tree table: a project, a content or a standard. */
export interface ScorecardRow {
  key: string;
  kind: 'project' | 'content' | 'standard';
  code: string;
  name: string;
  points: number;
  score: number;
  /** Points lost, never negative; rounded to 2 decimals like the server's scores. */
  lost: number;
  rate: number | null;
  method: EvaluationMethod | null;
  unscored: boolean;
  /** The explained losses of a standard (findings, measured shortfalls); empty for branches. */
  losses: Loss[];
  children?: ScorecardRow[];
}

const lostOf = (points: number, score: number) => Math.max(0, Math.round((points - score) * 100) / 100);

/** A project, content or standard of the scorecard, as far as its row's figures go. */
interface ScoredNode {
  code: string;
  name: string;
  points: number;
  score: number;
  rate: number | null;
}

/** The figures every row takes from its node: its key, code and name, points, score, loss and rate. */
function figuresOf(kind: ScorecardRow['kind'], node: ScoredNode) {
  return {
    key: `${kind}:${node.code}`,
    kind,
    code: node.code,
    name: node.name,
    points: node.points,
    score: node.score,
    lost: lostOf(node.points, node.score),
    rate: node.rate,
  };
}

/** A project or content row: no method of its own, scored through its children, losses only below. */
function branchRow(kind: 'project' | 'content', node: ScoredNode, children: ScorecardRow[]): ScorecardRow {
  return { ...figuresOf(kind, node), method: null, unscored: false, losses: [], children };
}

/**
 * The scorecard's projects → contents → standards as tree rows, each standard carrying the losses
 * traced to it, so a loss is read where it happened.
 */
export function scorecardRows(scorecard: Scorecard): ScorecardRow[] {
  const byStandard = new Map<string, Loss[]>();
  for (const loss of scorecard.losses) {
    const list = byStandard.get(loss.standardCode) ?? [];
    list.push(loss);
    byStandard.set(loss.standardCode, list);
  }
  return scorecard.projects.map((project) =>
    branchRow(
      'project',
      project,
      project.contents.map((content) =>
        branchRow(
          'content',
          content,
          content.standards.map((standard) => ({
            ...figuresOf('standard', standard),
            method: standard.method,
            unscored: standard.unscored,
            losses: byStandard.get(standard.code) ?? [],
          })),
        ),
      ),
    ),
  );
}

/** Keys of every branch that lost points, so the table opens exactly where points went. */
export function keysWithLosses(rows: readonly ScorecardRow[]): string[] {
  return rows.flatMap((row) => (row.children && row.lost > 0 ? [row.key, ...keysWithLosses(row.children)] : []));
}

/** Each standard's name by its code, so a loss listed on its own still says what was checked. */
export function standardNames(scorecard: Scorecard): Map<string, string> {
  return new Map(
    scorecard.projects.flatMap((project) =>
      project.contents.flatMap((content) =>
        content.standards.map((standard) => [standard.code, standard.name] as const),
      ),
    ),
  );
}
