import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ScopeLabel } from './ScopeLabel.tsx';
import { targetInWords } from './target-format.ts';
import type { LocatedTarget } from './all-targets.ts';

interface Props {
  targets: LocatedTarget[];
  onOpenTask: (taskNumber: string) => void;
}

/** Every target of the plan on one screen, soonest deadline first: what the provincial office scans. */
export function AllTargetsTable({ targets, onOpenTask }: Props) {
  const t = useT();
  const columns: TableColumnsType<LocatedTarget> = [
    {
      title: t('plans.allTargets.task'),
      key: 'task',
      width: 110,
      render: (_task, { taskNumber }) =>
        taskNumber === null ? (
          <Tag color="gold">{t('plans.allTargets.goal')}</Tag>
        ) : (
          <a onClick={() => onOpenTask(taskNumber)} data-testid={`plan-target-task-${taskNumber}`}>
            {t('plans.allTargets.taskNumber', { number: taskNumber })}
          </a>
        ),
    },
    {
      title: t('plans.target.title'),
      key: 'title',
      ellipsis: { showTitle: false },
      render: (_title, { target }) => (
        <Tooltip title={t('plans.quoted', { text: target.sourceText })} placement="topLeft">
          <span>{target.title}</span>
        </Tooltip>
      ),
    },
    {
      title: t('plans.target.value'),
      key: 'value',
      width: 150,
      render: (_value, { target }) => <Typography.Text strong>{targetInWords(target, t)}</Typography.Text>,
    },
    {
      title: t('plans.target.deadline'),
      key: 'deadline',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.target.deadline.localeCompare(b.target.deadline),
      render: (_deadline, { target }) => target.deadline,
    },
    {
      title: t('plans.target.scope'),
      key: 'scope',
      width: 220,
      render: (_scope, { target }) => <ScopeLabel scope={target.scope} />,
    },
  ];
  return (
    <Table<LocatedTarget>
      rowKey={(row) => row.target.id}
      size="small"
      columns={columns}
      dataSource={targets}
      pagination={false}
      data-testid="plan-all-targets"
    />
  );
}
