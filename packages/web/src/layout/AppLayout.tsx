import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Layout, Menu, Spin, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { can, type Permission } from '@chuangcheng/core';
import { useMe } from '../auth/AuthProvider.tsx';
import { useT, type MessageKey, type Translate } from '../i18n/I18nProvider.tsx';
import type { Me } from '../api/types.ts';
import { AppHeader } from './AppHeader.tsx';
import { AsOfProvider } from './AsOfProvider.tsx';
import { evaluationNavigation } from '../pages/evaluation/navigation.tsx';
import { casesMenuGroup, casesNavigation } from '../pages/cases/navigation.tsx';
import styles from './layout.module.css';

interface NavEntry {
  path: string;
  label: MessageKey;
  testId: string;
  icon: React.ReactNode;
  permission?: Permission;
}

/** Only modules that exist today; each entry is hidden unless the role may use it. */
const navigation: NavEntry[] = [
  { path: '/home', label: 'nav.home', testId: 'nav-home', icon: <HomeOutlined /> },
  { path: '/plans', label: 'nav.plans', testId: 'nav-plans', icon: <FlagOutlined />, permission: 'plan.read' },
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
  {
    path: '/workbench',
    label: 'nav.workbench',
    testId: 'nav-workbench',
    icon: <FormOutlined />,
    permission: 'report.write',
  },
  {
    path: '/supervision',
    label: 'nav.supervision',
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
    path: '/supervision/meetings',
    label: 'nav.meetings',
    testId: 'nav-meetings',
    icon: <ScheduleOutlined />,
    permission: 'supervision.read',
  },
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
  { path: '/audit', label: 'nav.audit', testId: 'nav-audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** 测评管理 as one submenu, holding only the entries the role may use (none: no group). */
function evaluationMenuGroup(role: Me['role'], t: Translate): NonNullable<MenuProps['items']> {
  const children = evaluationNavigation
    .filter((entry) => can(role, entry.permission))
    .map((entry) => ({
      key: entry.path,
      icon: entry.icon,
      label: (
        <Link to={entry.path} data-testid={entry.testId}>
          {t(entry.label)}
        </Link>
      ),
    }));
  if (children.length === 0) return [];
  return [
    {
      key: 'evaluation',
      icon: <TrophyOutlined />,
      label: <span data-testid="nav-evaluation">{t('nav.evaluation')}</span>,
      children,
    },
  ];
}

export function AppLayout() {
  const me = useMe();
  const t = useT();
  const location = useLocation();

  const items: MenuProps['items'] = [
    ...navigation
      .filter((entry) => !entry.permission || can(me.role, entry.permission))
      .map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        label: (
          <Link to={entry.path} data-testid={entry.testId}>
            {t(entry.label)}
          </Link>
        ),
      })),
    ...evaluationMenuGroup(me.role, t),
    ...casesMenuGroup(me.role, t),
    { type: 'divider' as const },
    {
      key: 'api-docs',
      icon: <FileTextOutlined />,
      label: (
        <a href="/api/v1/docs" target="_blank" rel="noreferrer" data-testid="nav-api-docs">
          {t('nav.apiDocs')}
        </a>
      ),
    },
  ];
  // The longest matching path wins, so /supervision/notices is not shown as /supervision.
  const selected = [...navigation, ...evaluationNavigation, ...casesNavigation]
    .filter((entry) => location.pathname.startsWith(entry.path))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  return (
    <AsOfProvider>
      <Layout className={styles.shell}>
        <AppHeader />
        <Layout>
          <Layout.Sider width={208} theme="light" className={styles.sider} breakpoint="lg" collapsedWidth={0}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              defaultOpenKeys={['evaluation', 'cases'].filter((group) => location.pathname.startsWith(`/${group}`))}
              className={styles.menu}
            />
          </Layout.Sider>
          <Layout.Content className={styles.content}>
            <Suspense fallback={<Spin className={styles.pageSpin} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AsOfProvider>
  );
}
