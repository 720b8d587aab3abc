import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { statusColumn } from '../supervision/StatusTag.tsx';
import type { MyTask } from '@chuangcheng/core';
import { MyActionItems } from './MyActionItems.tsx';
import { MyNotices } from './MyNotices.tsx';
import { TaskReportDrawer } from './TaskReportDrawer.tsx';
import styles from '../supervision/supervision.module.css';
import { useMyTasks } from './api.ts';

/** 我的任务: the unit's tasks with their three-colour status, its notices and action items. */
export default function WorkbenchPage() {
  const t = useT();
  const me = useMe();
  const { data, failed, reload } = useMyTasks();
  const tasks = data?.items ?? (failed ? [] : null);
  const [open, setOpen] = useState<MyTask | null>(null);

  const columns: TableColumnsType<MyTask> = [
    {
      title: t('workbench.task'),
      key: 'task',
      render: (_, task) => (
        <span>
          <Typography.Text strong>{task.number}</Typography.Text> {task.title}
          {task.role === 'lead' && (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              {t('plans.task.lead')}
            </Tag>
          )}
        </span>
      ),
    },
    statusColumn<MyTask>(t, (task) => task.status),
    { title: t('workbench.nextDue'), dataIndex: 'nextDue', width: 120 },
    {
      title: t('workbench.missing'),
      key: 'missing',
      width: 220,
      render: (_, task) =>
        task.missingPeriods.length === 0 ? (
          '—'
        ) : (
          <Typography.Text type="danger" title={task.missingPeriods.join(', ')} className={styles.nowrap}>
            {t('workbench.missingCount', {
              count: task.missingPeriods.length,
              latest: task.missingPeriods.at(-1) ?? '',
            })}
          </Typography.Text>
        ),
    },
    {
      title: t('workbench.latest'),
      key: 'latest',
      width: 150,
      render: (_, task) =>
        task.draft ? (
          <Tag>{t('workbench.draftFor', { period: task.draft.period })}</Tag>
        ) : (
          (task.latestReport?.period ?? '—')
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, task) => (
        <Button size="small" type="primary" onClick={() => setOpen(task)} data-testid={`workbench-open-${task.number}`}>
          {t('workbench.report')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('workbench.title')} extra={<Typography.Text type="secondary">{me.orgUnitName}</Typography.Text>}>
        <Table<MyTask>
          rowKey="taskId"
          columns={columns}
          dataSource={tasks ?? []}
          loading={tasks === null}
          pagination={false}
          size="middle"
          data-testid="workbench-tasks"
          locale={{ emptyText: t('workbench.noTasks') }}
        />
      </Card>
      <MyNotices />
      <MyActionItems />
      <TaskReportDrawer task={open} onClose={() => setOpen(null)} onChanged={reload} />
    </Space>
  );
}
