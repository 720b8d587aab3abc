import crypto from 'node:crypto';
import type { Ids } from './world.ts';
import type { JsonSchema, WriteRoute } from './openapi-routes.ts';

/** Which record a path parameter names, by the parameter and the path before it. */
export function pathValues(route: WriteRoute, ids: Partial<Ids>): Record<string, string> | undefined {
  const p = route.path.replace('/api/v1', '');
  const idByPrefix: [string, keyof Ids][] = [
    ['/auth/tokens/', 'token'],
    ['/org-units/', 'orgUnit'],
    ['/meetings/', 'meeting'],
    ['/action-items/', 'actionItem'],
    ['/notices/', 'notice'],
    ['/supervision/instructions/', 'instruction'],
    ['/notifications/', 'notification'],
    ['/evaluation/frameworks/', 'framework'],
    ['/evaluation/rounds/', 'round'],
    ['/evaluation/evidence/', 'evidence'],
    ['/evaluation/incidents/', 'incident'],
    ['/reports/', 'report'],
    ['/users/', 'user'],
    ['/cases/dispatch-rules/', 'dispatchRule'],
    ['/cases/', 'case'],
  ];
  const codeByPrefix: [string, keyof Ids][] = [
    ['/region-groups/', 'groupCode'],
    ['/data-sets/', 'dataSet'],
    ['/cases/categories/', 'categoryCode'],
    ['/evaluation/rounds/', 'regionCode'],
    ['/evaluation/regions/', 'regionCode'],
    ['/regions/', 'regionCode'],
  ];
  const values: Record<string, string> = {};
  const pick = (key: keyof Ids) => ids[key] ?? crypto.randomUUID();
  for (const param of route.params) {
    if (param === 'id') {
      const found = idByPrefix.find(([prefix]) => p.startsWith(prefix));
      // The findings of the walk's round are not created: any id answers 404.
      values.id = found ? pick(found[1]) : crypto.randomUUID();
    } else if (param === 'code') {
      const found = codeByPrefix.find(([prefix]) => p.startsWith(prefix));
      if (!found || !ids[found[1]]) return undefined;
      values.code = ids[found[1]]!;
    } else {
      const key = (
        {
          taskId: 'task',
          orgUnitId: 'orgUnit',
          regionCode: 'countyCode',
          period: 'period',
          standardCode: 'standardCode',
          number: 'caseNumber',
        } as Record<string, keyof Ids>
      )[param];
      if (!key || !ids[key]) return undefined;
      values[param] = ids[key]!;
    }
  }
  return values;
}

const DATE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

/** A string that satisfies the schema in the common cases the API uses. */
function exampleString(schema: JsonSchema, name: string): string {
  if (schema.format === 'uuid') return crypto.randomUUID();
  if (schema.format === 'date-time') return '2019-06-01T08:00:00.000Z';
  if (schema.format === 'date') return '2019-06-01';
  const pattern = schema.pattern ?? '';
  if (DATE.test(pattern)) return '2019-06-01';
  // Data-entry periods (2019Q3) and report periods (2019-06) have their own patterns.
  if (pattern.includes('(Q[1-4]')) return '2019Q3';
  if (pattern.includes('Q[1-4]')) return '2019-06';
  if (pattern.startsWith('^(\\d{2}|') || pattern.startsWith('^\\d{2,12}')) return '2306';
  if (/A-Za-z0-9_\\-:\./.test(pattern) || name === 'idempotencyKey') return `walk-${crypto.randomUUID()}`;
  if (pattern.includes('[a-z0-9]+(-[a-z0-9]+)*')) return 'walk-example';
  if (pattern.includes('a-zA-Z0-9_.-')) return `walk${crypto.randomBytes(4).toString('hex')}`;
  if (pattern.includes('0-9+')) return '13800000000';
  if (name === 'password') return `Walk-${crypto.randomBytes(9).toString('base64url')}`;
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/** A value that passes the schema, as far as a schema alone can tell. */
function exampleValue(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branch = schema.oneOf ?? schema.anyOf;
  if (branch) return exampleValue(branch.find((b) => b.type !== 'null') ?? branch[0]!, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(schema, name);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items && (schema.minItems ?? 0) > 0 ? [exampleValue(schema.items, name)] : [];
    case 'object':
    default: {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key)) out[key] = exampleValue(prop, key);
      }
      return out;
    }
  }
}

/** Example bodies of a route: one per alternative of a one-of body (the case actions). */
export function exampleBodies(schema: JsonSchema | undefined): unknown[] {
  if (!schema) return [undefined];
  if (schema.oneOf) return schema.oneOf.map((b) => exampleValue(b));
  return [exampleValue(schema)];
}

/**
 * Bodies that differ from `base` in one reference field (top level, or inside the objects of
 * an array such as `actionItems[].ownerOrgUnitId`), set to `values[field]`.
 */
export function withEachReference(
  schema: JsonSchema | undefined,
  base: unknown,
  values: Record<string, unknown>,
): { field: string; body: unknown }[] {
  if (!schema?.properties || typeof base !== 'object' || base === null) return [];
  const out: { field: string; body: unknown }[] = [];
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (key in values) out.push({ field: `body.${key}`, body: { ...base, [key]: values[key] } });
    const items = prop.items;
    if (prop.type === 'array' && items?.properties) {
      for (const inner of Object.keys(items.properties).filter((k) => k in values)) {
        const item = { ...(exampleValue(items) as object), [inner]: values[inner] };
        out.push({ field: `body.${key}.0.${inner}`, body: { ...base, [key]: [item] } });
      }
    }
  }
  return out;
}

/** Sets every top-level field of the schema that `values` knows (present or optional) to that value. */
export function withFields(schema: JsonSchema | undefined, body: unknown, values: Record<string, unknown>): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const key of Object.keys(schema?.properties ?? {})) if (key in values) out[key] = values[key];
  return out;
}
