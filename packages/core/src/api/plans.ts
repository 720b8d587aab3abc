import { z } from 'zod';
import { Comparator, ReportingCadence, TargetDirection, TargetScope, WorkRequirements } from '../plan.ts';

/**
 * The plans module's answers (GET /plans, /plans/:code, /plans/:code/versions): a plan as
 * imported, with ids, shared by the server (validation, OpenAPI) and the web app (types).
 */

/** A responsible unit of a task, by id, code and name. */
const NamedUnit = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type NamedUnit = z.infer<typeof NamedUnit>;

/** A target of a plan as served (the file's target with its id). */
export const PlanTargetView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  comparator: Comparator,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  baseline: z.object({ value: z.number().nullable(), year: z.number() }).nullable(),
  deadline: z.string(),
  direction: TargetDirection,
  /** Where it applies: `{kind: province | region_level | regions | groups, ...}`. */
  scope: TargetScope,
  sourceText: z.string(),
  note: z.string().nullable(),
});

export const PlanMilestoneView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  due: z.string(),
  scope: TargetScope,
  sourceText: z.string(),
});

export const PlanTaskView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  leadUnits: z.array(NamedUnit),
  participatingUnits: z.array(NamedUnit),
  unitsAsWritten: z.string().nullable(),
  targets: z.array(PlanTargetView),
  milestones: z.array(PlanMilestoneView),
});

export const PlanSummary = z.object({
  code: z.string(),
  name: z.string(),
  issuingRegion: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ start: z.string(), end: z.string() }),
  reportingCadence: ReportingCadence,
  currentVersion: z.number(),
});

export const PlanDetail = PlanSummary.extend({
  preamble: z.string().nullable(),
  guidingIdeology: z.string(),
  principles: z.array(z.object({ title: z.string(), text: z.string() })),
  goals: z.string(),
  goalTargets: z.array(PlanTargetView),
  programmes: z.array(z.object({ code: z.string(), title: z.string(), tasks: z.array(PlanTaskView) })),
  workRequirements: WorkRequirements,
});

export type PlanTargetView = z.infer<typeof PlanTargetView>;
export type PlanMilestoneView = z.infer<typeof PlanMilestoneView>;
export type PlanTaskView = z.infer<typeof PlanTaskView>;
export type PlanProgrammeView = PlanDetail['programmes'][number];
export type PlanSummary = z.infer<typeof PlanSummary>;
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanList = z.object({ items: z.array(PlanSummary) });
export const PlanCodeParams = z.strictObject({ code: z.string().min(1).max(80) });
export const PlanVersions = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      sourceName: z.string(),
      checksum: z.string(),
      importedAt: z.string(),
      importedBy: z.string(),
    }),
  ),
});
export type PlanVersion = z.infer<typeof PlanVersions>['items'][number];
