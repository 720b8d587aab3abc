import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { Card } from 'antd';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { PlanList } from './PlanList.tsx';
import { PlanView } from './PlanView.tsx';
import type { PlanSummary } from './types.ts';

/** 行动计划: `/plans/<code>` shows one plan; `/plans` opens the only plan, or lists them. */
export default function PlansPage() {
  const { code } = useParams();
  if (code) return <PlanView code={code} />;
  return <PlanIndex />;
}

function PlanIndex() {
  const showError = useApiError();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Items<PlanSummary>>('/api/v1/plans')
      .then(({ items }) => {
        if (!cancelled) setPlans(items);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setPlans([]);
        showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [showError]);

  if (!plans) return <Card loading />;
  const only = plans.length === 1 ? plans[0] : undefined;
  if (only) return <Navigate to={`/plans/${encodeURIComponent(only.code)}`} replace />;
  return <PlanList plans={plans} />;
}
