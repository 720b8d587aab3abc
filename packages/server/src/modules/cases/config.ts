import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  message,
  calendarCoverage,
  chinaDate,
  isWithinScope,
  type CaseCategory,
  type CaseSettings,
  type CreateDispatchRule,
  type DispatchRule,
  type UpdateCategoryRequest,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { generationRepository } from '../../cache/generation.ts';
import { calendarYears } from './calendar.ts';
import { calendarRepository } from './calendar-repository.ts';
import { casePolicy } from './policy.ts';
import { caseRepository } from './repository.ts';
import { requireLeafCategory } from './intake.ts';
import { presentCategory } from './read.ts';

type RuleRow = NonNullable<Awaited<ReturnType<typeof caseRepository.findRuleById>>>;

const present = (r: RuleRow): DispatchRule => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  categoryCode: r.category_code,
  orgUnit: { id: r.unit_id, name: r.unit_name },
});

/** Every case category, inactive included (the settings page's list and its export). */
export async function listCategories(db: Kysely<Database>, actor: Actor): Promise<CaseCategory[]> {
  authorize(actor, 'case.read');
  return (await caseRepository.listCategories(db, false)).map(presentCategory);
}

export async function listDispatchRules(db: Kysely<Database>, actor: Actor) {
  authorize(actor, 'case.read');
  return { items: (await caseRepository.listRules(db, actor.regionPath)).map(present) };
}

/** Names the unit that handles a category (or every category) in a region and below it. */
export async function createDispatchRule(
  db: Kysely<Database>,
  ctx: { actor: Actor; requestId?: string },
  body: CreateDispatchRule,
): Promise<DispatchRule> {
  const region = await caseRepository.findRegion(db, body.regionCode);
  if (!region)
    throw invalid([{ field: 'body.regionCode', message: message('field.noRegion', { code: body.regionCode }) }]);
  casePolicy.canConfigure(ctx.actor, region.path);
  if (body.categoryCode) await requireLeafCategory(db, body.categoryCode, 'body.categoryCode');
  const unit = await caseRepository.findOrgUnit(db, body.orgUnitId);
  if (!unit || !isWithinScope(ctx.actor.regionPath, unit.region_path)) {
    throw invalid([{ field: 'body.orgUnitId', message: message('field.orgNotInScope') }]);
  }
  const id = crypto.randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      const row = { id, region_code: region.code, category_code: body.categoryCode ?? null, org_unit_id: unit.id };
      await caseRepository.insertRule(trx, row);
      await recordAudit(trx, ctx, {
        action: 'case.dispatch_rule.create',
        entityType: 'case_dispatch_rule',
        entityId: id,
        regionCode: region.code,
        prefectureCode: region.prefecture_code,
        after: row,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw conflict(message('case.ruleExists'), [
        { field: 'body.categoryCode', message: message('case.ruleExistsField') },
      ]);
    }
    throw error;
  }
  return present((await caseRepository.findRuleById(db, id))!);
}

export async function deleteDispatchRule(db: Kysely<Database>, ctx: { actor: Actor; requestId?: string }, id: string) {
  const rule = await caseRepository.findRuleById(db, id);
  if (!rule || !isWithinScope(ctx.actor.regionPath, rule.path)) throw notFound('dispatchRule', id);
  casePolicy.canConfigure(ctx.actor, rule.path);
  await db.transaction().execute(async (trx) => {
    await caseRepository.deleteRule(trx, id);
    await recordAudit(trx, ctx, {
      action: 'case.dispatch_rule.delete',
      entityType: 'case_dispatch_rule',
      entityId: id,
      regionCode: rule.region_code,
      before: { regionCode: rule.region_code, categoryCode: rule.category_code, orgUnitId: rule.unit_id },
    });
  });
}

export async function readHolidays(db: Kysely<Database>, actor: Actor, year?: number) {
  authorize(actor, 'case.read');
  const years = await calendarYears(db);
  return { items: year === undefined ? years : years.filter((y) => y.year === year) };
}

/**
 * Whether the holiday calendar covers this year and, from 1 October, the next (core
 * calendarCoverage), judged on `on` (a China-time day; default today): the settings page warns.
 */
export async function readCalendarCoverage(db: Kysely<Database>, actor: Actor, on?: string) {
  authorize(actor, 'case.read');
  const years = await calendarRepository.years(db);
  return calendarCoverage(
    years.map((row) => row.year),
    on ?? chinaDate(new Date()),
  );
}

/**
 * Changes a category's time limit, default unit or whether it is in use. Categories serve the whole
 * province, so only an administrator whose scope is the province may change them. New limits apply
 * to cases reported afterwards; existing deadlines stay.
 */
export async function updateCategory(
  db: Kysely<Database>,
  ctx: { actor: Actor; requestId?: string },
  code: string,
  body: UpdateCategoryRequest,
): Promise<CaseCategory> {
  const root = await caseRepository.root(db);
  casePolicy.canConfigure(ctx.actor, root?.path ?? ctx.actor.regionPath);
  const before = await caseRepository.findCategory(db, code);
  if (!before) throw notFound('category', code);
  if (before.parent_code === null && (body.timeLimit || body.defaultUnitName !== undefined)) {
    throw invalid([
      {
        field: body.timeLimit ? 'body.timeLimit' : 'body.defaultUnitName',
        message: message('case.categoryIsGroup', { code }),
      },
    ]);
  }
  const patch: Record<string, unknown> = {};
  if (body.timeLimit) Object.assign(patch, { limit_amount: body.timeLimit.amount, limit_unit: body.timeLimit.unit });
  if (body.active !== undefined) patch.active = body.active;
  if (body.defaultUnitName !== undefined) patch.default_unit_name = body.defaultUnitName;
  if (body.dayRule !== undefined) patch.day_rule = body.dayRule;
  await db.transaction().execute(async (trx) => {
    await caseRepository.updateCategory(trx, code, patch);
    await recordAudit(trx, ctx, {
      action: 'case.category.update',
      entityType: 'case_category',
      entityId: code,
      before: presentCategory(before),
      after: body,
    });
    // Every server's kept categories (intake-reference.ts) are dropped once this commits.
    await generationRepository.advance(trx, 'case-reference');
  });
  return presentCategory((await caseRepository.findCategory(db, code))!);
}

export async function readSettings(db: Kysely<Database>, actor: Actor): Promise<CaseSettings> {
  authorize(actor, 'case.read');
  const row = await caseRepository.settings(db);
  return {
    duplicateMetres: row.duplicate_metres,
    duplicateDays: row.duplicate_days,
    stageLimits: row.stage_limits,
  };
}

/** The duplicate distance and window and the stage limits serve the whole province: province administrators only. */
export async function updateSettings(
  db: Kysely<Database>,
  ctx: { actor: Actor; requestId?: string },
  body: CaseSettings,
): Promise<CaseSettings> {
  const root = await caseRepository.root(db);
  casePolicy.canConfigure(ctx.actor, root?.path ?? ctx.actor.regionPath);
  const before = await readSettings(db, ctx.actor);
  await db.transaction().execute(async (trx) => {
    await caseRepository.updateSettings(trx, body.duplicateMetres, body.duplicateDays, body.stageLimits);
    await recordAudit(trx, ctx, {
      action: 'case.settings.update',
      entityType: 'case_setting',
      entityId: 'duplicates',
      before,
      after: body,
    });
    await generationRepository.advance(trx, 'case-reference');
  });
  return readSettings(db, ctx.actor);
}
