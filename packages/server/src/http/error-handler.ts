import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, ProblemCode } from '@chuangcheng/core';
import { AppError, buildProblem, pickLanguage } from './problem.ts';

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

/** Turns validation issues (`instancePath` like `/a/0/b`) into `{field, message}` pairs naming the field. */
function fieldErrors(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).flatMap((v) => {
    const segments = (v.instancePath ?? '').split('/').filter(Boolean);
    const base = [context, ...segments].join('.');
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      return keys.map((key) => ({ field: `${base}.${key}`, message: 'unknown field; remove it' }));
    }
    return [{ field: base, message: v.message ?? 'invalid' }];
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(request, reply, error.code, { detail: error.detail, errors: error.errors });
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const errors = fieldErrors(error);
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

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 'NOT_FOUND', { detail: `${request.method} ${request.url}` });
}
