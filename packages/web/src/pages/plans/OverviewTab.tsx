import { Card, Space, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AllTargetsTable } from './AllTargetsTable.tsx';
import { TargetTable } from './TargetTable.tsx';
import type { PlanDetail } from '@chuangcheng/core';
import { allTargets } from './all-targets.ts';
import styles from './plans.module.css';

interface Props {
  plan: PlanDetail;
  onOpenTask: (taskNumber: string) => void;
}

/** 总体: the plan's opening sections, then every target of the plan in one table. */
export function OverviewTab({ plan, onOpenTask }: Props) {
  const t = useT();
  const targets = allTargets(plan);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-overview">
      <Card size="small" title={t('plans.allTargets.heading', { count: targets.length })}>
        <AllTargetsTable targets={targets} onOpenTask={onOpenTask} />
      </Card>
      <Card>
        {plan.preamble && (
          <Typography.Paragraph className={styles.text} data-testid="plan-preamble">
            {plan.preamble}
          </Typography.Paragraph>
        )}
        <Typography.Title level={5}>{t('plans.overview.guidingIdeology')}</Typography.Title>
        <Typography.Paragraph className={styles.text}>{plan.guidingIdeology}</Typography.Paragraph>

        <Typography.Title level={5} className={styles.sectionTitle}>
          {t('plans.overview.principles')}
        </Typography.Title>
        {plan.principles.map((principle) => (
          <Typography.Paragraph key={principle.title} className={styles.text}>
            <Typography.Text strong>{principle.title}</Typography.Text>
            <br />
            {principle.text}
          </Typography.Paragraph>
        ))}

        <Typography.Title level={5} className={styles.sectionTitle}>
          {t('plans.overview.goals')}
        </Typography.Title>
        <Typography.Paragraph className={styles.text}>{plan.goals}</Typography.Paragraph>
        {plan.goalTargets.length > 0 && <TargetTable targets={plan.goalTargets} testId="plan-goal-targets" />}
      </Card>
    </Space>
  );
}
