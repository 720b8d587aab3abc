import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  NumberOutlined,
} from '@ant-design/icons';
import type { Permission } from '@chuangcheng/core';
import type { MessageKey } from '../i18n/I18nProvider.tsx';

export interface NavEntry {
  path: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  permission?: Permission;
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  entries: NavEntry[];
}

/**
 * The menu groups the offices know from every government system: 督查督办, 指标, then 测评 and
 * 案件 (their own navigation files), then 系统. Each entry is hidden unless the role may use it,
 * and a group with nothing left is not shown.
 */
export const supervisionGroup: NavGroup = {
  key: 'supervision-group',
  label: 'nav.group.supervision',
  testId: 'nav-group-supervision',
  icon: <DashboardOutlined />,
  entries: [
    { path: '/plans', label: 'nav.plans', testId: 'nav-plans', icon: <FlagOutlined />, permission: 'plan.read' },
    {
      path: '/workbench',
      label: 'nav.workbench',
      testId: 'nav-workbench',
      icon: <FormOutlined />,
      permission: 'report.write',
    },
    {
      path: '/supervision',
      label: 'nav.board',
      testId: 'nav-supervision',
      icon: <DashboardOutlined />,
      permission: 'supervision.read',
    },
    {
      path: '/supervision/notices',
      label: 'nav.notices',
      testId: 'nav-notices',
      icon: <NotificationOutlined />,
      permission: 'supervision.read',
    },
    {
      path: '/supervision/instructions',
      label: 'nav.instructions',
      testId: 'nav-instructions',
      icon: <SolutionOutlined />,
      permission: 'supervision.read',
    },
    {
      path: '/supervision/meetings',
      label: 'nav.meetings',
      testId: 'nav-meetings',
      icon: <ScheduleOutlined />,
      permission: 'supervision.read',
    },
  ],
};

export const indicatorsGroup: NavGroup = {
  key: 'indicators-group',
  label: 'nav.group.indicators',
  testId: 'nav-group-indicators',
  icon: <LineChartOutlined />,
  entries: [
    {
      path: '/cockpit',
      label: 'nav.cockpit',
      testId: 'nav-cockpit',
      icon: <FundProjectionScreenOutlined />,
      permission: 'indicator.read',
    },
    {
      path: '/indicators',
      label: 'nav.indicators',
      testId: 'nav-indicators',
      icon: <LineChartOutlined />,
      permission: 'indicator.read',
    },
    {
      path: '/data-entry',
      label: 'nav.dataEntry',
      testId: 'nav-data-entry',
      icon: <DatabaseOutlined />,
      permission: 'data.enter',
    },
    {
      path: '/data-approvals',
      label: 'nav.dataApprovals',
      testId: 'nav-data-approvals',
      icon: <CheckSquareOutlined />,
      permission: 'data.approve',
    },
  ],
};

export const systemGroup: NavGroup = {
  key: 'system-group',
  label: 'nav.group.system',
  testId: 'nav-group-system',
  icon: <SettingOutlined />,
  entries: [
    {
      path: '/regions',
      label: 'nav.regions',
      testId: 'nav-regions',
      icon: <EnvironmentOutlined />,
      permission: 'region.read',
    },
    {
      path: '/region-groups',
      label: 'nav.regionGroups',
      testId: 'nav-region-groups',
      icon: <ClusterOutlined />,
      permission: 'region.read',
    },
    {
      path: '/org-units',
      label: 'nav.orgUnits',
      testId: 'nav-org-units',
      icon: <ApartmentOutlined />,
      permission: 'org.read',
    },
    { path: '/users', label: 'nav.users', testId: 'nav-users', icon: <TeamOutlined />, permission: 'user.read' },
    {
      path: '/supervision/office-prefixes',
      label: 'nav.officePrefix',
      testId: 'nav-office-prefix',
      icon: <NumberOutlined />,
      permission: 'supervision.write',
    },
    { path: '/audit', label: 'nav.audit', testId: 'nav-audit', icon: <AuditOutlined />, permission: 'audit.read' },
  ],
};
