import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson, PlanFile, type PlanTarget, type TargetScope } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile, type DataPath, type YamlSource } from '../../data-files/yaml.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { regionLookup } from '../regions/index.ts';
import { planPolicy } from './policy.ts';
import { planRepository } from './repository.ts';

/** A plan file checked against the schema and against the database's regions, groups and units. */
export type ValidatedPlan = {
  source: YamlSource;
  plan: PlanFile;
  /** Organisation id for every unit name the plan uses. */
  unitIds: Map<string, string>;
  checksum: string;
};

export type PlanImportResult = {
  code: string;
  version: number;
  unchanged: boolean;
  programmes: number;
  tasks: number;
  targets: number;
  milestones: number;
  retired: number;
};

function scopesOf(plan: PlanFile): { scope: TargetScope; path: DataPath }[] {
  const scopes: { scope: TargetScope; path: DataPath }[] = plan.goalTargets.map((t, i) => ({
    scope: t.scope,
    path: ['goalTargets', i, 'scope'],
  }));
  plan.programmes.forEach((p, pi) =>
    p.tasks.forEach((task, ti) => {
      task.targets.forEach((t, i) =>
        scopes.push({ scope: t.scope, path: ['programmes', pi, 'tasks', ti, 'targets', i, 'scope'] }),
      );
      task.milestones.forEach((m, i) =>
        scopes.push({ scope: m.scope, path: ['programmes', pi, 'tasks', ti, 'milestones', i, 'scope'] }),
      );
    }),
  );
  return scopes;
}

/**
 * Reads and checks a plan file: the schema first, then every reference. Unknown units,
 * regions and groups are reported with their line; nothing is ever created for them.
 */
export async function validatePlanFile(db: Kysely<Database>, file: string): Promise<ValidatedPlan> {
  const source = readYamlFile(file);
  const plan = parseYamlData(source, PlanFile);
  const problems = new ImportProblems(source);

  const issuing = await regionLookup.findByCode(db, plan.plan.issuingRegion);
  if (!issuing) problems.add(['plan', 'issuingRegion'], `unknown region code ${plan.plan.issuingRegion}`);

  const names = [
    ...new Set(plan.programmes.flatMap((p) => p.tasks.flatMap((t) => [...t.leadUnits, ...t.participatingUnits]))),
  ];
  // A unit must belong to the issuing region or below it: 省住建厅 of another province is not ours.
  const found = (await planRepository.orgUnitsByName(db, names)).filter(
    (u) => !issuing || u.region_path === issuing.path || u.region_path.startsWith(`${issuing.path}/`),
  );
  const unitIds = new Map<string, string>();
  for (const unit of found) {
    if (unitIds.has(unit.name) && unitIds.get(unit.name) !== unit.id) unitIds.set(unit.name, 'ambiguous');
    else unitIds.set(unit.name, unit.id);
  }
  plan.programmes.forEach((p, pi) =>
    p.tasks.forEach((task, ti) => {
      const check = (list: 'leadUnits' | 'participatingUnits') =>
        task[list].forEach((name, ui) => {
          const id = unitIds.get(name);
          const path = ['programmes', pi, 'tasks', ti, list, ui];
          if (!id) problems.add(path, `unknown responsible unit ${name}; add it to the organisations first`);
          else if (id === 'ambiguous') problems.add(path, `more than one organisation is named ${name}`);
        });
      check('leadUnits');
      check('participatingUnits');
    }),
  );

  const scopes = scopesOf(plan);
  const regionCodes = [...new Set(scopes.flatMap(({ scope }) => (scope.kind === 'regions' ? scope.regionCodes : [])))];
  const groupCodes = [...new Set(scopes.flatMap(({ scope }) => (scope.kind === 'groups' ? scope.groupCodes : [])))];
  const knownRegions = new Set((await regionLookup.namesOf(db, regionCodes)).map((r) => r.code));
  const knownGroups = new Set((await regionLookup.existingGroupCodes(db, groupCodes)).map((g) => g.code));
  for (const { scope, path } of scopes) {
    if (scope.kind === 'regions') {
      scope.regionCodes.forEach((code, i) => {
        if (!knownRegions.has(code)) problems.add([...path, 'regionCodes', i], `unknown region code ${code}`);
      });
    } else if (scope.kind === 'groups') {
      scope.groupCodes.forEach((code, i) => {
        if (!knownGroups.has(code)) problems.add([...path, 'groupCodes', i], `unknown region group ${code}`);
      });
    }
  }
  problems.throwIfAny();
  const checksum = crypto.createHash('sha256').update(canonicalJson(plan)).digest('hex');
  return { source, plan, unitIds, checksum };
}

function targetRow(target: PlanTarget, taskId: string | null, position: number) {
  return {
    task_id: taskId,
    code: target.code,
    title: target.title,
    comparator: target.comparator,
    value: target.value,
    value_max: target.valueMax ?? null,
    unit: target.unit,
    baseline_value: target.baseline?.value ?? null,
    baseline_year: target.baseline?.year ?? null,
    deadline: target.deadline,
    direction: target.direction,
    scope: target.scope,
    source_text: target.sourceText,
    note: target.note ?? null,
    position,
  };
}

/**
 * Imports a validated plan as a new version, all or nothing. Re-importing an identical
 * file changes nothing; a revised file becomes the next version, keeping the ids of
 * tasks and targets it still lists (and so the progress reported against them).
 */
export async function importPlan(
  db: Kysely<Database>,
  actor: Actor,
  validated: ValidatedPlan,
  requestId?: string,
): Promise<PlanImportResult> {
  const { plan, unitIds, checksum, source } = validated;
  const issuing = await regionLookup.findByCode(db, plan.plan.issuingRegion);
  planPolicy.canImport(actor, issuing!.path);
  return db.transaction().execute(async (trx) => {
    const existing = await planRepository.findByCode(trx, plan.plan.code);
    const counts = {
      programmes: plan.programmes.length,
      tasks: plan.programmes.reduce((n, p) => n + p.tasks.length, 0),
      targets:
        plan.goalTargets.length +
        plan.programmes.reduce((n, p) => n + p.tasks.reduce((m, t) => m + t.targets.length, 0), 0),
      milestones: plan.programmes.reduce((n, p) => n + p.tasks.reduce((m, t) => m + t.milestones.length, 0), 0),
    };
    if (existing) {
      const current = await planRepository.findVersion(trx, existing.id, existing.current_version);
      if (current?.checksum === checksum) {
        return { code: plan.plan.code, version: existing.current_version, unchanged: true, retired: 0, ...counts };
      }
    }
    const planId = existing?.id ?? crypto.randomUUID();
    const version = (existing?.current_version ?? 0) + 1;
    const header = {
      name: plan.plan.name,
      issuing_region_code: plan.plan.issuingRegion,
      period_start: plan.plan.period.start,
      period_end: plan.plan.period.end,
      reporting_cadence: plan.plan.reportingCadence,
      supervision_rules: JSON.stringify(plan.plan.supervision ?? {}),
      current_version: version,
    };
    if (existing) await planRepository.updatePlan(trx, planId, header);
    else await planRepository.insertPlan(trx, { id: planId, code: plan.plan.code, ...header });
    await planRepository.insertVersion(trx, {
      plan_id: planId,
      version,
      document: plan,
      source_name: source.fileName,
      checksum,
      imported_by: actor.username,
    });

    let targetPosition = 0;
    for (const target of plan.goalTargets) {
      await planRepository.upsertByCode(trx, 'plan_target', planId, targetRow(target, null, targetPosition++));
    }
    let taskPosition = 0;
    let milestonePosition = 0;
    for (const [pi, programme] of plan.programmes.entries()) {
      const programmeId = await planRepository.upsertProgramme(trx, planId, {
        code: programme.code,
        title: programme.title,
        position: pi,
      });
      for (const task of programme.tasks) {
        const taskId = await planRepository.upsertTask(trx, planId, {
          programmeId,
          number: task.number,
          title: task.title,
          text: task.text,
          unitsAsWritten: task.unitsAsWritten ?? null,
          position: taskPosition++,
        });
        await planRepository.replaceTaskUnits(trx, taskId, [
          ...task.leadUnits.map((name, i) => ({ orgUnitId: unitIds.get(name)!, role: 'lead' as const, position: i })),
          ...task.participatingUnits.map((name, i) => ({
            orgUnitId: unitIds.get(name)!,
            role: 'participating' as const,
            position: task.leadUnits.length + i,
          })),
        ]);
        for (const target of task.targets) {
          await planRepository.upsertByCode(trx, 'plan_target', planId, targetRow(target, taskId, targetPosition++));
        }
        for (const milestone of task.milestones) {
          await planRepository.upsertByCode(trx, 'plan_milestone', planId, {
            task_id: taskId,
            code: milestone.code,
            title: milestone.title,
            due: milestone.due,
            scope: milestone.scope,
            source_text: milestone.sourceText,
            position: milestonePosition++,
          });
        }
      }
    }
    const tasks = plan.programmes.flatMap((p) => p.tasks);
    let retired = 0;
    retired += await planRepository.retireMissing(
      trx,
      'plan_programme',
      planId,
      plan.programmes.map((p) => p.code),
      version,
    );
    retired += await planRepository.retireMissing(
      trx,
      'plan_task',
      planId,
      tasks.map((t) => t.number),
      version,
    );
    retired += await planRepository.retireMissing(
      trx,
      'plan_target',
      planId,
      [...plan.goalTargets, ...tasks.flatMap((t) => t.targets)].map((t) => t.code),
      version,
    );
    retired += await planRepository.retireMissing(
      trx,
      'plan_milestone',
      planId,
      tasks.flatMap((t) => t.milestones.map((m) => m.code)),
      version,
    );
    const result = { code: plan.plan.code, version, unchanged: false, retired, ...counts };
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'plan.import',
        entityType: 'plan',
        entityId: planId,
        regionCode: plan.plan.issuingRegion,
        after: { ...result, source: source.fileName, checksum },
      },
    );
    // The cockpit evaluates the plans' targets (deadline, value, scope): its kept evaluations go.
    await emitEvent(trx, { name: 'plan.imported', payload: { planCode: plan.plan.code, version } });
    return result;
  });
}
