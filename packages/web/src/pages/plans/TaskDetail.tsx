import { Card, Space, Tag, Typography } from 'antd';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList } from '../../components/RecordDrawer.tsx';
import { TaskUnitsStatus } from '../supervision/TaskUnitsStatus.tsx';
import { MilestoneTable } from './MilestoneTable.tsx';
import { TargetTable } from './TargetTable.tsx';
import type { NamedUnit, PlanTaskView } from '@chuangcheng/core';
import styles from './plans.module.css';

interface UnitTagsProps {
  units: NamedUnit[];
  lead?: boolean;
  testId: string;
}

function UnitTags({ units, lead = false, testId }: UnitTagsProps) {
  const t = useT();
  if (units.length === 0) return <Typography.Text type="secondary">{t('plans.task.noUnits')}</Typography.Text>;
  return (
    <Space size={[0, 6]} wrap data-testid={testId}>
      {units.map((unit) => (
        <Tag key={unit.id} color={lead ? 'blue' : undefined} variant={lead ? 'solid' : 'filled'} title={unit.code}>
          {unit.name}
        </Tag>
      ))}
    </Space>
  );
}

/** One task: its full paragraph, who leads and who helps, its targets and milestones. */
export function TaskDetail({ task }: { task: PlanTaskView }) {
  const t = useT();
  const maySupervise = useCan('supervision.read');
  const units = [
    {
      key: 'lead',
      label: (
        <Tag color="blue" variant="outlined">
          {t('plans.task.lead')}
        </Tag>
      ),
      children: <UnitTags units={task.leadUnits} lead testId="plan-task-lead" />,
    },
    {
      key: 'participating',
      label: <Tag variant="outlined">{t('plans.task.participating')}</Tag>,
      children: <UnitTags units={task.participatingUnits} testId="plan-task-participating" />,
    },
    ...(task.unitsAsWritten
      ? [
          {
            key: 'asWritten',
            label: t('plans.task.unitsAsWritten'),
            children: <span data-testid="plan-task-units-as-written">{task.unitsAsWritten}</span>,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <span>
          <span className={styles.taskNumber}>{task.number}</span>
          {task.title}
        </span>
      }
      data-testid="plan-task-detail"
    >
      <Typography.Paragraph className={styles.text} data-testid="plan-task-text">
        {task.text}
      </Typography.Paragraph>
      <FactList labelWidth={140} items={units} />

      <Typography.Title level={5} className={styles.sectionTitle}>
        {t('plans.task.targets', { count: task.targets.length })}
      </Typography.Title>
      {task.targets.length > 0 ? (
        <TargetTable targets={task.targets} testId="plan-task-targets" />
      ) : (
        <Typography.Text type="secondary">{t('plans.task.noTargets')}</Typography.Text>
      )}

      <Typography.Title level={5} className={styles.sectionTitle}>
        {t('plans.task.milestones', { count: task.milestones.length })}
      </Typography.Title>
      {task.milestones.length > 0 ? (
        <MilestoneTable milestones={task.milestones} />
      ) : (
        <Typography.Text type="secondary">{t('plans.task.noMilestones')}</Typography.Text>
      )}

      {maySupervise && (
        <>
          <Typography.Title level={5} className={styles.sectionTitle}>
            {t('plans.task.supervision')}
          </Typography.Title>
          <TaskUnitsStatus taskId={task.id} taskNumber={task.number} />
        </>
      )}
    </Card>
  );
}
