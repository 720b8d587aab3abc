import { Navigate, useParams } from 'react-router';
import { Card } from 'antd';
import { PlanList } from './PlanList.tsx';
import { PlanView } from './PlanView.tsx';
import { usePlans } from './api.ts';

/** 行动计划: `/plans/<code>` shows one plan; `/plans` opens the only plan, or lists them. */
export default function PlansPage() {
  const { code } = useParams();
  if (code) return <PlanView code={code} />;
  return <PlanIndex />;
}

function PlanIndex() {
  const { data, failed } = usePlans();
  const plans = data?.items ?? (failed ? [] : null);

  if (!plans) return <Card loading />;
  const only = plans.length === 1 ? plans[0] : undefined;
  if (only) return <Navigate to={`/plans/${encodeURIComponent(only.code)}`} replace />;
  return <PlanList plans={plans} />;
}
