import { sql } from 'kysely';
import type { TestContext } from './harness.ts';

/** The part of a JSON schema (as @fastify/swagger prints it) the walks read. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  const?: unknown;
  nullable?: boolean;
};

/** One write route of the OpenAPI document. */
export type WriteRoute = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the document writes it: `/api/v1/reports/{id}`. */
  path: string;
  key: string;
  params: string[];
  /** The JSON body schema, when the route takes one. */
  body?: JsonSchema;
  /** A file upload (multipart/form-data); the document describes these in the summary. */
  upload: boolean;
  public: boolean;
};

type Operation = {
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Every write route (POST, PUT, PATCH, DELETE) of the app's OpenAPI document. */
export async function loadWriteRoutes(ctx: TestContext): Promise<WriteRoute[]> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(operations)) {
      const method = verb.toUpperCase();
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      routes.push({
        method: method as WriteRoute['method'],
        path,
        key: `${method} ${path}`,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        body: op.requestBody?.content?.['application/json']?.schema,
        upload: /multipart/i.test(op.summary ?? ''),
        public: path.startsWith('/api/v1/public/') || path === '/api/v1/auth/login',
      });
    }
  }
  return routes;
}

/** Fills `{name}` segments from `values` (URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
}

/**
 * Tables whose rows change on reads as well (sessions are touched by every signed-in
 * request); every other table must keep its row count when a request is refused.
 */
const VOLATILE_TABLES = new Set(['user_session']);

const tableNames = new WeakMap<TestContext, Promise<string[]>>();

/** Row counts of every table: a refused request must leave every one unchanged. */
export async function rowCounts(ctx: TestContext): Promise<Record<string, number>> {
  if (!tableNames.has(ctx)) {
    tableNames.set(
      ctx,
      sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
        .execute(ctx.db)
        .then((r) => r.rows.map((t) => t.name).filter((n) => !VOLATILE_TABLES.has(n))),
    );
  }
  const names = await tableNames.get(ctx)!;
  const selects = names.map((n) => sql`select ${n}::text as name, count(*)::int as n from ${sql.table(n)}`);
  const result = await sql<{ name: string; n: number }>`${sql.join(selects, sql` union all `)}`.execute(ctx.db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.n]));
}

/** The tables whose counts differ between two snapshots, as `table: before → after`. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

/** A multipart request whose body is broken in one of the ways a careless client breaks it. */
export const malformedMultipart: { name: string; contentType: string; payload: string }[] = [
  { name: 'no boundary', contentType: 'multipart/form-data', payload: 'garbage' },
  {
    name: 'truncated part',
    contentType: 'multipart/form-data; boundary=zz',
    payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG\r\n',
  },
  {
    name: 'malformed part header',
    contentType: 'multipart/form-data; boundary=zz',
    payload: '--zz\r\nnot a header\r\n\r\nx\r\n--zz--\r\n',
  },
  { name: 'empty body', contentType: 'multipart/form-data; boundary=zz', payload: '' },
  {
    name: 'prototype field name',
    contentType: 'multipart/form-data; boundary=zz',
    payload: '--zz\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--zz--\r\n',
  },
];
