import type { FastifyReply } from 'fastify';
import type { Open311ErrorItem } from '@chuangcheng/core';

/**
 * GeoReport v2 output: XML is the required format, JSON its programmatic mapping (the Spark
 * convention: a list element becomes an array of objects, a leaf becomes a value, an empty
 * element becomes null). Each response is written once as a tree and rendered in either format.
 */
export type Format = 'json' | 'xml';
type Leaf = string | number | boolean | null;
export type Tree = { [key: string]: Leaf | Tree | Tree[] | Leaf[] };

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // An XML parser turns a literal CR LF into LF; a character reference keeps the CR as JSON does.
    .replace(/\r/g, '&#13;');

function leafXml(name: string, value: Leaf): string {
  return value === null || value === '' ? `<${name}/>` : `<${name}>${escape(String(value))}</${name}>`;
}

function nodeXml(name: string, node: Tree, itemNames: Record<string, string>): string {
  const inner = Object.entries(node)
    .map(([key, value]) => {
      if (Array.isArray(value)) {
        const item = itemNames[key] ?? key.replace(/s$/, '');
        const items = (value as (Tree | Leaf)[]).map((v) =>
          v !== null && typeof v === 'object' ? nodeXml(item, v, itemNames) : leafXml(item, v),
        );
        return `<${key}>${items.join('')}</${key}>`;
      }
      if (value !== null && typeof value === 'object') return nodeXml(key, value, itemNames);
      return leafXml(key, value);
    })
    .join('');
  return `<${name}>${inner}</${name}>`;
}

/**
 * Renders a list response: XML `<root><item>…</item>…</root>`, JSON an array of the items.
 * `itemNames` names the elements of nested lists (attributes → attribute, values → value).
 */
export function renderList(
  format: Format,
  root: string,
  item: string,
  items: Tree[],
  itemNames: Record<string, string> = {},
) {
  if (format === 'json') return JSON.stringify(items);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${items.map((i) => nodeXml(item, i, itemNames)).join('')}</${root}>\n`;
}

/** Renders a single-object response: XML `<root>…</root>`, JSON the object. */
export function renderObject(format: Format, root: string, object: Tree, itemNames: Record<string, string> = {}) {
  if (format === 'json') return JSON.stringify(object);
  return `<?xml version="1.0" encoding="utf-8"?>\n${nodeXml(root, object, itemNames)}\n`;
}

export function send(reply: FastifyReply, format: Format, status: number, body: string) {
  return reply
    .code(status)
    .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
    .send(body);
}

/** The specification's error document: `errors[]{code, description}`. */
export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311ErrorItem[]) {
  return send(reply, format, status, renderList(format, 'errors', 'error', errors));
}

/** `services.json` → json; anything else (including no suffix) → xml, the required format. */
export function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}
