import type { FastifyInstance } from 'fastify';
import { message, type LocalizedMessage } from '@chuangcheng/core';
import { AppError, invalid, type ServerFieldError } from './problem.ts';

/**
 * Deeper than any document the API accepts (a framework tree is about a dozen levels of
 * JSON); anything deeper is refused before validation, so no recursive code downstream
 * (zod, canonical JSON for the audit chain, jsonb) can be driven into a stack overflow.
 */
const MAX_DEPTH = 32;

/** An unpaired high or low surrogate: JSON can carry one, UTF-8 cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(value: string): LocalizedMessage | undefined {
  if (value.includes('\u0000')) return message('field.nulCharacter');
  if (LONE_SURROGATE.test(value)) return message('field.loneSurrogate');
  return undefined;
}

type Finding = { kind: 'text' | 'depth'; error: ServerFieldError };

/**
 * Walks a parsed value without recursion and reports the first string (value or key)
 * PostgreSQL cannot store, or the first place nested deeper than MAX_DEPTH.
 */
function findUnstorableInput(root: unknown, base: string): Finding | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: base, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) return { kind: 'text', error: { field: path, message } };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return { kind: 'depth', error: { field: path, message: message('field.tooDeep', { depth: MAX_DEPTH }) } };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}.${key}`;
      const keyMessage = textProblem(key);
      if (keyMessage)
        return {
          kind: 'text',
          error: { field: childPath, message: message('field.fieldName', { problem: keyMessage }) },
        };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * One guard for every route, before schema validation: a NUL byte or a lone surrogate
 * in any string of the path, query or body (PostgreSQL refuses the first and UTF-8
 * silently replaces the second) is a 400 naming the field, never a database error.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ];
    for (const [base, value] of parts) {
      const finding = findUnstorableInput(value, base);
      if (!finding) continue;
      if (finding.kind === 'depth') throw invalid([finding.error]);
      throw new AppError('INVALID_TEXT', undefined, [finding.error]);
    }
  });
}
