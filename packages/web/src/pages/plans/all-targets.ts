import type { PlanDetail, PlanTargetView } from '@chuangcheng/core';

/** A target with the task it belongs to; `taskNumber` is null for the plan's goal targets. */
export interface LocatedTarget {
  taskNumber: string | null;
  target: PlanTargetView;
}

/** Every target of the plan: goal targets first, then task by task in the plan's order. */
export function allTargets(plan: PlanDetail): LocatedTarget[] {
  return [
    ...plan.goalTargets.map((target) => ({ taskNumber: null, target })),
    ...plan.programmes.flatMap((programme) =>
      programme.tasks.flatMap((task) => task.targets.map((target) => ({ taskNumber: task.number, target }))),
    ),
  ];
}
