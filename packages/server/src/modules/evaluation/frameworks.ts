import crypto from 'node:crypto';
import {
  issueMessage,
  message,
  canonicalJson,
  checkFramework,
  diffStandards,
  FrameworkDocument,
  standardsOf,
  type FrameworkDetail,
  type FrameworkSummary,
} from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile } from '../../data-files/yaml.ts';
import { AppError, conflict, invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { regionLookup } from '../regions/index.ts';
import { frameworkRepository, type FrameworkRow } from './framework-repository.ts';
import { frameworkWorkbook, readFrameworkWorkbook } from './framework-xlsx.ts';
import { evaluationPolicy } from './policy.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

const checksumOf = (doc: FrameworkDocument) => crypto.createHash('sha256').update(canonicalJson(doc)).digest('hex');

function summary(row: FrameworkRow, doc: FrameworkDocument, standardCount: number): FrameworkSummary {
  return {
    id: row.id,
    edition: row.edition,
    name: row.name,
    isModel: row.is_model,
    ownerRegionCode: row.owner_region_code,
    cityGroups: doc.cityGroups,
    version: row.current_version,
    standardCount,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Every framework edition, with its current version. */
export async function listFrameworks(db: Db, actor: Actor): Promise<FrameworkSummary[]> {
  evaluationPolicy.canRead(actor);
  const rows = await frameworkRepository.list(db);
  return rows.map((r) => summary(r, r.document, r.standard_count));
}

/** A framework edition at a version (default: its current one), with its version history. */
export async function readFramework(db: Db, actor: Actor, id: string, version?: number): Promise<FrameworkDetail> {
  evaluationPolicy.canRead(actor);
  const row = await frameworkRepository.findById(db, id);
  if (!row) throw notFound('framework', id);
  const v = await frameworkRepository.findVersion(db, id, version ?? row.current_version);
  if (!v)
    throw notFound(
      message('notFound.versionOf', {
        thing: message('record.framework'),
        owner: row.edition,
        version: version ?? row.current_version,
      }),
    );
  const document = v.document;
  const versions = await frameworkRepository.listVersions(db, id);
  return {
    ...summary(row, document, v.standard_count),
    version: v.version,
    document,
    versions: versions.map((x) => ({
      version: x.version,
      note: x.note,
      checksum: x.checksum,
      createdBy: x.created_by_name,
      createdAt: new Date(x.created_at).toISOString(),
      changes: { added: x.added, removed: x.removed, changed: x.changed },
    })),
  };
}

/** Problems the schema cannot see, as 400 errors naming `<prefix>.<field>`. */
function assertSound(doc: FrameworkDocument, prefix: string): void {
  const problems = checkFramework(doc);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ field: `${prefix}.${p.field}`, message: p.message })));
}

async function writeVersion(
  trx: Db,
  ctx: Context,
  framework: { id: string; edition: string; ownerRegionCode: string; version: number },
  doc: FrameworkDocument,
  previous: FrameworkDocument | null,
  note: string,
): Promise<void> {
  const changes = diffStandards(previous, doc);
  await frameworkRepository.insertVersion(trx, {
    id: crypto.randomUUID(),
    framework_id: framework.id,
    version: framework.version,
    document: JSON.stringify(doc),
    checksum: checksumOf(doc),
    standard_count: standardsOf(doc).length,
    note,
    ...changes,
    created_by: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
    created_by_name: ctx.actor.username,
  });
  await recordAudit(trx, ctx, {
    action: framework.version === 1 ? 'evaluation.framework.create' : 'evaluation.framework.revise',
    entityType: 'evaluation_framework',
    entityId: framework.id,
    regionCode: framework.ownerRegionCode,
    after: { edition: framework.edition, version: framework.version, note, ...changes, checksum: checksumOf(doc) },
  });
}

/** A new edition, owned by the actor's region. Its edition code must be new. */
export async function createFramework(
  db: Db,
  ctx: Context,
  request: { document: FrameworkDocument; note: string },
  prefix = 'body.document',
): Promise<string> {
  evaluationPolicy.canManageAt(ctx.actor, ctx.actor.regionPath);
  const doc = request.document;
  assertSound(doc, prefix);
  return db.transaction().execute(async (trx) => {
    if (await frameworkRepository.findByEdition(trx, doc.edition)) {
      throw conflict(message('framework.editionExists', { edition: doc.edition }), [
        { field: `${prefix}.edition`, message: message('framework.editionTaken') },
      ]);
    }
    const id = crypto.randomUUID();
    await frameworkRepository.insert(trx, {
      id,
      edition: doc.edition,
      name: doc.name,
      owner_region_code: ctx.actor.regionCode,
      is_model: doc.isModel,
      current_version: 1,
    });
    await writeVersion(
      trx,
      ctx,
      { id, edition: doc.edition, ownerRegionCode: ctx.actor.regionCode, version: 1 },
      doc,
      null,
      request.note,
    );
    return id;
  });
}

/**
 * A new version of an edition (the edition code stays). An identical document is a no-op.
 * Rounds keep the version they were opened with.
 */
export async function reviseFramework(
  db: Db,
  ctx: Context,
  id: string,
  request: { document: FrameworkDocument; note: string },
  prefix = 'body.document',
): Promise<{ unchanged: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await frameworkRepository.findByIdForUpdate(trx, id);
    if (!row) throw notFound('framework', id);
    const owner = await regionLookup.findByCode(trx, row.owner_region_code);
    evaluationPolicy.canManageAt(ctx.actor, owner!.path);
    const doc = request.document;
    if (doc.edition !== row.edition) {
      throw invalid([
        { field: `${prefix}.edition`, message: message('framework.editionStays', { edition: row.edition }) },
      ]);
    }
    assertSound(doc, prefix);
    const current = (await frameworkRepository.findVersion(trx, id, row.current_version))!;
    if (current.checksum === checksumOf(doc)) return { unchanged: true };
    const version = row.current_version + 1;
    await writeVersion(
      trx,
      ctx,
      { id, edition: row.edition, ownerRegionCode: row.owner_region_code, version },
      doc,
      current.document,
      request.note,
    );
    await frameworkRepository.setCurrent(trx, id, { current_version: version, name: doc.name, is_model: doc.isModel });
    return { unchanged: false };
  });
}

/** A new edition from an existing one: both coexist, rounds pick either. */
export async function copyFramework(
  db: Db,
  ctx: Context,
  id: string,
  request: { edition: string; name: string },
): Promise<string> {
  const source = await readFramework(db, ctx.actor, id);
  const document = { ...source.document, edition: request.edition, name: request.name };
  try {
    return await createFramework(
      db,
      ctx,
      { document, note: `copied from ${source.edition} v${source.version}` },
      'body',
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      throw conflict(message('framework.editionExistsShort', { edition: request.edition }), [
        { field: 'body.edition', message: message('framework.editionTaken') },
      ]);
    }
    throw error;
  }
}

/**
 * Replaces an edition's standards with those of an Excel template, keeping its settings
 * (weights, thresholds, negative list). All or nothing: any row error refuses the file.
 */
export async function importFrameworkWorkbook(db: Db, ctx: Context, id: string, buffer: Buffer) {
  const current = await readFramework(db, ctx.actor, id);
  const owner = await regionLookup.findByCode(db, current.ownerRegionCode);
  evaluationPolicy.canManageAt(ctx.actor, owner!.path);
  const { projects, rows } = await readFrameworkWorkbook(buffer, current.document);
  const parsed = FrameworkDocument.safeParse({ ...current.document, projects });
  if (!parsed.success) {
    throw new AppError(
      'IMPORT_FAILED',
      message('framework.invalidStandards'),
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: issueMessage(i) })),
    );
  }
  const problems = checkFramework(parsed.data);
  if (problems.length > 0) {
    throw new AppError('IMPORT_FAILED', message('import.errorsCount', { count: problems.length }), problems);
  }
  const { unchanged } = await reviseFramework(db, ctx, id, {
    document: parsed.data,
    note: `imported from Excel (${rows} standards)`,
  });
  const after = await readFramework(db, ctx.actor, id);
  return { framework: after, standards: rows, unchanged };
}

/**
 * The empty template: the header row, one example row and the explanation sheet, taken from the
 * first framework edition (its first standard), so the example always matches a loaded framework.
 */
export async function templateWorkbook(db: Db, actor: Actor): Promise<Buffer> {
  evaluationPolicy.canRead(actor);
  const [first] = await frameworkRepository.list(db);
  if (!first) return frameworkWorkbook(null);
  const doc = first.document;
  const project = doc.projects[0]!;
  const content = project.contents[0]!;
  const example = { ...project, contents: [{ ...content, standards: content.standards.slice(0, 1) }] };
  return frameworkWorkbook({ ...doc, projects: [example] });
}

export async function exportFrameworkWorkbook(db: Db, actor: Actor, id: string, version?: number) {
  const framework = await readFramework(db, actor, id, version);
  return { framework, buffer: await frameworkWorkbook(framework.document) };
}

/**
 * Loads a framework file (data/frameworks/*.yaml): a new edition, or a new version of the
 * edition with the same code; an identical file changes nothing. Errors name `file:line:field`.
 */
export async function loadFrameworkFile(db: Db, ctx: Context, file: string) {
  const source = readYamlFile(file);
  const doc = parseYamlData(source, FrameworkDocument);
  const problems = new ImportProblems(source);
  for (const p of checkFramework(doc)) {
    problems.add(
      p.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      p.message,
    );
  }
  problems.throwIfAny();
  const existing = await frameworkRepository.findByEdition(db, doc.edition);
  if (!existing) {
    const id = await createFramework(db, ctx, { document: doc, note: `loaded from ${source.fileName}` });
    return { id, edition: doc.edition, version: 1, created: true, unchanged: false };
  }
  const { unchanged } = await reviseFramework(db, ctx, existing.id, {
    document: doc,
    note: `loaded from ${source.fileName}`,
  });
  const row = (await frameworkRepository.findById(db, existing.id))!;
  return { id: existing.id, edition: doc.edition, version: row.current_version, created: false, unchanged };
}

/**
 * The CLI's import: a YAML framework file (a new edition or a new version of its edition), or
 * an Excel template replacing the standards of the edition named by `edition`.
 */
export async function importFrameworkFile(db: Db, ctx: Context, file: string, edition?: string) {
  if (!file.toLowerCase().endsWith('.xlsx')) return loadFrameworkFile(db, ctx, file);
  if (!edition) throw invalid([{ field: '--edition', message: message('framework.nameEdition') }]);
  const row = await frameworkRepository.findByEdition(db, edition);
  if (!row) throw notFound('frameworkEdition', edition);
  const fs = await import('node:fs');
  const result = await importFrameworkWorkbook(db, ctx, row.id, fs.readFileSync(file));
  return { id: row.id, edition, version: result.framework.version, created: false, unchanged: result.unchanged };
}

/** The CLI's export: an edition (at a version) as a YAML document or the Excel template. */
export async function exportFramework(db: Db, actor: Actor, edition: string, version?: number) {
  const row = await frameworkRepository.findByEdition(db, edition);
  if (!row) throw notFound('frameworkEdition', edition);
  return exportFrameworkWorkbook(db, actor, row.id, version);
}
