import type { Items } from '../../api/types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import type { PlanDetail, PlanSummary } from '../plans/types.ts';

/** Just the current plan's code (the first the server lists), without loading the whole plan. */
export function useCurrentPlanCode(): string | null {
  const { data } = useApiQuery<Items<PlanSummary>>('/api/v1/plans');
  return data?.items[0]?.code ?? null;
}

/** The current plan, for task pickers and plan-wide views. */
export function useCurrentPlan(): PlanDetail | null {
  const code = useCurrentPlanCode();
  return useApiQuery<PlanDetail>(code === null ? null : `/api/v1/plans/${encodeURIComponent(code)}`).data;
}
