import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { FieldError } from '@chuangcheng/core';
import { AppError } from '../http/problem.ts';

/**
 * Data files (groups, organisations, later the plan) are edited by hand, so every
 * problem must point at the line to fix. A parsed file keeps its syntax tree and a
 * line counter to map a value's path back to a line.
 */
export type YamlSource = {
  fileName: string;
  data: unknown;
  document: Document;
  lineCounter: LineCounter;
};

/** A path into the parsed data, e.g. `['groups', 3, 'members', 1]`. */
export type DataPath = readonly PropertyKey[];

/** `groups[3].members[1]`: how a person reads a path. */
function formatPath(dataPath: DataPath): string {
  return dataPath.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** The line of the value at `dataPath`, or of its nearest ancestor that exists (1-based). */
function lineOf(source: YamlSource, dataPath: DataPath): number {
  for (let depth = dataPath.length; depth >= 0; depth--) {
    const node = source.document.getIn(dataPath.slice(0, depth) as unknown[], true) as Node | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return source.lineCounter.linePos(offset).line;
  }
  return 1;
}

/** The line of a key inside the map at `mapPath`, for unknown-field errors. */
function lineOfKey(source: YamlSource, mapPath: DataPath, key: string): number {
  const map = source.document.getIn(mapPath as unknown[], true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    if (offset !== undefined) return source.lineCounter.linePos(offset).line;
  }
  return lineOf(source, mapPath);
}

/** Collects problems in a data file; nothing is written unless it stays empty. */
export class ImportProblems {
  readonly errors: FieldError[] = [];

  constructor(readonly source: YamlSource) {}

  /** Records a problem with the value at `dataPath`, reported as `file:line:field`. */
  add(dataPath: DataPath, message: string, line = lineOf(this.source, dataPath)): void {
    this.errors.push({ field: `${this.source.fileName}:${line}:${formatPath(dataPath)}`, message });
  }

  /** Records every issue zod found, naming unknown keys one by one. */
  addZodIssues(issues: readonly z.core.$ZodIssue[]): void {
    for (const issue of issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          this.add(
            [...issue.path, key],
            'unknown field; remove it or check its spelling',
            lineOfKey(this.source, issue.path, key),
          );
        }
      } else {
        this.add(issue.path, issue.message);
      }
    }
  }

  /** Throws IMPORT_FAILED listing every problem (the detail shows the first few as `file:line: field: message`). */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const shown = this.errors.slice(0, 5).map((e) => {
      const [file, line, ...field] = e.field.split(':');
      return `${file}:${line}: ${field.join(':')}: ${e.message}`;
    });
    const more = this.errors.length > shown.length ? `; and ${this.errors.length - shown.length} more` : '';
    throw new AppError(
      'IMPORT_FAILED',
      `${this.source.fileName}: ${this.errors.length} error(s), nothing imported: ${shown.join('; ')}${more}`,
      this.errors.slice(0, 200),
    );
  }
}

/** Reads and parses a YAML file, failing with the line of the first syntax error. */
export function readYamlFile(file: string): YamlSource {
  const fileName = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('IMPORT_FAILED', `${fileName}: cannot read ${file}: ${(error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    const errors = document.errors.map((e) => ({
      field: `${fileName}:${e.linePos?.[0].line ?? 1}:`,
      message: e.message.split('\n')[0] ?? e.message,
    }));
    throw new AppError(
      'IMPORT_FAILED',
      `${fileName}: not valid YAML: ${errors[0]!.field} ${errors[0]!.message}`,
      errors,
    );
  }
  return { fileName, data: document.toJS(), document, lineCounter };
}

/** Validates the parsed data against a zod schema; every issue is reported with its line. */
export function parseYamlData<S extends z.ZodType>(source: YamlSource, schema: S): z.output<S> {
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return parsed.data;
  const problems = new ImportProblems(source);
  problems.addZodIssues(parsed.error.issues);
  problems.throwIfAny();
  throw new Error('unreachable');
}
