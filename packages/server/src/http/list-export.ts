import type { z } from 'zod';
import { requireActor, type Actor } from '../modules/auth/index.ts';
import { pickLanguage } from './problem.ts';
import type { App } from './types.ts';
import { beijingTime, collectPages, listWorkbook, sendXlsx, type ExportColumn } from './xlsx.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

/** What a list export handler has to go on: the signed-in actor, the list's filters, the reader's language. */
export type ExportRequest<Q> = { actor: Actor; query: Q; language: 'zh' | 'en' };

/**
 * A list export: the sheet, its title and columns, and the rows, either all of them (`rows`, with
 * `truncated` where the list cut them) or the list's own cursor-paged service (`pages`, read through
 * `collectPages` up to the export limit). `file` is the stem of the ASCII file name (`users` →
 * `users-2026-12-06.xlsx`, and `<title>-2026-12-06.xlsx` for browsers that read the UTF-8 name), or both
 * names in full.
 */
export type ListExport<T> = {
  sheet: string;
  title: string;
  columns: ExportColumn<T>[];
  file: string | { ascii: string; name: string };
} & ({ rows: T[]; truncated?: boolean } | { pages: (cursor: string | undefined, limit: number) => Promise<Page<T>> });

/**
 * Registers `GET url` that sends a list as an Excel workbook (`listWorkbook`): the route asks for a
 * signed-in actor, reads the list through `build` (the list's own service, so the export has the list's
 * filters and scope) and names the download. Every list export of the API is one call of this.
 */
export function listExportRoute<T, Q = Record<string, never>>(
  app: App,
  url: string,
  schema: { tags: string[]; summary: string; querystring?: z.ZodType<Q> },
  build: (request: ExportRequest<Q>) => Promise<ListExport<T>>,
) {
  app.get(url, { schema }, async (request, reply) => {
    const spec = await build({
      actor: requireActor(request),
      query: request.query as Q,
      language: pickLanguage(request.headers['accept-language']),
    });
    const { rows, truncated = false } = 'pages' in spec ? await collectPages(spec.pages) : spec;
    const body = await listWorkbook({ sheet: spec.sheet, title: spec.title, columns: spec.columns, rows, truncated });
    const day = beijingTime(new Date()).slice(0, 10);
    const file =
      typeof spec.file === 'string'
        ? { ascii: `${spec.file}-${day}.xlsx`, name: `${spec.title}-${day}.xlsx` }
        : spec.file;
    return sendXlsx(reply, file, body);
  });
}
