import { z } from 'zod';
import { IsoDate } from '../evaluation.ts';
import { InstructionStatus } from '../instructions.ts';
import { AttachmentView } from './attachments.ts';
import { PageParam } from './paging.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const UnitRef = z.object({ id: z.string(), name: z.string() });

/** A 领导批示 as the office records it from the document the leader wrote on. */
export const CreateInstructionRequest = z.strictObject({
  /** The leader's name and post, e.g. 张三, 省委副书记. */
  leaderName: Text(50),
  leaderPost: Text(100),
  /** The date of the instruction. */
  instructedOn: IsoDate,
  /** 批示内容, as written. */
  content: Text(5000),
  /** 来文/原件标题: the document the instruction was written on. */
  documentTitle: z.string().trim().max(500).default(''),
  /** 主办单位: the one unit that handles it and reports back. */
  leadOrgUnitId: z.string().uuid(),
  /** 协办单位: units that help; they read it and its reports. */
  assistingOrgUnitIds: z.array(z.string().uuid()).max(50).default([]),
  /** The date by which the lead unit reports (办理时限). */
  replyDue: IsoDate,
  /** A plan task the instruction is about, if any. */
  taskId: z.string().uuid().optional(),
});
export type CreateInstructionRequest = z.infer<typeof CreateInstructionRequest>;

export const InstructionListQuery = z.strictObject({
  status: InstructionStatus.optional(),
  /** Instructions whose lead or assisting unit this is. */
  orgUnitId: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InstructionListQuery = z.infer<typeof InstructionListQuery>;

/** 办理情况报告: interim (`final: false`) keeps the instruction 办理中; the final one submits it. */
export const InstructionReportRequest = z.strictObject({ text: Text(10_000), final: z.boolean().default(true) });
/** 办结: the office's note on accepting the final report. */
export const InstructionAcceptRequest = z.strictObject({ note: z.string().trim().max(2000).default('') });
/**
 * 转督办: the office issues a 督办单 (source 领导批示) to the lead unit for the instruction, about the
 * plan's work in general; the notice links back to the instruction.
 */
export const InstructionNoticeRequest = z.strictObject({
  planCode: z.string().trim().min(1).max(100),
  requiredAction: Text(2000),
  replyDue: IsoDate,
  level: z.enum(['general', 'key', 'urgent']).default('general'),
});
export type InstructionNoticeRequest = z.infer<typeof InstructionNoticeRequest>;

/** 退回: the reason is required; the lead unit handles it again. */
export const InstructionReturnRequest = z.strictObject({ reason: Text(2000) });

const InstructionAction = z.enum(['sign', 'report', 'accept', 'return']);

export const InstructionSummary = z.object({
  id: z.string(),
  leaderName: z.string(),
  leaderPost: z.string(),
  instructedOn: z.string(),
  content: z.string(),
  documentTitle: z.string(),
  issuingOffice: UnitRef,
  regionCode: z.string(),
  leadUnit: UnitRef,
  assistingUnits: z.array(UnitRef),
  replyDue: z.string(),
  task: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  status: InstructionStatus,
  /** The reply date passed without a final report. */
  overdue: z.boolean(),
  returnedCount: z.number(),
  createdAt: z.string(),
});
export type InstructionSummary = z.infer<typeof InstructionSummary>;

const InstructionStep = z.object({
  id: z.string(),
  action: z.enum(['create', 'sign', 'report', 'accept', 'return']),
  /** A report: the final one (true) or an interim one. */
  final: z.boolean(),
  text: z.string(),
  actor: z.string(),
  orgUnit: UnitRef.nullable(),
  at: z.string(),
});

export const InstructionDetail = InstructionSummary.extend({
  /** Every step in order: the record, signing, reports, returns (with reasons) and acceptance. */
  timeline: z.array(InstructionStep),
  /** What the viewer may do now. */
  allowedActions: z.array(InstructionAction),
  /** 督办单 issued for the instruction (转督办). */
  notices: z.array(z.object({ id: z.string(), number: z.string(), status: z.string() })),
  /** The original document and evidence, filed through the attachments module. */
  attachments: z.array(AttachmentView),
});
export type InstructionDetail = z.infer<typeof InstructionDetail>;

/** A numbered page (decision 0120): the rows and how many the filters select. */
export const InstructionPage = z.object({ items: z.array(InstructionSummary), total: z.number().int() });
export type InstructionPage = z.infer<typeof InstructionPage>;
