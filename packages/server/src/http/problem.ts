import {
  message,
  problemCatalogue,
  renderMessage,
  type FieldError,
  type LocalizedMessage,
  type Problem,
  type ProblemCode,
  type ServerMessageId,
} from '@chuangcheng/core';

/** A text for a person: a message from the server catalogue (rendered per reader), or plain text. */
export type ServerText = string | LocalizedMessage;

/** A field error whose message may be a catalogue message, rendered when the problem is sent. */
export type ServerFieldError = { field: string; message: ServerText };

/**
 * An error the API reports as RFC 9457 problem+json. Services throw these; the error
 * handler turns them into responses, rendering catalogue messages in the request's language.
 * Anything else is an internal error whose details stay in the log.
 */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: ServerText,
    readonly errors?: ServerFieldError[],
  ) {
    // The message (for logs, the CLI, English-only interfaces) is the English text.
    super(
      detail !== undefined
        ? renderText(detail, 'en')
        : errors?.length
          ? errors.map((e) => `${e.field}: ${renderText(e.message, 'en')}`).join('; ')
          : code,
    );
  }

  get status(): number {
    return problemCatalogue[this.code].status;
  }
}

/** The names of records a "not found" can be about (catalogue ids `record.*`). */
type RecordName = ServerMessageId extends infer K ? (K extends `record.${infer R}` ? R : never) : never;

/** No such record: `notFound('case', id)`, or a catalogue message for a more particular absence. */
export function notFound(what: RecordName | LocalizedMessage, id?: string | number): AppError {
  if (typeof what === 'object') return new AppError('NOT_FOUND', what);
  return new AppError('NOT_FOUND', message('notFound', { thing: message(`record.${what}`), id: id ?? '' }));
}
export const forbidden = (detail?: ServerText) => new AppError('FORBIDDEN', detail);
export const outOfScope = (detail?: ServerText) => new AppError('OUT_OF_SCOPE', detail);
export const conflict = (detail: ServerText, errors?: ServerFieldError[]) => new AppError('CONFLICT', detail, errors);
/** Invalid fields; without a detail, the detail lists the fields with their messages. */
export const invalid = (errors: ServerFieldError[], detail?: ServerText) =>
  new AppError('VALIDATION_FAILED', detail, errors);

/**
 * The detail of a refused import file: how many errors, the first five with their fields, and
 * how many more (the problem's `errors` carry up to 200 of them).
 */
export function importSummary(errors: readonly ServerFieldError[]): LocalizedMessage {
  const shown = errors.slice(0, 5).map((e) => message('import.fieldError', { field: e.field, text: e.message }));
  const summary = message('import.errorsNothingImported', { count: errors.length, shown });
  return errors.length > 5 ? message('import.andMore', { shown: summary, more: errors.length - 5 }) : summary;
}

/** A server text in the language asked for. */
export function renderText(text: ServerText, language: 'zh' | 'en'): string {
  return typeof text === 'string' ? text : renderMessage(text, language);
}

/** Field errors with their messages in the language asked for. */
export function renderFieldErrors(errors: readonly ServerFieldError[], language: 'zh' | 'en'): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: renderText(e.message, language) }));
}

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
