import type { App, ModuleDeps } from '../../http/types.ts';
import { sendXlsx } from '../../http/xlsx.ts';
import { requireActor } from '../auth/index.ts';
import { Board, BoardQuery, BulletinQuery, Ledger, LedgerQuery, PlanCodeParams } from '@chuangcheng/core';
import { readBulletin } from './bulletin.ts';
import { resolvePdfFonts, sendPdf } from '../../http/pdf.ts';
import { bulletinDocx, bulletinPdf } from './bulletin-docx.ts';
import { readBoard, readLedger } from './ledger.ts';
import { ledgerWorkbook } from './ledger-xlsx.ts';

export async function ledgerRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  app.get(
    '/plans/:code/ledger',
    {
      schema: {
        tags,
        summary: 'The ledger (台账): every task × unit in your scope with status, latest report and open notices',
        params: PlanCodeParams,
        querystring: LedgerQuery,
        response: { 200: Ledger },
      },
    },
    async (request) => readLedger(deps.db, requireActor(request), request.params.code, request.query),
  );

  app.get(
    '/plans/:code/ledger.xlsx',
    {
      schema: {
        tags,
        summary: 'The ledger as an Excel file, one row per task and unit',
        params: PlanCodeParams,
        querystring: LedgerQuery,
      },
    },
    async (request, reply) => {
      const ledger = await readLedger(deps.db, requireActor(request), request.params.code, request.query);
      const fileName = `${ledger.plan.name}-台账-${ledger.asOf}.xlsx`;
      return sendXlsx(reply, { ascii: `ledger-${ledger.asOf}.xlsx`, name: fileName }, await ledgerWorkbook(ledger));
    },
  );

  app.get(
    '/plans/:code/board',
    {
      schema: {
        tags,
        summary: 'The supervision board: counts by status and programme, lagging units, overdue notices',
        params: PlanCodeParams,
        querystring: BoardQuery,
        response: { 200: Board },
      },
    },
    async (request) => readBoard(deps.db, requireActor(request), request.params.code, request.query.asOf),
  );

  app.get(
    '/plans/:code/bulletin.docx',
    {
      schema: {
        tags,
        summary: 'The periodic 督查通报 of a month or week as a Word (.docx) file, figures as of its last day',
        params: PlanCodeParams,
        querystring: BulletinQuery,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (request, reply) => {
      const bulletin = await readBulletin(deps.db, requireActor(request), request.params.code, request.query);
      const name = `督查通报-${bulletin.region.name}-${bulletin.period}.docx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="bulletin-${bulletin.period}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await bulletinDocx(bulletin));
    },
  );

  app.get(
    '/plans/:code/bulletin.pdf',
    {
      schema: {
        tags,
        summary: 'The periodic 督查通报 as a PDF file (the same content as the Word file)',
        params: PlanCodeParams,
        querystring: BulletinQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const bulletin = await readBulletin(deps.db, requireActor(request), request.params.code, request.query);
      const fonts = resolvePdfFonts(deps.config.pdfFont);
      return sendPdf(
        reply,
        { ascii: `bulletin-${bulletin.period}.pdf`, name: `督查通报-${bulletin.region.name}-${bulletin.period}.pdf` },
        await bulletinPdf(bulletin, fonts),
      );
    },
  );
}
