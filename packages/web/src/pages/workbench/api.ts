import type { MyTaskList, ReportHistory, Workbench } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The workbench module's read (the 工作台 of the person's day) and the reports module's reads as the
 * workbench and the supervision pages show them, typed by the core schemas the server answers with.
 */

/** The 工作台 on a day; nothing is asked while `asOf` is not yet known. */
export function useWorkbench(asOf: string | null | undefined, options?: ApiQueryOptions): ApiQuery<Workbench> {
  return useApiQuery(asOf ? withQuery('/api/v1/workbench', { asOf }) : null, options);
}

/** The tasks of the person's unit with their status, latest report and draft. */
export function useMyTasks(): ApiQuery<MyTaskList> {
  return useApiQuery('/api/v1/my/tasks');
}

/** Every report version on a task (one unit's when `orgUnitId` is given); nothing while `taskId` is null. */
export function useReportHistory(
  taskId: string | null | undefined,
  orgUnitId?: string,
  options?: ApiQueryOptions,
): ApiQuery<ReportHistory> {
  return useApiQuery(
    taskId ? withQuery(`/api/v1/tasks/${encodeURIComponent(taskId)}/reports`, { orgUnitId }) : null,
    options,
  );
}
