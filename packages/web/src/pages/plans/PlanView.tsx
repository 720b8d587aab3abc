import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Result, Space, Tabs } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { GroupNamesContext, useLoadedGroupNames } from './group-names.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { PlanHeader } from './PlanHeader.tsx';
import { TasksTab } from './TasksTab.tsx';
import { WorkRequirementsTab } from './WorkRequirementsTab.tsx';
import { usePlan } from './api.ts';

const tabs = ['overview', 'tasks', 'work'] as const;
type Tab = (typeof tabs)[number];

/** One plan; the tab and the selected task live in the URL so a task can be linked to. */
export function PlanView({ code }: { code: string }) {
  const t = useT();
  const groupNames = useLoadedGroupNames();
  const [params, setParams] = useSearchParams();
  const { data: plan, failed } = usePlan(code);

  const taskNumber = params.get('task');
  const requested = params.get('tab');
  const tab: Tab = tabs.find((candidate) => candidate === requested) ?? (taskNumber ? 'tasks' : 'overview');

  const openTask = useCallback((number: string) => setParams({ tab: 'tasks', task: number }), [setParams]);
  const openTab = (next: string) => setParams(taskNumber ? { tab: next, task: taskNumber } : { tab: next });

  if (failed) return <Result status="warning" title={t('plans.loadFailed')} />;
  if (!plan || plan.code !== code) return <Card loading />;

  return (
    <GroupNamesContext.Provider value={groupNames}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PlanHeader plan={plan} />
        <Tabs
          activeKey={tab}
          onChange={openTab}
          data-testid="plan-tabs"
          items={[
            {
              key: 'overview',
              label: <span data-testid="plan-tab-overview">{t('plans.tab.overview')}</span>,
              children: <OverviewTab plan={plan} onOpenTask={openTask} />,
            },
            {
              key: 'tasks',
              label: <span data-testid="plan-tab-tasks">{t('plans.tab.tasks')}</span>,
              children: <TasksTab programmes={plan.programmes} selectedNumber={taskNumber} onSelect={openTask} />,
            },
            {
              key: 'work',
              label: <span data-testid="plan-tab-work">{t('plans.tab.work')}</span>,
              children: <WorkRequirementsTab work={plan.workRequirements} />,
            },
          ]}
        />
      </Space>
    </GroupNamesContext.Provider>
  );
}
