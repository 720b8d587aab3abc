import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { Permission } from '@chuangcheng/core';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';

interface CaseNavEntry {
  path: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  permission: Permission;
}

/** The 问题案件 menu group (built in layout/AppLayout.tsx): each role sees its own queue first, then the shared pages. */
export const casesNavigation: CaseNavEntry[] = [
  {
    path: '/cases/dispatch',
    label: 'nav.caseDispatch',
    testId: 'nav-case-dispatch',
    icon: <SendOutlined />,
    permission: 'case.dispatch',
  },
  {
    path: '/cases/unit',
    label: 'nav.caseUnit',
    testId: 'nav-case-unit',
    icon: <CarryOutOutlined />,
    permission: 'case.handle',
  },
  {
    path: '/cases/verify',
    label: 'nav.caseVerify',
    testId: 'nav-case-verify',
    icon: <AuditOutlined />,
    permission: 'case.verify',
  },
  { path: '/cases', label: 'nav.caseAll', testId: 'nav-case-all', icon: <SearchOutlined />, permission: 'case.read' },
  {
    path: '/cases/stats',
    label: 'nav.caseStats',
    testId: 'nav-case-stats',
    icon: <BarChartOutlined />,
    permission: 'case.read',
  },
  {
    path: '/cases/map',
    label: 'nav.caseMap',
    testId: 'nav-case-map',
    icon: <EnvironmentOutlined />,
    permission: 'case.read',
  },
  {
    path: '/cases/config',
    label: 'nav.caseConfig',
    testId: 'nav-case-config',
    icon: <SettingOutlined />,
    permission: 'case.configure',
  },
];
