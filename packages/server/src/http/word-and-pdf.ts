import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireActor, type Actor } from '../modules/auth/index.ts';
import { DOCX, sendDocx } from './docx.ts';
import { PDF, resolvePdfFonts, sendPdf } from './pdf.ts';
import type { App } from './types.ts';

type PdfFonts = ReturnType<typeof resolvePdfFonts>;

/** A document offered as a Word file and as a PDF of the same content. */
type WordAndPdfSpec<D, P, Q> = {
  tags: string[];
  /** The summaries of the Word route and of the PDF route. */
  summary: { docx: string; pdf: string };
  params: z.ZodType<P>;
  querystring?: z.ZodType<Q>;
  /** The configured PDF font (`Config.pdfFont`), resolved when a PDF is asked for. */
  pdfFont: string | undefined;
  /** Reads the document for the signed-in actor; its refusals answer both routes. */
  read: (request: { actor: Actor; params: P; query: Q }) => Promise<D>;
  /** The download's name without its extension (`ascii` for clients that cannot read a UTF-8 name). */
  file: (document: D) => { ascii: string; name: string };
  docx: (document: D) => Promise<Buffer>;
  pdf: (document: D, fonts: PdfFonts) => Promise<Buffer>;
};

/**
 * Registers `GET <url>.docx` and `GET <url>.pdf`: each asks for a signed-in actor, reads the document
 * through `read` and sends it as `<name>.docx` (`sendDocx`) or, with the configured fonts, as
 * `<name>.pdf` (`sendPdf`).
 */
export function wordAndPdfRoutes<D, P, Q = unknown>(app: App, url: string, spec: WordAndPdfSpec<D, P, Q>) {
  const { tags, summary, params, querystring, read, file } = spec;
  const schema = (format: 'docx' | 'pdf', mediaType: string) => ({
    tags,
    summary: summary[format],
    params,
    ...(querystring ? { querystring } : {}),
    produces: [mediaType],
  });
  const readFor = (request: FastifyRequest) =>
    read({ actor: requireActor(request), params: request.params as P, query: request.query as Q });
  const named = (document: D, extension: string) => {
    const { ascii, name } = file(document);
    return { ascii: `${ascii}.${extension}`, name: `${name}.${extension}` };
  };

  app.get(`${url}.docx`, { schema: schema('docx', DOCX) }, async (request, reply) => {
    const document = await readFor(request);
    return sendDocx(reply, named(document, 'docx'), await spec.docx(document));
  });
  app.get(`${url}.pdf`, { schema: schema('pdf', PDF) }, async (request, reply) => {
    const document = await readFor(request);
    const fonts = resolvePdfFonts(spec.pdfFont);
    return sendPdf(reply, named(document, 'pdf'), await spec.pdf(document, fonts));
  });
}
