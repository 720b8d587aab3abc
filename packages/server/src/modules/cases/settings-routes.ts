import {
  CalendarCoverage,
  CaseCategory,
  CaseCategoryList,
  CaseCategoryParams,
  CaseIdParams,
  CaseSettings,
  CreateDispatchRule,
  DispatchRule,
  DispatchRuleList,
  HolidayCoverageQuery,
  HolidayList,
  HolidayQuery,
  UpdateCategoryRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import {
  createDispatchRule,
  deleteDispatchRule,
  listDispatchRules,
  readCalendarCoverage,
  readHolidays,
  readSettings,
  updateCategory,
  updateSettings,
} from './config.ts';
import { presentCategory } from './read.ts';
import { caseRepository } from './repository.ts';

/** Categories, duplicate settings, the holiday calendar and dispatch rules. */
export async function caseSettingsRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];
  app.get(
    '/cases/categories',
    { schema: { tags, summary: 'All case categories, inactive included', response: { 200: CaseCategoryList } } },
    async (request) => {
      requireActor(request);
      return { items: (await caseRepository.listCategories(deps.db, false)).map(presentCategory) };
    },
  );
  app.patch(
    '/cases/categories/:code',
    {
      schema: {
        tags,
        summary: "Change a category's time limit, default unit or use (province administrators)",
        params: CaseCategoryParams,
        body: UpdateCategoryRequest,
        response: { 200: CaseCategory },
      },
    },
    async (request) =>
      updateCategory(
        deps.db,
        { actor: requireActor(request), requestId: request.id },
        request.params.code,
        request.body,
      ),
  );
  app.get(
    '/cases/settings',
    { schema: { tags, summary: 'Duplicate suggestion distance and window', response: { 200: CaseSettings } } },
    async (request) => readSettings(deps.db, requireActor(request)),
  );
  app.put(
    '/cases/settings',
    {
      schema: {
        tags,
        summary: 'Change the duplicate distance and window (province administrators)',
        body: CaseSettings,
        response: { 200: CaseSettings },
      },
    },
    async (request) => updateSettings(deps.db, { actor: requireActor(request), requestId: request.id }, request.body),
  );
  app.get(
    '/cases/holidays',
    {
      schema: {
        tags,
        summary: 'The holiday calendar in use',
        querystring: HolidayQuery,
        response: { 200: HolidayList },
      },
    },
    async (request) => readHolidays(deps.db, requireActor(request), request.query.year),
  );
  app.get(
    '/cases/holidays/coverage',
    {
      schema: {
        tags,
        summary: 'Years the holiday calendar lacks: this year, and from 1 October the next (the settings page warns)',
        querystring: HolidayCoverageQuery,
        response: { 200: CalendarCoverage },
      },
    },
    async (request) => readCalendarCoverage(deps.db, requireActor(request), request.query.on),
  );
  app.get(
    '/cases/dispatch-rules',
    { schema: { tags, summary: 'Dispatch rules in your scope', response: { 200: DispatchRuleList } } },
    async (request) => listDispatchRules(deps.db, requireActor(request)),
  );
  app.post(
    '/cases/dispatch-rules',
    {
      schema: {
        tags,
        summary: 'Name the unit for a region (and category)',
        body: CreateDispatchRule,
        response: { 201: DispatchRule },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDispatchRule(deps.db, { actor: requireActor(request), requestId: request.id }, request.body)),
  );
  app.delete(
    '/cases/dispatch-rules/:id',
    { schema: { tags, summary: 'Delete a dispatch rule', params: CaseIdParams } },
    async (request, reply) => {
      await deleteDispatchRule(deps.db, { actor: requireActor(request), requestId: request.id }, request.params.id);
      return reply.code(204).send();
    },
  );
}
