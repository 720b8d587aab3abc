import type { FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import { requireActor, type Actor } from '../modules/auth/index.ts';
import { listExportRoute, type ExportRequest, type ListExport } from './list-export.ts';
import { pickLanguage } from './problem.ts';
import type { App } from './types.ts';
import { disposition, dispositionOf, XLSX } from './xlsx.ts';

/** What a signed-in route's handler has to go on: the actor and the request's validated parts. */
export type RouteInput<P, Q, B> = {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  requestId: string;
  /** The reader's language (`Accept-Language`). */
  language: 'zh' | 'en';
  /** Who acts in which request, as every write takes it (`actionContext`). */
  ctx: { actor: Actor; requestId: string };
};

/**
 * One JSON route: its summary, the schemas of its parts and of its answer. `status` is 200 unless
 * said (201 for a write that creates, 204 with a `z.null()` answer for one that deletes).
 */
type RouteSpec<P, Q, B, R> = {
  summary: string;
  params?: z.ZodType<P>;
  querystring?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  status?: 200 | 201 | 204;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The signed-in actor and the validated parts of a request (`requireActor` answers 401 first). */
function inputOf<P, Q, B>(request: FastifyRequest): RouteInput<P, Q, B> {
  const actor = requireActor(request);
  return {
    actor,
    params: request.params as P,
    query: request.query as Q,
    body: request.body as B,
    requestId: request.id,
    language: pickLanguage(request.headers['accept-language']),
    ctx: { actor, requestId: request.id },
  };
}

/**
 * An Excel file a route sends: the workbook and its download name, either `{ ascii, name }` or one
 * name whose ASCII fallback is the name with every other character as `_` (`dispositionOf`).
 */
type Workbook = { file: string | { ascii: string; name: string }; body: Buffer };

/** The paging of a list's query: its export takes the same filters without them. */
type Paging = 'cursor' | 'page' | 'limit';

/**
 * A cursor-paged list with an Excel export: the list's summary, query and answer, and the summary of
 * `GET <url>/export.xlsx`.
 */
type ListSpec<Q, R> = {
  summary: string;
  querystring: z.ZodType<Q> & {
    omit(mask: Record<Paging, true>): z.ZodType<Omit<Q, Paging>>;
  };
  response: z.ZodType<R>;
  exportSummary: string;
};

/**
 * The routes of one tag that answer a signed-in actor with JSON: each is parse (Fastify validates
 * the schemas) → `requireActor` → the module's service → the answer (200, 201 or 204). The route's
 * OpenAPI entry is what `app.get(url, { schema: { tags, summary, params, querystring, body,
 * response } }, …)` would give. `listWithExport` registers a list with its Excel export, `workbook`
 * a route that sends an Excel file. Routes that send other files, answer without an actor or shape
 * the reply otherwise keep Fastify's own calls.
 */
export function actorRoutes(app: App, tags: string[]) {
  const add =
    (method: Method) =>
    <R, P = unknown, Q = unknown, B = unknown>(
      url: string,
      spec: RouteSpec<P, Q, B, R>,
      run: (input: RouteInput<P, Q, B>) => Promise<NoInfer<R>> | NoInfer<R>,
    ) => {
      const { summary, params, querystring, body, response, status = 200 } = spec;
      const schema: FastifySchema = {
        tags,
        summary,
        ...(params ? { params } : {}),
        ...(querystring ? { querystring } : {}),
        ...(body ? { body } : {}),
        response: { [status]: response },
      };
      app.route({
        method,
        url,
        schema,
        handler: async (request, reply) => {
          const answer = await run(inputOf<P, Q, B>(request));
          return status === 200 ? answer : reply.code(status).send(answer);
        },
      });
    };
  const get = add('GET');

  /**
   * A list and its Excel export, both read through `read` (the list's own service, so the export has
   * the list's filters and scope): `GET url` answers one page of it; `GET url/export.xlsx` takes the
   * same query without the paging and sends the workbook `exported` describes (`listExportRoute`).
   * `exported` is handed `pages`, the list read page by page, for a `ListExport` that takes them.
   */
  const listWithExport = <Q, R, T>(
    url: string,
    spec: ListSpec<Q, R>,
    read: (request: ExportRequest<Q>) => Promise<NoInfer<R>>,
    exported: (
      request: ExportRequest<Omit<Q, Paging>> & { pages: (cursor: string | undefined, limit: number) => Promise<R> },
    ) => ListExport<T> | Promise<ListExport<T>>,
  ) => {
    const { summary, querystring, response, exportSummary } = spec;
    get(url, { summary, querystring, response }, read);
    listExportRoute(
      app,
      `${url}/export.xlsx`,
      { tags, summary: exportSummary, querystring: querystring.omit({ cursor: true, page: true, limit: true }) },
      async (request) =>
        exported({
          ...request,
          pages: (cursor, limit) => read({ ...request, query: { ...request.query, cursor, limit } as Q }),
        }),
    );
  };

  /**
   * `GET url` that sends an Excel file to a signed-in actor: `run` reads what the file shows (the
   * module's service, with the route's validated parts) and builds the workbook and its name.
   */
  const workbook = <P = unknown, Q = unknown>(
    url: string,
    spec: { summary: string; params?: z.ZodType<P>; querystring?: z.ZodType<Q> },
    run: (input: RouteInput<P, Q, unknown>) => Promise<Workbook>,
  ) => {
    const { summary, params, querystring } = spec;
    const schema: FastifySchema = {
      tags,
      summary,
      ...(params ? { params } : {}),
      ...(querystring ? { querystring } : {}),
    };
    app.get(url, { schema }, async (request, reply) => {
      const { file, body } = await run(inputOf<P, Q, unknown>(request));
      const header = typeof file === 'string' ? dispositionOf(file) : disposition(file.ascii, file.name);
      return reply.type(XLSX).header('content-disposition', header).send(body);
    });
  };

  return {
    get,
    post: add('POST'),
    put: add('PUT'),
    patch: add('PATCH'),
    delete: add('DELETE'),
    listWithExport,
    workbook,
  };
}
