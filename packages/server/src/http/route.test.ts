import Fastify, { type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actorAt } from '../test/policy-table.ts';
import { registerErrorHandling } from './error-handler.ts';
import { actorRoutes, type RouteInput } from './route.ts';
import { XLSX } from './xlsx.ts';
import type { App } from './types.ts';

// The one helper the signed-in JSON routes register through (issue 12, decision 0192): the schema
// it hands Fastify (and so OpenAPI), the actor it requires, the parts it passes and the status it answers.

const Params = z.object({ id: z.string().regex(/^[a-z]+$/) });
const Query = z.object({ limit: z.coerce.number().int().max(10).optional() });
const Body = z.object({ name: z.string().min(1) });
const Thing = z.object({ id: z.string(), name: z.string() });

const ListQuery = z.object({
  q: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().optional(),
  page: z.coerce.number().int().optional(),
});
const ThingPage = z.object({ items: z.array(Thing), nextCursor: z.string().nullable() });
const THINGS = ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => ({ id: name, name }));
const reads: z.infer<typeof ListQuery>[] = [];

const inputs: RouteInput<unknown, unknown, unknown>[] = [];
const registered: RouteOptions[] = [];
let app: App;

beforeAll(async () => {
  app = Fastify({ logger: false, genReqId: () => 'req-1' }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-test-actor']) request.actor = actorAt('province_admin', '370000');
  });
  app.addHook('onRoute', (route) => {
    registered.push(route);
  });
  const route = actorRoutes(app, ['things']);
  route.get(
    '/things/:id',
    { summary: 'Read a thing', params: Params, querystring: Query, response: Thing },
    (input) => {
      inputs.push(input);
      // `secret` is not in the answer's schema: the serializer leaves it out.
      return { id: input.params.id, name: `limit ${input.query.limit ?? '-'}`, secret: 'x' } as z.infer<typeof Thing>;
    },
  );
  route.post('/things', { summary: 'Create a thing', body: Body, response: Thing, status: 201 }, async (input) => {
    inputs.push(input);
    return { id: 'new', name: input.body.name };
  });
  route.delete(
    '/things/:id',
    { summary: 'Delete a thing', params: Params, response: z.null(), status: 204 },
    async () => null,
  );
  // A list of five things, two to a page whatever the limit asked, and its export read through it.
  route.listWithExport(
    '/things',
    { summary: 'List things', querystring: ListQuery, response: ThingPage, exportSummary: 'Things as Excel' },
    async ({ query }) => {
      reads.push(query);
      const from = Number(query.cursor ?? 0);
      const items = THINGS.filter((t) => t.name.includes(query.q ?? '')).slice(from, from + 2);
      return { items, nextCursor: from + 2 < THINGS.length ? String(from + 2) : null };
    },
    ({ pages }) => ({
      sheet: 'Things',
      title: '事物',
      columns: [{ header: '名称', width: 10, value: (t: z.infer<typeof Thing>) => t.name }],
      file: 'things',
      pages,
    }),
  );
  route.workbook('/things/:id/sheet.xlsx', { summary: 'A thing as Excel', params: Params }, async (input) => {
    inputs.push(input);
    return { file: `事物-${input.params.id}.xlsx`, body: Buffer.from('a workbook') };
  });
  await app.ready();
});
afterAll(() => app.close());

const signedIn = { 'x-test-actor': '1' };

describe('actorRoutes', () => {
  it('hands Fastify the route schema with the tag, the parts it has and the answer under its status', () => {
    // The schema's own keys (Fastify marks it with a symbol once compiled).
    const schemaOf = (method: string, url: string) =>
      Object.fromEntries(Object.entries(registered.find((r) => r.method === method && r.url === url)!.schema!));
    expect(schemaOf('GET', '/things/:id')).toEqual({
      tags: ['things'],
      summary: 'Read a thing',
      params: Params,
      querystring: Query,
      response: { 200: Thing },
    });
    expect(schemaOf('POST', '/things')).toEqual({
      tags: ['things'],
      summary: 'Create a thing',
      body: Body,
      response: { 201: Thing },
    });
    expect(Object.keys(schemaOf('DELETE', '/things/:id').response as object)).toEqual(['204']);
  });

  it('answers 401 without a signed-in actor, before the handler runs', async () => {
    inputs.length = 0;
    const res = await app.inject({ method: 'GET', url: '/things/abc' });
    expect(res.statusCode).toBe(401);
    expect(inputs).toHaveLength(0);
  });

  it('validates the parts before the handler runs', async () => {
    inputs.length = 0;
    const res = await app.inject({ method: 'GET', url: '/things/abc?limit=99', headers: signedIn });
    expect(res.statusCode).toBe(400);
    expect(inputs).toHaveLength(0);
  });

  it('passes the actor, the parsed parts, the request id and the language, and answers 200', async () => {
    inputs.length = 0;
    const res = await app.inject({
      method: 'GET',
      url: '/things/abc?limit=3',
      headers: { ...signedIn, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'abc', name: 'limit 3' });
    const [input] = inputs;
    expect(input!.actor.role).toBe('province_admin');
    expect(input!.params).toEqual({ id: 'abc' });
    expect(input!.query).toEqual({ limit: 3 });
    expect(input!.requestId).toBe('req-1');
    expect(input!.language).toBe('en');
    expect(input!.ctx).toEqual({ actor: input!.actor, requestId: 'req-1' });
  });

  it('answers the status it was given: 201 with the body, 204 with none', async () => {
    inputs.length = 0;
    const created = await app.inject({ method: 'POST', url: '/things', headers: signedIn, payload: { name: 'n' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'new', name: 'n' });
    expect(inputs[0]!.body).toEqual({ name: 'n' });
    const deleted = await app.inject({ method: 'DELETE', url: '/things/abc', headers: signedIn });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
  });
});

describe('listWithExport and workbook', () => {
  const schemaOf = (url: string) => registered.find((r) => r.method === 'GET' && r.url === url)!.schema!;

  it('registers the list and its export: the export takes the list query without paging', () => {
    expect(schemaOf('/things').summary).toBe('List things');
    const exported = schemaOf('/things/export.xlsx');
    expect(exported.tags).toEqual(['things']);
    expect(exported.summary).toBe('Things as Excel');
    expect(Object.keys((exported.querystring as z.ZodObject<z.ZodRawShape>).shape)).toEqual(['q']);
  });

  it('exports every page, each read through the list with its filter', async () => {
    reads.length = 0;
    const res = await app.inject({ method: 'GET', url: '/things/export.xlsx?q=a', headers: signedIn });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(reads.map((q) => [q.q, q.cursor])).toEqual([
      ['a', undefined],
      ['a', '2'],
      ['a', '4'],
    ]);
  });

  it('sends a workbook with its name, and refuses without a signed-in actor', async () => {
    inputs.length = 0;
    const refused = await app.inject({ method: 'GET', url: '/things/abc/sheet.xlsx' });
    expect(refused.statusCode).toBe(401);
    expect(inputs).toHaveLength(0);
    expect((await app.inject({ method: 'GET', url: '/things/export.xlsx' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/things/abc/sheet.xlsx', headers: signedIn });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__-abc.xlsx"; filename*=UTF-8''${encodeURIComponent('事物-abc.xlsx')}`,
    );
    expect(res.body).toBe('a workbook');
    expect(inputs[0]!.params).toEqual({ id: 'abc' });
  });
});
