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
import { actionContext } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
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
  const { db } = deps;
  const route = actorRoutes(app, ['cases']);
  route.get(
    '/cases/categories',
    { summary: 'All case categories, inactive included', response: CaseCategoryList },
    async () => ({ items: (await caseRepository.listCategories(db, false)).map(presentCategory) }),
  );
  route.patch(
    '/cases/categories/:code',
    {
      summary: "Change a category's time limit, default unit or use (province administrators)",
      params: CaseCategoryParams,
      body: UpdateCategoryRequest,
      response: CaseCategory,
    },
    ({ ctx, params, body }) => updateCategory(db, ctx, params.code, body),
  );
  route.get(
    '/cases/settings',
    { summary: 'Duplicate suggestion distance and window', response: CaseSettings },
    ({ actor }) => readSettings(db, actor),
  );
  route.put(
    '/cases/settings',
    {
      summary: 'Change the duplicate distance and window (province administrators)',
      body: CaseSettings,
      response: CaseSettings,
    },
    ({ ctx, body }) => updateSettings(db, ctx, body),
  );
  route.get(
    '/cases/holidays',
    { summary: 'The holiday calendar in use', querystring: HolidayQuery, response: HolidayList },
    ({ actor, query }) => readHolidays(db, actor, query.year),
  );
  route.get(
    '/cases/holidays/coverage',
    {
      summary: 'Years the holiday calendar lacks: this year, and from 1 October the next (the settings page warns)',
      querystring: HolidayCoverageQuery,
      response: CalendarCoverage,
    },
    ({ actor, query }) => readCalendarCoverage(db, actor, query.on),
  );
  route.get(
    '/cases/dispatch-rules',
    { summary: 'Dispatch rules in your scope', response: DispatchRuleList },
    ({ actor }) => listDispatchRules(db, actor),
  );
  route.post(
    '/cases/dispatch-rules',
    {
      summary: 'Name the unit for a region (and category)',
      body: CreateDispatchRule,
      response: DispatchRule,
      status: 201,
    },
    ({ ctx, body }) => createDispatchRule(db, ctx, body),
  );
  app.delete(
    '/cases/dispatch-rules/:id',
    { schema: { tags: ['cases'], summary: 'Delete a dispatch rule', params: CaseIdParams } },
    async (request, reply) => {
      await deleteDispatchRule(db, actionContext(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
