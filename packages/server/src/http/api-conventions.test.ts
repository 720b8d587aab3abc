import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ bodyLimitBytes: 10_000 });
});
afterAll(() => ctx.close());

/** Routes that answer without an account, on purpose. */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/health',
  // Residents report and track problems without an account (issue 6).
  'GET /api/v1/public/case-categories',
  'GET /api/v1/public/regions',
  'GET /api/v1/public/cases/nearby',
  'POST /api/v1/public/cases',
  'GET /api/v1/public/cases',
  'GET /api/v1/public/cases/{number}',
  'POST /api/v1/public/cases/{number}/rating',
  'POST /api/v1/public/cases/{number}/supplement',
  'POST /api/v1/public/case-photos',
  // Anyone may check audit checkpoints (issue 13).
  'GET /api/v1/public/audit/public-keys',
  'GET /api/v1/public/case-photos/{id}',
  // The report page places the resident's point; the public pages say whose they are (issue 14).
  'GET /api/v1/public/regions/at',
  'GET /api/v1/public/publisher',
]);

type OpenApi = { paths: Record<string, Record<string, unknown>> };

describe('every route in the OpenAPI document', () => {
  it('refuses an unauthenticated request unless it is meant to be public', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, path } of routes) {
      // Fill path parameters with values that pass validation, so that auth is what decides.
      const url = path.replace('{code}', '2301').replace('{id}', '00000000-0000-4000-8000-000000000000');
      const res = await ctx.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key)) {
        expect(res.statusCode, key).not.toBe(401);
      } else {
        expect(res.statusCode, key).toBe(401);
        expect(res.json().code, key).toBe('UNAUTHENTICATED');
      }
    }
  });
});

describe('API conventions', () => {
  it('reports health with the database kind', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
    expect(['pglite', 'postgres']).toContain(res.json().database.kind);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('MALFORMED_JSON');
  });

  it('answers an oversized body with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(20_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names wrong types and unknown fields, in Chinese by default and English on request', async () => {
    const zh = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 5, password: 'x', extra: 1 },
    });
    expect(zh.statusCode).toBe(400);
    const fields = zh.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.username');
    expect(fields).toContain('body.extra');
    expect(zh.json().title).toMatch(/提交的内容有误/);
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 5 },
    });
    expect(en.json().title).toMatch(/invalid fields/);
  });

  it('answers unknown API paths with 404 problem+json, and does not leak stack traces', async () => {
    const res = await ctx.admin.get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('serves the OpenAPI document and the docs page; metrics only with their token (metrics.test.ts)', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/users']).toBeDefined();
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(404);
  });
});
