import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  validationMessage,
  validationMessages,
  type FieldError,
  type ProblemCode,
  type ValidationIssue,
} from '@chuangcheng/core';
import { AppError, buildProblem, pickLanguage, renderFieldErrors, renderText } from './problem.ts';

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  extra: { detail?: string; errors?: FieldError[] } = {},
) {
  const problem = buildProblem(code, pickLanguage(request.headers['accept-language']), {
    ...extra,
    instance: request.url,
  });
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/**
 * Turns validation issues (`instancePath` like `/a/0/b`) into `{field, message}` pairs naming the
 * field, the message from the catalogue in the request's language. A schema's own hint (a custom
 * check, a pattern's "use YYYY-MM-DD") is written in English: English answers keep it.
 */
function fieldErrors(error: FastifyError, language: 'zh' | 'en'): FieldError[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).flatMap((v) => {
    const segments = (v.instancePath ?? '').split('/').filter(Boolean);
    const base = [context, ...segments].join('.');
    const params = (v.params ?? {}) as Omit<ValidationIssue, 'code' | 'message'> & { keys?: string[] };
    if (v.keyword === 'unrecognized_keys' && params.keys) {
      const message = validationMessages.unrecognized_keys[language];
      return params.keys.map((key) => ({ field: `${base}.${key}`, message }));
    }
    const ownHint = v.keyword === 'custom' || params.format === 'regex';
    if (language === 'en' && ownHint && v.message) return [{ field: base, message: v.message }];
    return [{ field: base, message: validationMessage({ ...params, code: v.keyword, message: v.message }, language) }];
  });
}

/** @fastify/multipart's limit errors: the body was too large, not malformed. */
const MULTIPART_LIMITS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_REQ_FILE_TOO_LARGE']);

/**
 * Whether an error came from parsing a multipart body. The parser (busboy) rejects a
 * broken body with plain Errors (no code, no status), raised from `request.file()` or
 * from the file stream wherever a service reads it, so the upload routes cannot catch
 * them in one place: they are recognised here, once, by the request and the message.
 */
function isMalformedMultipart(error: FastifyError, request: FastifyRequest): boolean {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('multipart/')) return false;
  if (['FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR', 'FST_MP_PREMATURE_CLOSE'].includes(error.code)) {
    return true;
  }
  // A storage failure (ENOSPC, EACCES) has a syscall: that is ours, not the client's.
  if (error.code || (error as { syscall?: string }).syscall) return false;
  return /multipart|boundary|unexpected end|malformed|terminated early|content-type/i.test(error.message);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // Catalogue messages are rendered in the reader's language; an error without its own
      // detail lists the fields with their (rendered) messages.
      const language = pickLanguage(request.headers['accept-language']);
      const errors = error.errors && renderFieldErrors(error.errors, language);
      const detail =
        error.detail !== undefined
          ? renderText(error.detail, language)
          : errors?.length
            ? errors.map((e) => `${e.field}: ${e.message}`).join('; ')
            : undefined;
      return send(request, reply, error.code, { detail, errors });
    }
    if (MULTIPART_LIMITS.has(error.code)) {
      return send(request, reply, 'PAYLOAD_TOO_LARGE', { detail: error.message });
    }
    if (isMalformedMultipart(error, request)) {
      return send(request, reply, 'MALFORMED_MULTIPART', {
        detail: error.message,
        errors: [{ field: 'body.file', message: error.message }],
      });
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const errors = fieldErrors(error, pickLanguage(request.headers['accept-language']));
      return send(request, reply, 'VALIDATION_FAILED', {
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(request, reply, 'MALFORMED_JSON', { detail: error.message });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(request, reply, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_RATE_LIMIT_EXCEEDED':
        return send(request, reply, 'RATE_LIMITED');
    }
    if (error.statusCode === 429) return send(request, reply, 'RATE_LIMITED');
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(request, reply, 'MALFORMED_JSON', { detail: error.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(request, reply, error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', {
        detail: error.message,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'INTERNAL');
  });
}

/**
 * Errors the router raises before any route or hook runs (a malformed URL, a path parameter
 * longer than the router takes): Fastify answers these itself in plain JSON unless it is
 * given this handler (the `frameworkErrors` option).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is longer than any id or code' : 'malformed URL';
  return send(request, reply, 'VALIDATION_FAILED', { detail: message, errors: [{ field: 'params', message }] });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 'NOT_FOUND', { detail: `${request.method} ${request.url}` });
}
