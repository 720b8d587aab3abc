import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import type { PlanDetail, PlanSummary } from '../plans/types.ts';

/** The current plan (the first the server lists), for task pickers and plan-wide views. */
export function useCurrentPlan(): PlanDetail | null {
  const showError = useApiError();
  const [plan, setPlan] = useState<PlanDetail | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Items<PlanSummary>>('/api/v1/plans')
      .then(async ({ items }) => {
        const first = items[0];
        if (!first) return;
        const detail = await api.get<PlanDetail>(`/api/v1/plans/${encodeURIComponent(first.code)}`);
        if (!cancelled) setPlan(detail);
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [showError]);

  return plan;
}

/** Just the current plan's code, without loading the whole plan. */
export function useCurrentPlanCode(): string | null {
  const showError = useApiError();
  const [code, setCode] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Items<PlanSummary>>('/api/v1/plans')
      .then(({ items }) => {
        if (!cancelled) setCode(items[0]?.code ?? null);
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [showError]);

  return code;
}
