import type { Comparator, ReportingCadence } from '@chuangcheng/core';

// The shapes GET /api/v1/plans* answers with. Domain text (titles, units, notes) is shown
// exactly as the server sends it; only the structure around it is translated.

export interface NamedUnit {
  id: string;
  code: string;
  name: string;
}

export type PlanScope =
  | { kind: 'province'; note?: string }
  | { kind: 'region_level'; level: 2 | 3; note?: string }
  | { kind: 'regions'; regionCodes: string[]; note?: string }
  | { kind: 'groups'; groupCodes: string[]; note?: string };

export interface PlanTarget {
  id: string;
  code: string;
  title: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  baseline: { value: number | null; year: number } | null;
  deadline: string;
  direction: string;
  scope: PlanScope;
  sourceText: string;
  note: string | null;
}

export interface PlanMilestone {
  id: string;
  code: string;
  title: string;
  due: string;
  scope: PlanScope;
  sourceText: string;
}

export interface PlanTask {
  id: string;
  number: string;
  title: string;
  text: string;
  leadUnits: NamedUnit[];
  participatingUnits: NamedUnit[];
  unitsAsWritten: string | null;
  targets: PlanTarget[];
  milestones: PlanMilestone[];
}

export interface PlanProgramme {
  code: string;
  title: string;
  tasks: PlanTask[];
}

interface PlanParagraph {
  title: string;
  text: string;
}

export interface WorkRequirements {
  requirements: PlanParagraph[];
  jointMeetings: { required: boolean; liaisonMeetings: boolean; text: string };
  evaluation: { routineAssessment: boolean; yearEndEvaluation: boolean; framework: string; text: string };
  veto: {
    categories: string[];
    openList: boolean;
    text: string;
    /** The evaluation negative-list entries each category links to (absent in plans imported before issue 16). */
    negativeList?: { category: string; edition: string; code: string; name: string }[];
  };
  cityWorkMeetings?: { required: boolean; text: string };
}

export interface PlanSummary {
  code: string;
  name: string;
  issuingRegion: { code: string; name: string };
  period: { start: string; end: string };
  reportingCadence: ReportingCadence;
  currentVersion: number;
}

export interface PlanDetail extends PlanSummary {
  preamble: string | null;
  guidingIdeology: string;
  principles: PlanParagraph[];
  goals: string;
  goalTargets: PlanTarget[];
  programmes: PlanProgramme[];
  workRequirements: WorkRequirements;
}

export interface PlanVersion {
  version: number;
  sourceName: string;
  checksum: string;
  importedAt: string;
  importedBy: string;
}

/** A target with the task it belongs to; `taskNumber` is null for the plan's goal targets. */
export interface LocatedTarget {
  taskNumber: string | null;
  target: PlanTarget;
}

/** Every target of the plan: goal targets first, then task by task in the plan's order. */
export function allTargets(plan: PlanDetail): LocatedTarget[] {
  return [
    ...plan.goalTargets.map((target) => ({ taskNumber: null, target })),
    ...plan.programmes.flatMap((programme) =>
      programme.tasks.flatMap((task) => task.targets.map((target) => ({ taskNumber: task.number, target }))),
    ),
  ];
}
