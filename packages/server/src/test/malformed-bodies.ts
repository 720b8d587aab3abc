import fc from 'fast-check';
import type { JsonSchema, WriteRoute } from './openapi-routes.ts';
import { malformedMultipart } from './openapi-routes.ts';
import { exampleBodies, withFields } from './route-examples.ts';

/** One request of the fuzz: a JSON value, raw JSON text, or a raw multipart body. */
export type FuzzRequest = {
  kind: string;
  /** Replaces a path parameter, when set. */
  param?: { name: string; value: string };
  payload: unknown;
  raw?: { contentType: string; text: string };
};

/** Strings a careless or hostile client sends: control characters, NUL, lone surrogates, bidi. */
const nastyString = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u0007\u001b[31m', '\u202eevil', '\ufeff', '\r\n\t'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'\u0000\u0001\u001f\u007f\ud800\udc00'), maxLength: 10 }),
);

const wrongTyped = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Arrays and objects nested `depth` levels, below and above what the API accepts. */
const deeplyNested = fc.integer({ min: 10, max: 400 }).map((depth) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!schema) return {};
  if (schema.oneOf) return Object.assign({}, ...schema.oneOf.map((b) => b.properties ?? {}));
  return schema.properties ?? {};
}

/**
 * Malformed requests of every kind for one route, generated from its OpenAPI schema: wrong
 * types, missing fields, huge and nasty strings, deep nesting, prototype keys, arrays for
 * objects, whole bodies of arbitrary JSON, broken path parameters and broken multipart.
 */
export function malformedRequests(route: WriteRoute, shared: Record<string, unknown>): fc.Arbitrary<FuzzRequest> {
  const bases = exampleBodies(route.body).map((b) => withFields(route.body, b, shared) as Record<string, unknown>);
  const base = fc.constantFrom(...bases.map((b) => b ?? {}));
  const keys = Object.keys(propertiesOf(route.body));
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constantFrom('field');
  const set = (kind: string, value: fc.Arbitrary<unknown>) =>
    fc.tuple(base, key, value).map(([b, k, v]): FuzzRequest => ({ kind, payload: { ...b, [k]: v } }));
  const kinds: fc.Arbitrary<FuzzRequest>[] = [
    set('wrong type', wrongTyped),
    set('nasty string', nastyString),
    set(
      'huge string',
      fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'x'.repeat(n)),
    ),
    set('deep nesting', deeplyNested),
    set('array for a value', fc.array(fc.constant({}), { maxLength: 2 })),
    fc.tuple(base, fc.subarray(keys)).map(([b, drop]) => ({
      kind: 'missing fields',
      payload: Object.fromEntries(Object.entries(b).filter(([k]) => !drop.includes(k))),
    })),
    base.map((b) => ({ kind: 'array for the body', payload: [b] })),
    fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'arbitrary JSON', payload: v })),
    fc.tuple(base, fc.constantFrom(...PROTO_KEYS), key).map(([b, proto, k]) => {
      const text = JSON.stringify(b).replace(/^\{/, `{"${proto}": {"${k}": "polluted", "prototype": {"x": 1}},`);
      return {
        kind: 'prototype key',
        payload: undefined,
        raw: { contentType: 'application/json', text: text.replace(/,\}$/, '}') },
      };
    }),
    fc.constantFrom('{"a":', '[1,2', '\u0000', '{"a":"\\ud800"}', 'null', '"text"', '1e999').map((text) => ({
      kind: 'broken JSON',
      payload: undefined,
      raw: { contentType: 'application/json', text },
    })),
  ];
  if (route.params.length > 0) {
    kinds.push(
      fc
        .tuple(
          base,
          fc.constantFrom(...route.params),
          fc.oneof(nastyString, fc.string({ maxLength: 300 }), fc.constant('x'.repeat(5000))),
        )
        .filter(([, , value]) => value.length > 0)
        .map(([b, name, value]) => ({ kind: 'broken path parameter', param: { name, value }, payload: b })),
    );
  }
  if (route.upload) {
    kinds.push(
      fc.constantFrom(...malformedMultipart).map((m) => ({
        kind: `multipart: ${m.name}`,
        payload: undefined,
        raw: { contentType: m.contentType, text: m.payload },
      })),
    );
  }
  return fc.oneof(...kinds);
}
