import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
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
  Notice,
} from '@chuangcheng/core';
import { createInstruction, listInstructions, readInstruction } from './instructions.ts';
import { issueNoticeForInstruction } from './instruction-notices.ts';

/** 领导批示 tracking (sup3, issue 18). */
export async function instructionRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  const base = '/supervision/instructions';
  const one = { params: IdParams, response: { 200: InstructionDetail } };
  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Record a leader's instruction (领导批示) for a lead unit",
        body: CreateInstructionRequest,
        response: { 201: InstructionDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInstruction(deps.db, requireActor(request), request.body, request.id)),
  );
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Leaders' instructions in your scope, or handled by your unit",
        querystring: InstructionListQuery,
        response: { 200: InstructionPage },
      },
    },
    async (request) => listInstructions(deps.db, requireActor(request), request.query),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One instruction with its timeline and your actions', ...one } },
    async (request) => readInstruction(deps.db, requireActor(request), request.params.id),
  );
  app.post(
    `${base}/:id/sign`,
    { schema: { tags, summary: 'Sign for an instruction (签收), by the lead unit', ...one } },
    async (request) => signInstruction(deps.db, requireActor(request), request.params.id, request.id),
  );
  app.post(
    `${base}/:id/report`,
    {
      schema: {
        tags,
        summary: 'Report on the handling (办理情况报告), interim or final, by the lead unit',
        body: InstructionReportRequest,
        ...one,
      },
    },
    async (request) => reportOnInstruction(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
  app.post(
    `${base}/:id/accept`,
    {
      schema: {
        tags,
        summary: 'Accept the final report (办结), by the issuing office',
        body: InstructionAcceptRequest,
        ...one,
      },
    },
    async (request) =>
      acceptInstruction(deps.db, requireActor(request), request.params.id, request.body.note, request.id),
  );
  app.post(
    `${base}/:id/notices`,
    {
      schema: {
        tags,
        summary: 'Issue a supervision notice (督办单) to the lead unit for the instruction (转督办)',
        params: IdParams,
        body: InstructionNoticeRequest,
        response: { 201: Notice },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await issueNoticeForInstruction(deps.db, requireActor(request), request.params.id, request.body, request.id),
        ),
  );
  app.post(
    `${base}/:id/return`,
    {
      schema: {
        tags,
        summary: 'Return the report with a reason (退回), by the issuing office',
        body: InstructionReturnRequest,
        ...one,
      },
    },
    async (request) =>
      returnInstruction(deps.db, requireActor(request), request.params.id, request.body.reason, request.id),
  );
}
