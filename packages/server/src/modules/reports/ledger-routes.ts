import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { Board, BoardQuery, BulletinQuery, Ledger, LedgerQuery, PlanCodeParams } from '@chuangcheng/core';
import { readBulletin } from './bulletin.ts';
import { wordAndPdfRoutes } from '../../http/word-and-pdf.ts';
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

  route.workbook(
    '/plans/:code/ledger.xlsx',
    {
      summary: 'The ledger as an Excel file, one row per task and unit',
      params: PlanCodeParams,
      querystring: LedgerQuery,
    },
    async ({ actor, params, query }) => {
      const ledger = await readLedger(deps.db, actor, params.code, query);
      const file = { ascii: `ledger-${ledger.asOf}.xlsx`, name: `${ledger.plan.name}-台账-${ledger.asOf}.xlsx` };
      return { file, body: await ledgerWorkbook(ledger) };
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

  wordAndPdfRoutes(app, '/plans/:code/bulletin', {
    tags,
    summary: {
      docx: 'The periodic 督查通报 of a month or week as a Word (.docx) file, figures as of its last day',
      pdf: 'The periodic 督查通报 as a PDF file (the same content as the Word file)',
    },
    params: PlanCodeParams,
    querystring: BulletinQuery,
    pdfFont: deps.config.pdfFont,
    read: ({ actor, params, query }) => readBulletin(deps.db, actor, params.code, query),
    file: (bulletin) => ({
      ascii: `bulletin-${bulletin.period}`,
      name: `督查通报-${bulletin.region.name}-${bulletin.period}`,
    }),
    docx: bulletinDocx,
    pdf: bulletinPdf,
  });
}
