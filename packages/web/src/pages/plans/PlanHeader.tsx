import { Card, Descriptions, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { cadenceKeys } from './target-format.ts';
import type { PlanSummary } from '@chuangcheng/core';
import { VersionsPopover } from './VersionsPopover.tsx';

/** The plan's name, who issued it, its period and which imported version is shown. */
export function PlanHeader({ plan }: { plan: PlanSummary }) {
  const t = useT();
  return (
    <Card size="small" data-testid="plan-header">
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="plan-name">
        {plan.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'issuer', label: t('plans.issuingRegion'), children: plan.issuingRegion.name },
          {
            key: 'period',
            label: t('plans.period'),
            children: t('plans.periodRange', { start: plan.period.start, end: plan.period.end }),
          },
          { key: 'cadence', label: t('plans.cadence'), children: t(cadenceKeys[plan.reportingCadence]) },
          {
            key: 'version',
            label: t('plans.version'),
            children: <VersionsPopover planCode={plan.code} currentVersion={plan.currentVersion} />,
          },
        ]}
      />
    </Card>
  );
}
