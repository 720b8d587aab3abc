import type { FastifySchema } from 'fastify';
import type { z } from 'zod';
import { requireActor, type Actor } from '../modules/auth/index.ts';
import { pickLanguage } from './problem.ts';
import type { App } from './types.ts';

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

/**
 * The routes of one tag that answer a signed-in actor with JSON: each is parse (Fastify validates
 * the schemas) → `requireActor` → the module's service → the answer (200, 201 or 204). The route's
 * OpenAPI entry is what `app.get(url, { schema: { tags, summary, params, querystring, body,
 * response } }, …)` would give. Routes that send files, answer without an actor or shape the reply
 * otherwise keep Fastify's own calls.
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
          const actor = requireActor(request);
          const answer = await run({
            actor,
            params: request.params as P,
            query: request.query as Q,
            body: request.body as B,
            requestId: request.id,
            language: pickLanguage(request.headers['accept-language']),
            ctx: { actor, requestId: request.id },
          });
          return status === 200 ? answer : reply.code(status).send(answer);
        },
      });
    };
  return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}
