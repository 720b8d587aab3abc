import type { Kysely } from 'kysely';
import {
  message,
  ReportingCadence,
  type PlanDetail,
  type PlanFile,
  type PlanSummary,
  type PlanTargetView,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { regionLookup } from '../regions/index.ts';
import { planPolicy } from './policy.ts';
import { planRepository } from './repository.ts';

type TargetRow = Awaited<ReturnType<typeof planRepository.listTargets>>[number];

function presentTarget(row: TargetRow): PlanTargetView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    comparator: row.comparator,
    value: Number(row.value),
    valueMax: row.value_max === null ? null : Number(row.value_max),
    unit: row.unit,
    baseline:
      row.baseline_year === null
        ? null
        : { value: row.baseline_value === null ? null : Number(row.baseline_value), year: row.baseline_year },
    deadline: row.deadline,
    direction: row.direction,
    scope: row.scope,
    sourceText: row.source_text,
    note: row.note,
  };
}

async function getReadablePlan(db: Kysely<Database>, actor: Actor, code: string) {
  const plan = await planRepository.findByCode(db, code);
  if (!plan) throw notFound('plan', code);
  const region = await regionLookup.findByCode(db, plan.issuing_region_code);
  planPolicy.canRead(actor, region!.path);
  return { plan, region: region! };
}

/** Plans issued in or above the actor's scope, newest period first. */
export async function listPlans(db: Kysely<Database>, actor: Actor): Promise<PlanSummary[]> {
  const rows = await planRepository.list(db);
  return rows
    .filter((row) => planPolicy.isReadable(actor, row.issuing_region_path))
    .map((row) => ({
      code: row.code,
      name: row.name,
      issuingRegion: { code: row.issuing_region_code, name: row.issuing_region_name },
      period: { start: row.period_start, end: row.period_end },
      reportingCadence: parseStored(ReportingCadence, row.reporting_cadence, 'plan.reporting_cadence'),
      currentVersion: row.current_version,
    }));
}

/** The current version of a plan as a tree: programmes → tasks → units, targets, milestones. */
export async function readPlan(db: Kysely<Database>, actor: Actor, code: string): Promise<PlanDetail> {
  const { plan, region } = await getReadablePlan(db, actor, code);
  const [version, programmes, tasks, units, targets, milestones] = await Promise.all([
    planRepository.findVersion(db, plan.id, plan.current_version),
    planRepository.listProgrammes(db, plan.id),
    planRepository.listTasks(db, plan.id),
    planRepository.listTaskUnits(db, plan.id),
    planRepository.listTargets(db, plan.id),
    planRepository.listMilestones(db, plan.id),
  ]);
  const document = version!.document;
  const unitsOf = (taskId: string, role: string) =>
    units.filter((u) => u.task_id === taskId && u.role === role).map((u) => ({ id: u.id, code: u.code, name: u.name }));
  return {
    code: plan.code,
    name: plan.name,
    issuingRegion: { code: region.code, name: region.name },
    period: { start: plan.period_start, end: plan.period_end },
    reportingCadence: parseStored(ReportingCadence, plan.reporting_cadence, 'plan.reporting_cadence'),
    currentVersion: plan.current_version,
    preamble: document.preamble ?? null,
    guidingIdeology: document.guidingIdeology,
    principles: document.principles,
    goals: document.goals,
    goalTargets: targets.filter((t) => t.task_id === null).map(presentTarget),
    programmes: programmes.map((programme) => ({
      code: programme.code,
      title: programme.title,
      tasks: tasks
        .filter((task) => task.programme_id === programme.id)
        .map((task) => ({
          id: task.id,
          number: task.number,
          title: task.title,
          text: task.text,
          leadUnits: unitsOf(task.id, 'lead'),
          participatingUnits: unitsOf(task.id, 'participating'),
          unitsAsWritten: task.units_as_written,
          targets: targets.filter((t) => t.task_id === task.id).map(presentTarget),
          milestones: milestones
            .filter((m) => m.task_id === task.id)
            .map((m) => ({
              id: m.id,
              code: m.code,
              title: m.title,
              due: m.due,
              scope: m.scope,
              sourceText: m.source_text,
            })),
        })),
    })),
    workRequirements: document.workRequirements,
  };
}

export async function listPlanVersions(db: Kysely<Database>, actor: Actor, code: string) {
  const { plan } = await getReadablePlan(db, actor, code);
  const rows = await planRepository.listVersions(db, plan.id);
  return rows.map((r) => ({
    version: r.version,
    sourceName: r.source_name,
    checksum: r.checksum,
    importedAt: r.imported_at.toISOString(),
    importedBy: r.imported_by,
  }));
}

/** The stored document of one version (the current one by default), for export. */
export async function getPlanDocument(
  db: Kysely<Database>,
  code: string,
  version?: number,
): Promise<{ version: number; document: PlanFile }> {
  const plan = await planRepository.findByCode(db, code);
  if (!plan) throw notFound('plan', code);
  const wanted = version ?? plan.current_version;
  const row = await planRepository.findVersion(db, plan.id, wanted);
  if (!row)
    throw notFound(message('notFound.versionOf', { thing: message('record.plan'), owner: code, version: wanted }));
  return { version: wanted, document: row.document };
}
