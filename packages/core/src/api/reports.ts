import { z } from 'zod';
import { ReportingPeriod, StatusColour, TaskStatus } from '../supervision.ts';
import { AttachmentView } from './attachments.ts';

const IsoDate = z.iso.date();

/** A figure a unit reports, such as 集中供热普及率 87 %. */
const Figure = z.strictObject({
  label: z.string().min(1).max(200),
  value: z.number(),
  unit: z.string().max(40).default(''),
});

const ReportFields = {
  narrative: z.string().max(20_000),
  measures: z.string().max(20_000),
  figures: z.array(Figure).max(100),
  completed: z.boolean(),
  /** Codes of the task's milestones this report declares delivered. */
  milestonesDone: z.array(z.string().min(1).max(80)).max(50),
};

export const CreateReportRequest = z.strictObject({
  period: ReportingPeriod,
  narrative: ReportFields.narrative.default(''),
  measures: ReportFields.measures.default(''),
  figures: ReportFields.figures.default([]),
  completed: ReportFields.completed.default(false),
  milestonesDone: ReportFields.milestonesDone.default([]),
});
export type CreateReportRequest = z.infer<typeof CreateReportRequest>;

export const UpdateReportRequest = z.strictObject({
  narrative: ReportFields.narrative.optional(),
  measures: ReportFields.measures.optional(),
  figures: ReportFields.figures.optional(),
  completed: ReportFields.completed.optional(),
  milestonesDone: ReportFields.milestonesDone.optional(),
});
export type UpdateReportRequest = z.infer<typeof UpdateReportRequest>;

/** A report's status: a draft, the submitted one in force, or one a correction replaced. */
export const ReportStatus = z.enum(['draft', 'submitted', 'superseded']);
export type ReportStatus = z.infer<typeof ReportStatus>;
/** A figure as a report carries it. */
export type ReportFigure = ReportView['figures'][number];

export const ReportView = z.object({
  id: z.string(),
  taskId: z.string(),
  orgUnit: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  version: z.number(),
  supersedesId: z.string().nullable(),
  status: ReportStatus,
  narrative: z.string(),
  measures: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  completed: z.boolean(),
  milestonesDone: z.array(z.string()),
  authorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Filed after its period's reporting deadline (period end + grace days); false while a draft. */
  late: z.boolean(),
  attachments: z.array(AttachmentView),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportHistory = z.object({ items: z.array(ReportView) });
export type ReportHistory = z.infer<typeof ReportHistory>;
export const ReportIdParams = z.strictObject({ id: z.uuid() });
export const TaskIdParams = z.strictObject({ taskId: z.uuid() });
export const HistoryQuery = z.strictObject({ orgUnitId: z.uuid().optional() });

/** Derived status of one unit on one task. */
const StatusFields = {
  deadline: IsoDate,
  status: TaskStatus,
  colour: StatusColour,
  missingPeriods: z.array(z.string()),
  nextDue: IsoDate,
};

const LatestReport = z
  .object({ id: z.string(), period: z.string(), submittedAt: z.string(), completed: z.boolean(), late: z.boolean() })
  .nullable();

export const MyTask = z.object({
  taskId: z.string(),
  planCode: z.string(),
  programme: z.object({ code: z.string(), title: z.string() }),
  number: z.string(),
  title: z.string(),
  role: z.string(),
  ...StatusFields,
  latestReport: LatestReport,
  draft: z.object({ id: z.string(), period: z.string(), updatedAt: z.string() }).nullable(),
});
export type MyTask = z.infer<typeof MyTask>;
export const MyTaskList = z.object({ asOf: IsoDate, items: z.array(MyTask) });
export type MyTaskList = z.infer<typeof MyTaskList>;
export const AsOfQuery = z.strictObject({ asOf: IsoDate.optional() });
