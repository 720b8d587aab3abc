import { z } from 'zod';
import { Role } from '../roles.ts';

const IsoDate = z.iso.date();

export const WorkbenchQuery = z.strictObject({
  /** The session's "as of" date: task and notice deadlines are judged on it (default: today in China). */
  asOf: IsoDate.optional(),
});

/** The kinds of work the 工作台 gathers; each names a section and the page where it is acted on. */
const WorkbenchSectionKey = z.enum(['tasks', 'notices', 'instructions', 'actionItems', 'cases', 'approvals', 'rounds']);

/** One thing that needs the person, linking to the page where it is acted on. */
export const WorkbenchItem = z.object({
  id: z.string(),
  /** A number or code the person recognises (task 2.1, 督办〔2026〕3号, a case number). */
  reference: z.string(),
  title: z.string(),
  /** A second line: the complaint and its place, the data set's region, the round's kind. */
  detail: z.string().nullable(),
  /** The date it is due, when it has one. */
  due: IsoDate.nullable(),
  overdue: z.boolean(),
  /** The web path where it is acted on. */
  link: z.string(),
});
export type WorkbenchItem = z.infer<typeof WorkbenchItem>;

export const WorkbenchSection = z.object({
  key: WorkbenchSectionKey,
  /** How many there are, counted up to a cap; `capped` says there may be more. */
  total: z.number().int(),
  capped: z.boolean(),
  /** The list page of the whole section. */
  link: z.string(),
  /** The most urgent first, at most five. */
  items: z.array(WorkbenchItem),
});
export type WorkbenchSection = z.infer<typeof WorkbenchSection>;

/** The few numbers a role watches; keys are labelled by the web catalogue. */
const WorkbenchFigureKey = z.enum([
  'tasksToReport',
  'tasksLagging',
  'noticesToAnswer',
  'noticesOverdue',
  /** 批示待办: a unit's leader instructions to sign for or report on. */
  'instructionsToDo',
  /** 批示待审: an office's reported (and overdue) leader instructions. */
  'instructionsToReview',
  'actionItemsOpen',
  'casesInQueue',
  'casesOverdue',
  'approvalsWaiting',
  'roundsActive',
]);
export const WorkbenchFigure = z.object({
  key: WorkbenchFigureKey,
  value: z.number().int(),
  capped: z.boolean(),
  /** Red when it is a count of late things that is not zero. */
  alert: z.boolean(),
  link: z.string(),
});
export type WorkbenchFigure = z.infer<typeof WorkbenchFigure>;

export const Workbench = z.object({
  asOf: IsoDate,
  role: Role,
  figures: z.array(WorkbenchFigure),
  sections: z.array(WorkbenchSection),
});
export type Workbench = z.infer<typeof Workbench>;

export const SessionAsOfView = z.object({ asOf: IsoDate, basis: z.enum(['demo', 'plan_end', 'today']) });
