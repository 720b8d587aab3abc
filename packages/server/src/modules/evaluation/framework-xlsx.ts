import {
  issueMessage,
  message,
  EvaluationMethod,
  FrameworkStandard,
  type FrameworkDocument,
  type FrameworkProject,
  type ScoringRule,
} from '@chuangcheng/core';
import { AppError, importSummary, type ServerFieldError, type ServerText } from '../../http/problem.ts';

/**
 * The Excel template of a framework: sheet 测评标准, one row per standard with its path
 * (测评项目 → 测评内容), points, method and scoring rule. Offices receive the 操作手册 as
 * documents and type or paste it into this template; import reads it back all-or-nothing
 * with an error per row and column.
 */
const SHEET = '测评标准';

const COLUMNS = [
  { key: 'projectCode', header: '测评项目编码', width: 12 },
  { key: 'projectName', header: '测评项目', width: 24 },
  { key: 'part', header: '部分', width: 10 },
  { key: 'contentCode', header: '测评内容编码', width: 12 },
  { key: 'contentName', header: '测评内容', width: 24 },
  { key: 'code', header: '标准编码', width: 14 },
  { key: 'text', header: '测评标准', width: 50 },
  { key: 'points', header: '分值', width: 8 },
  { key: 'method', header: '测评方法', width: 14 },
  { key: 'rule', header: '计分规则', width: 10 },
  { key: 'perFinding', header: '每处扣分', width: 10 },
  { key: 'indicatorCode', header: '指标编码', width: 20 },
  { key: 'comparator', header: '比较', width: 8 },
  { key: 'target', header: '目标值', width: 10 },
  { key: 'partial', header: '未达标计分', width: 12 },
  { key: 'siteTypes', header: '点位类型', width: 30 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const METHOD_LABELS: Record<EvaluationMethod, string> = {
  material: '网上材料审核',
  field: '实地考察',
  questionnaire: '问卷调查',
  indicator: '指标数据',
  simulation: '实景模拟验证',
};
const RULE_LABELS: Record<ScoringRule['kind'], string> = {
  deduction: '扣分',
  proportion: '比例',
  threshold: '达标',
  survey: '满意度',
};
const PART_LABELS = { main: '基本', minors: '未成年人' } as const;
const PARTIAL_LABELS = { none: '不得分', linear: '按比例' } as const;

const invert = <K extends string>(labels: Record<K, string>) => {
  const map = new Map<string, K>();
  for (const [k, v] of Object.entries(labels) as [K, string][]) {
    map.set(v, k);
    map.set(k, k);
  }
  return map;
};
const METHODS = invert(METHOD_LABELS);
const RULES = invert(RULE_LABELS);
const PARTS = invert(PART_LABELS);
const PARTIALS = invert(PARTIAL_LABELS);
const COMPARATORS = new Map([
  ['>=', 'gte'],
  ['≥', 'gte'],
  ['gte', 'gte'],
  ['<=', 'lte'],
  ['≤', 'lte'],
  ['lte', 'lte'],
] as const);

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value).trim();
}

/**
 * Reads the template into a standards tree. Every problem names its row and column
 * (`row 7: 分值`); the whole file is refused when there is any.
 */
export async function readFrameworkWorkbook(
  buffer: Buffer,
  settings: Pick<FrameworkDocument, 'methodGroups' | 'siteTypes' | 'minors'>,
): Promise<{ projects: FrameworkProject[]; rows: number }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FAILED', message('framework.notXlsxDetail'), [
      { field: 'body.file', message: message('framework.notXlsx') },
    ]);
  }
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) {
    throw new AppError('IMPORT_FAILED', message('framework.noSheet', { sheet: SHEET }), [
      { field: 'body.file', message: message('framework.putOnSheet', { sheet: SHEET }) },
    ]);
  }
  const headings = (sheet.getRow(1).values as unknown[]).map(cellText);
  const index = new Map<ColumnKey, number>();
  const errors: ServerFieldError[] = [];
  for (const c of COLUMNS) {
    const at = headings.indexOf(c.header);
    if (at < 0) errors.push({ field: `row 1: ${c.header}`, message: message('framework.columnMissing') });
    else index.set(c.key, at);
  }
  if (errors.length > 0) throw importFailed(errors);

  const sites = new Set(settings.siteTypes.map((s) => s.code));
  const grouped = new Set(settings.methodGroups.flatMap((g) => g.methods));
  const projects: FrameworkProject[] = [];
  const projectByCode = new Map<string, FrameworkProject>();
  const contentByCode = new Map<string, { project: string; content: FrameworkProject['contents'][number] }>();
  const seen = new Map<string, number>();
  let rows = 0;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = row.values as unknown[];
    const get = (key: ColumnKey) => cellText(values[index.get(key)!]);
    if (COLUMNS.every((c) => get(c.key) === '')) return;
    rows++;
    const err = (key: ColumnKey, text: ServerText) =>
      errors.push({ field: `row ${rowNumber}: ${header(key)}`, message: text });
    const required = (key: ColumnKey) => {
      const v = get(key);
      if (!v) err(key, message('xlsx.required'));
      return v;
    };
    const number = (key: ColumnKey, opts: { required: boolean; min?: number }) => {
      const v = get(key);
      if (!v) {
        if (opts.required) err(key, message('xlsx.required'));
        return undefined;
      }
      const n = Number(v);
      if (!Number.isFinite(n) || (opts.min !== undefined && n < opts.min)) {
        err(
          key,
          opts.min !== undefined
            ? message('xlsx.numberAtLeast', { min: opts.min, value: v })
            : message('xlsx.number', { value: v }),
        );
        return undefined;
      }
      return n;
    };

    const projectCode = required('projectCode');
    const projectName = required('projectName');
    const partText = get('part') || '基本';
    const part = PARTS.get(partText);
    if (!part) err('part', message('xlsx.useOneOf', { options: ['基本', '未成年人'], value: partText }));
    const contentCode = required('contentCode');
    const contentName = required('contentName');
    const code = required('code');
    const text = required('text');
    const points = number('points', { required: true, min: 0 });
    const methodText = required('method');
    const method = METHODS.get(methodText);
    if (methodText && !method)
      err('method', message('xlsx.useOneOf', { options: Object.values(METHOD_LABELS), value: methodText }));
    if (method && part === 'main' && !grouped.has(method)) {
      err('method', message('xlsx.methodNotGrouped', { method: METHOD_LABELS[method] }));
    }
    const ruleText = required('rule');
    const kind = RULES.get(ruleText);
    if (ruleText && !kind)
      err('rule', message('xlsx.useOneOf', { options: Object.values(RULE_LABELS), value: ruleText }));
    let rule: ScoringRule | undefined;
    if (kind === 'deduction') {
      const perFinding = number('perFinding', { required: true, min: 0 });
      if (perFinding !== undefined && points !== undefined && perFinding > points) {
        err('perFinding', message('xlsx.findingTooCostly'));
      }
      if (perFinding !== undefined) rule = { kind, perFinding };
    } else if (kind === 'threshold') {
      const comparatorText = get('comparator') || '>=';
      const comparator = COMPARATORS.get(comparatorText as never);
      if (!comparator) err('comparator', message('xlsx.useOneOf', { options: ['>=', '<='], value: comparatorText }));
      const target = number('target', { required: true });
      const partialText = get('partial') || '不得分';
      const partial = PARTIALS.get(partialText);
      if (!partial) err('partial', message('xlsx.useOneOf', { options: ['不得分', '按比例'], value: partialText }));
      const indicatorCode = get('indicatorCode') || undefined;
      if (comparator && target !== undefined && partial) rule = { kind, comparator, target, partial, indicatorCode };
    } else if (kind) {
      rule = { kind };
    }
    const siteTypes = get('siteTypes')
      .split(/[、,，;；\s]+/)
      .filter(Boolean);
    for (const s of siteTypes) if (!sites.has(s)) err('siteTypes', message('xlsx.unknownSiteType', { siteType: s }));

    if (code) {
      const before = seen.get(code);
      if (before !== undefined) err('code', message('xlsx.standardTwice', { code, row: before }));
      else seen.set(code, rowNumber);
    }
    if (!projectCode || !contentCode || !code || !rule || !method || points === undefined || !part) return;
    const parsed = FrameworkStandard.safeParse({ code, text, method, points, rule, siteTypes });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = (issue.path[0] === 'rule' ? 'rule' : (issue.path[0] as ColumnKey)) ?? 'code';
        err(COLUMNS.some((c) => c.key === key) ? key : 'code', issueMessage(issue));
      }
      return;
    }
    let project = projectByCode.get(projectCode);
    if (!project) {
      project = { code: projectCode, name: projectName, part, contents: [] };
      projectByCode.set(projectCode, project);
      projects.push(project);
    } else if (project.part !== part) {
      err('part', message('xlsx.projectPartEarlier', { code: projectCode, part: PART_LABELS[project.part] }));
    }
    let content = contentByCode.get(contentCode);
    if (!content) {
      content = { project: projectCode, content: { code: contentCode, name: contentName, standards: [] } };
      contentByCode.set(contentCode, content);
      project.contents.push(content.content);
    } else if (content.project !== projectCode) {
      err('contentCode', `content ${contentCode} belongs to project ${content.project} on an earlier row`);
    }
    content.content.standards.push(parsed.data);
  });
  if (rows === 0) errors.push({ field: `${SHEET}`, message: message('framework.noStandards') });
  if (projects.some((p) => p.part === 'minors') && !settings.minors) {
    errors.push({ field: header('part'), message: message('framework.noMinors') });
  }
  if (errors.length > 0) throw importFailed(errors);
  return { projects, rows };
}

function importFailed(errors: ServerFieldError[]): AppError {
  return new AppError('IMPORT_FAILED', importSummary(errors), errors.slice(0, 200));
}

/** The framework's standards in the template (an empty template when `doc` is null). */
export async function frameworkWorkbook(doc: FrameworkDocument | null): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const project of doc?.projects ?? []) {
    for (const content of project.contents) {
      for (const s of content.standards) {
        const rule = s.rule;
        sheet.addRow({
          projectCode: project.code,
          projectName: project.name,
          part: PART_LABELS[project.part],
          contentCode: content.code,
          contentName: content.name,
          code: s.code,
          text: s.text,
          points: s.points,
          method: METHOD_LABELS[s.method],
          rule: RULE_LABELS[rule.kind],
          perFinding: rule.kind === 'deduction' ? rule.perFinding : null,
          indicatorCode: rule.kind === 'threshold' ? (rule.indicatorCode ?? null) : null,
          comparator: rule.kind === 'threshold' ? (rule.comparator === 'gte' ? '>=' : '<=') : null,
          target: rule.kind === 'threshold' ? rule.target : null,
          partial: rule.kind === 'threshold' ? PARTIAL_LABELS[rule.partial] : null,
          siteTypes: s.siteTypes.join('、'),
        });
      }
    }
  }
  if (doc) {
    const info = workbook.addWorksheet('说明');
    info.columns = [{ width: 18 }, { width: 80 }];
    info.addRows([
      ['版本', doc.edition],
      ['名称', doc.name],
      ['说明', doc.notice ?? ''],
      ['测评方法', Object.values(METHOD_LABELS).join('、')],
      ['计分规则', '扣分（每处扣分）、比例（合格数/检查数）、达标（指标与目标值比较）、满意度（0-100）'],
      ['点位类型', doc.siteTypes.map((s) => `${s.code}=${s.name}`).join('、')],
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
