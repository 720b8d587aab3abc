import type { PlanDetail, PlanList, PlanVersions } from '@chuangcheng/core';
import type { z } from 'zod';
import { useApiQuery, type ApiQuery } from '../../api/useApiQuery.ts';

/**
 * The plans module's reads, typed by the core schemas the server answers with (the same zod
 * schemas validate and document the routes). Each is a cached query keyed by its URL.
 */

const base = '/api/v1/plans';
const segment = encodeURIComponent;

/** The plans in the person's scope, newest period first. */
export function usePlans(): ApiQuery<z.infer<typeof PlanList>> {
  return useApiQuery(base);
}

/** One plan with its programmes, tasks, targets and milestones (nothing while `code` is null). */
export function usePlan(code: string | null | undefined): ApiQuery<PlanDetail> {
  return useApiQuery(code ? `${base}/${segment(code)}` : null);
}

/** The imported versions of a plan; nothing is asked while `enabled` is false (a closed popover). */
export function usePlanVersions(code: string, enabled = true): ApiQuery<z.infer<typeof PlanVersions>> {
  return useApiQuery(enabled ? `${base}/${segment(code)}/versions` : null);
}

/** Just the current plan's code (the first the server lists), without loading the whole plan. */
export function useCurrentPlanCode(): string | null {
  return usePlans().data?.items[0]?.code ?? null;
}

/** The current plan, for task pickers and plan-wide views. */
export function useCurrentPlan(): PlanDetail | null {
  return usePlan(useCurrentPlanCode()).data;
}
