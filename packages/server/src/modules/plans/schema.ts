import { z } from 'zod';

const NamedRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const PlanTargetView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  comparator: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  baseline: z.object({ value: z.number().nullable(), year: z.number() }).nullable(),
  deadline: z.string(),
  direction: z.string(),
  /** Where it applies: `{kind: province | region_level | regions | groups, ...}`. */
  scope: z.unknown(),
  sourceText: z.string(),
  note: z.string().nullable(),
});

const PlanMilestoneView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  due: z.string(),
  scope: z.unknown(),
  sourceText: z.string(),
});

const PlanTaskView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  leadUnits: z.array(NamedRef),
  participatingUnits: z.array(NamedRef),
  unitsAsWritten: z.string().nullable(),
  targets: z.array(PlanTargetView),
  milestones: z.array(PlanMilestoneView),
});

export const PlanSummary = z.object({
  code: z.string(),
  name: z.string(),
  issuingRegion: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ start: z.string(), end: z.string() }),
  reportingCadence: z.string(),
  currentVersion: z.number(),
});

export const PlanDetail = PlanSummary.extend({
  preamble: z.string().nullable(),
  guidingIdeology: z.string(),
  principles: z.array(z.object({ title: z.string(), text: z.string() })),
  goals: z.string(),
  goalTargets: z.array(PlanTargetView),
  programmes: z.array(z.object({ code: z.string(), title: z.string(), tasks: z.array(PlanTaskView) })),
  workRequirements: z.unknown(),
});

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
