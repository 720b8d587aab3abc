import type { App, ModuleDeps } from '../../http/types.ts';
import { sendXlsx } from '../../http/xlsx.ts';
import { DOCX, sendDocx } from '../../http/docx.ts';
import { actorRoutes } from '../../http/route.ts';
import { requireActor } from '../auth/index.ts';
import { Board, BoardQuery, BulletinQuery, Ledger, LedgerQuery, PlanCodeParams } from '@chuangcheng/core';
import { readBulletin } from './bulletin.ts';
import { resolvePdfFonts, sendPdf } from '../../http/pdf.ts';
import { bulletinDocx, bulletinPdf } from './bulletin-docx.ts';
import { readBoard, readLedger } from './ledger.ts';
import { ledgerWorkbook } from './ledger-xlsx.ts';

export async function ledgerRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  const route = actorRoutes(app, tags);
  route.get(
    '/plans/:code/ledger',
    {
      summary: 'The ledger (台账): every task × unit in your scope with status, latest report and open notices',
      params: PlanCodeParams,
      querystring: LedgerQuery,
      response: Ledger,
    },
    ({ actor, params, query }) => readLedger(deps.db, actor, params.code, query),
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

  route.get(
    '/plans/:code/board',
    {
      summary: 'The supervision board: counts by status and programme, lagging units, overdue notices',
      params: PlanCodeParams,
      querystring: BoardQuery,
      response: Board,
    },
    ({ actor, params, query }) => readBoard(deps.db, actor, params.code, query.asOf),
  );

  app.get(
    '/plans/:code/bulletin.docx',
    {
      schema: {
        tags,
        summary: 'The periodic 督查通报 of a month or week as a Word (.docx) file, figures as of its last day',
        params: PlanCodeParams,
        querystring: BulletinQuery,
        produces: [DOCX],
      },
    },
    async (request, reply) => {
      const bulletin = await readBulletin(deps.db, requireActor(request), request.params.code, request.query);
      const name = `督查通报-${bulletin.region.name}-${bulletin.period}.docx`;
      return sendDocx(reply, { ascii: `bulletin-${bulletin.period}.docx`, name }, await bulletinDocx(bulletin));
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
