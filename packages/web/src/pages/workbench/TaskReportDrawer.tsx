import { useCallback, useEffect, useState } from 'react';
import { Drawer, Space, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { PlanDetail, PlanTask } from '../plans/types.ts';
import { StatusTag } from '../supervision/StatusTag.tsx';
import type { MyTask, Report } from '../supervision/types.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReportHistory } from './ReportHistory.tsx';

interface Props {
  task: MyTask | null;
  onClose: () => void;
  /** A report was saved, submitted or deleted: the task list's status may have changed. */
  onChanged: () => void;
}

interface Loaded {
  taskId: string;
  plan: PlanDetail;
  planTask: PlanTask | undefined;
  reports: Report[];
}

/** One task of the unit: the report being written and the history of what was filed. */
export function TaskReportDrawer({ task, onClose, onChanged }: Props) {
  const t = useT();
  const showError = useApiError();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!task) return;
    let cancelled = false;
    Promise.all([
      api.get<PlanDetail>(`/api/v1/plans/${encodeURIComponent(task.planCode)}`),
      api.get<{ items: Report[] }>(`/api/v1/tasks/${task.taskId}/reports`),
    ])
      .then(([plan, history]) => {
        if (cancelled) return;
        const planTask = plan.programmes.flatMap((p) => p.tasks).find((item) => item.id === task.taskId);
        setLoaded({ taskId: task.taskId, plan, planTask, reports: history.items });
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [task, reloads, showError]);

  const changed = useCallback(() => {
    setReloads((n) => n + 1);
    onChanged();
  }, [onChanged]);

  const current = task && loaded?.taskId === task.taskId ? loaded : null;
  const draft = current?.reports.find((report) => report.status === 'draft') ?? null;

  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      size={920}
      destroyOnHidden
      loading={task !== null && current === null}
      title={
        task && (
          <Space>
            <Typography.Text strong>{task.number}</Typography.Text>
            <span>{task.title}</span>
            <StatusTag status={task.status} colour={task.colour} />
          </Space>
        )
      }
      data-testid="report-drawer"
    >
      {task && current && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <ReportForm
            key={draft?.id ?? 'new'}
            taskId={task.taskId}
            plan={current.plan}
            milestones={current.planTask?.milestones ?? []}
            draft={draft}
            reports={current.reports}
            missingPeriods={task.missingPeriods}
            onChanged={changed}
          />
          <div>
            <Typography.Title level={5}>{t('reports.history')}</Typography.Title>
            <ReportHistory reports={current.reports} onChanged={changed} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
