import type { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import type { Actor } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
import { acceptInstruction, reportOnInstruction, returnInstruction, signInstruction } from './instruction-actions.ts';
import {
  CreateInstructionRequest,
  IdParams,
  InstructionAcceptRequest,
  InstructionDetail,
  InstructionListQuery,
  InstructionNoticeRequest,
  InstructionPage,
  InstructionReportRequest,
  InstructionReturnRequest,
  type InstructionStatus,
  Notice,
} from '@chuangcheng/core';
import { createInstruction, listInstructions, readInstruction } from './instructions.ts';
import { issueNoticeForInstruction } from './instruction-notices.ts';
import { listExportRoute } from '../../http/list-export.ts';
import type { ExportColumn } from '../../http/xlsx.ts';

type InstructionRow = Awaited<ReturnType<typeof listInstructions>>['items'][number];

const STATUS: Record<InstructionStatus, string> = {
  pending_sign: '待签收',
  in_progress: '办理中',
  reported: '已报告待办结',
  closed: '已办结',
};

/** The list's columns as an office files them (领导批示办理台账). */
const COLUMNS: ExportColumn<InstructionRow>[] = [
  { header: '批示日期', width: 12, value: (r) => r.instructedOn },
  { header: '批示领导', width: 16, value: (r) => `${r.leaderName}（${r.leaderPost}）` },
  { header: '批示文件', width: 28, value: (r) => r.documentTitle },
  { header: '批示内容', width: 48, value: (r) => r.content },
  { header: '牵头单位', width: 20, value: (r) => r.leadUnit.name },
  { header: '协办单位', width: 24, value: (r) => r.assistingUnits.map((u) => u.name).join('、') },
  { header: '关联任务', width: 24, value: (r) => (r.task ? `${r.task.number} ${r.task.title}` : '') },
  { header: '回复期限', width: 12, value: (r) => r.replyDue },
  { header: '状态', width: 12, value: (r) => STATUS[r.status] },
  { header: '是否超期', width: 9, value: (r) => (r.overdue ? '超期' : '') },
  { header: '退回次数', width: 9, value: (r) => r.returnedCount },
];

/** The list's filters without its paging: the export has every row the filters select. */
const InstructionExportQuery = InstructionListQuery.omit({ page: true, limit: true });

/** 领导批示 tracking (sup3, issue 18). */
export async function instructionRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  const base = '/supervision/instructions';
  const { db } = deps;
  const route = actorRoutes(app, tags);
  route.post(
    base,
    {
      summary: "Record a leader's instruction (领导批示) for a lead unit",
      body: CreateInstructionRequest,
      response: InstructionDetail,
      status: 201,
    },
    ({ actor, body, requestId }) => createInstruction(db, actor, body, requestId),
  );
  route.get(
    base,
    {
      summary: "Leaders' instructions in your scope, or handled by your unit",
      querystring: InstructionListQuery,
      response: InstructionPage,
    },
    ({ actor, query }) => listInstructions(db, actor, query),
  );
  listExportRoute(
    app,
    `${base}/export.xlsx`,
    {
      tags,
      summary: 'The instructions list as an Excel file (same filters and scope as the list)',
      querystring: InstructionExportQuery,
    },
    async ({ actor, query }) => ({
      sheet: '领导批示',
      title: '领导批示办理台账',
      columns: COLUMNS,
      file: 'instructions',
      // The list pages by number; the export reads it page by page (the page number as the cursor).
      pages: async (cursor, limit) => {
        const page = Number(cursor ?? '1');
        const { items, total } = await listInstructions(db, actor, { ...query, page, limit });
        return { items, nextCursor: page * limit < total ? String(page + 1) : null };
      },
    }),
  );
  route.get(
    `${base}/:id`,
    { summary: 'One instruction with its timeline and your actions', params: IdParams, response: InstructionDetail },
    ({ actor, params }) => readInstruction(db, actor, params.id),
  );
  /** A step of an instruction's handling: `POST …/:id/<step>` with its body, answering the instruction. */
  const step = <B>(
    path: string,
    summary: string,
    body: z.ZodType<B> | undefined,
    run: (actor: Actor, id: string, body: B, requestId: string) => Promise<InstructionDetail>,
  ) =>
    route.post(`${base}/:id/${path}`, { summary, params: IdParams, body, response: InstructionDetail }, (input) =>
      run(input.actor, input.params.id, input.body, input.requestId),
    );
  step('sign', 'Sign for an instruction (签收), by the lead unit', undefined, (actor, id, _, rid) =>
    signInstruction(db, actor, id, rid),
  );
  step(
    'report',
    'Report on the handling (办理情况报告), interim or final, by the lead unit',
    InstructionReportRequest,
    (actor, id, b, rid) => reportOnInstruction(db, actor, id, b, rid),
  );
  step(
    'accept',
    'Accept the final report (办结), by the issuing office',
    InstructionAcceptRequest,
    (actor, id, b, rid) => acceptInstruction(db, actor, id, b.note, rid),
  );
  route.post(
    `${base}/:id/notices`,
    {
      summary: 'Issue a supervision notice (督办单) to the lead unit for the instruction (转督办)',
      params: IdParams,
      body: InstructionNoticeRequest,
      response: Notice,
      status: 201,
    },
    ({ actor, params, body, requestId }) => issueNoticeForInstruction(db, actor, params.id, body, requestId),
  );
  step(
    'return',
    'Return the report with a reason (退回), by the issuing office',
    InstructionReturnRequest,
    (actor, id, b, rid) => returnInstruction(db, actor, id, b.reason, rid),
  );
}
