import { Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ScopeLabel } from './ScopeLabel.tsx';
import type { PlanMilestoneView } from '@chuangcheng/core';
import styles from './plans.module.css';

/** Dated deliverables of a task, earliest first as the plan lists them. */
export function MilestoneTable({ milestones }: { milestones: PlanMilestoneView[] }) {
  const t = useT();
  const columns: TableColumnsType<PlanMilestoneView> = [
    {
      title: t('plans.milestone.title'),
      dataIndex: 'title',
      render: (_title: string, milestone) => (
        <>
          <Typography.Text strong>{milestone.title}</Typography.Text>
          <Typography.Text type="secondary" className={styles.quote}>
            {t('plans.quoted', { text: milestone.sourceText })}
          </Typography.Text>
        </>
      ),
    },
    { title: t('plans.milestone.due'), dataIndex: 'due', width: 110 },
    {
      title: t('plans.target.scope'),
      key: 'scope',
      width: 200,
      render: (_scope, milestone) => <ScopeLabel scope={milestone.scope} />,
    },
  ];
  return (
    <Table<PlanMilestoneView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={milestones}
      pagination={false}
      data-testid="plan-task-milestones"
    />
  );
}
