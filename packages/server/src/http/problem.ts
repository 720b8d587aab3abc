import { problemCatalogue, type FieldError, type Problem, type ProblemCode } from '@chuangcheng/core';

/**
 * An error the API reports as RFC 9457 problem+json. Services throw these; the error
 * handler turns them into responses. Anything else is an internal error whose details
 * stay in the log.
 */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? code);
  }

  get status(): number {
    return problemCatalogue[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', what);
export const forbidden = (detail?: string) => new AppError('FORBIDDEN', detail);
export const outOfScope = (detail?: string) => new AppError('OUT_OF_SCOPE', detail);
export const conflict = (detail: string, errors?: FieldError[]) => new AppError('CONFLICT', detail, errors);
export const invalid = (errors: FieldError[], detail?: string) =>
  new AppError('VALIDATION_FAILED', detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** Chinese unless the client asked for English first. */
export function pickLanguage(acceptLanguage: string | undefined): 'zh' | 'en' {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function buildProblem(
  code: ProblemCode,
  language: 'zh' | 'en',
  extra: { detail?: string; errors?: FieldError[]; instance?: string } = {},
): Problem {
  const entry = problemCatalogue[code];
  const problem: Problem = {
    type: `https://chuangcheng.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: entry[language],
    status: entry.status,
    code,
  };
  if (extra.detail) problem.detail = extra.detail;
  if (extra.instance) problem.instance = extra.instance;
  if (extra.errors && extra.errors.length > 0) problem.errors = extra.errors;
  return problem;
}
