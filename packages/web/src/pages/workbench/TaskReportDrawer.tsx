import { Drawer, Space, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { MyTask } from '@chuangcheng/core';
import { StatusTag } from '../supervision/StatusTag.tsx';
import { ReportForm } from './ReportForm.tsx';
import { ReportHistory } from './ReportHistory.tsx';
import { useReportHistory } from './api.ts';
import { usePlan } from '../plans/api.ts';

interface Props {
  task: MyTask | null;
  onClose: () => void;
  /** A report was saved, submitted or deleted: the task list's status may have changed. */
  onChanged: () => void;
}

/** One task of the unit: the report being written and the history of what was filed. */
export function TaskReportDrawer({ task, onClose, onChanged }: Props) {
  const t = useT();
  const { data: plan } = usePlan(task?.planCode);
  const { data: history } = useReportHistory(task?.taskId);

  const current =
    task && plan && history
      ? {
          plan,
          planTask: plan.programmes.flatMap((p) => p.tasks).find((item) => item.id === task.taskId),
          reports: history.items,
        }
      : null;
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
            onChanged={onChanged}
          />
          <div>
            <Typography.Title level={5}>{t('reports.history')}</Typography.Title>
            <ReportHistory reports={current.reports} onChanged={onChanged} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
