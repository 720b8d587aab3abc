import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Layout, Menu, Spin, type MenuProps } from 'antd';
import { AlertOutlined, FileTextOutlined, HomeOutlined, TrophyOutlined } from '@ant-design/icons';
import { can, type Role } from '@chuangcheng/core';
import { useMe } from '../auth/AuthProvider.tsx';
import { useT, type Translate } from '../i18n/I18nProvider.tsx';
import { AppHeader } from './AppHeader.tsx';
import { AsOfProvider } from './AsOfProvider.tsx';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { indicatorsGroup, supervisionGroup, systemGroup, type NavEntry, type NavGroup } from './navigation.tsx';
import { evaluationNavigation } from '../pages/evaluation/navigation.tsx';
import { casesNavigation } from '../pages/cases/navigation.tsx';
import styles from './layout.module.css';

const homeEntry: NavEntry = { path: '/home', label: 'nav.home', testId: 'nav-home', icon: <HomeOutlined /> };

/** Every group of the menu in its order; 测评 and 案件 keep their entries in their own folders. */
const menuGroups: NavGroup[] = [
  supervisionGroup,
  indicatorsGroup,
  {
    key: 'evaluation',
    label: 'nav.evaluation',
    testId: 'nav-evaluation',
    icon: <TrophyOutlined />,
    entries: evaluationNavigation,
  },
  { key: 'cases', label: 'nav.cases', testId: 'nav-cases', icon: <AlertOutlined />, entries: casesNavigation },
  systemGroup,
];

/**
 * Groups open at first: the one holding the current page, and 督查督办, 指标 and 系统, whose
 * entries stood at the top level before the menu was grouped (links and habits point at them).
 */
const openAtFirst = new Set([supervisionGroup.key, indicatorsGroup.key, systemGroup.key]);

const allowed = (role: Role, entry: NavEntry) => !entry.permission || can(role, entry.permission);

function entryItem(entry: NavEntry, t: Translate) {
  return {
    key: entry.path,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={entry.testId}>
        {t(entry.label)}
      </Link>
    ),
  };
}

/** The longest matching path wins, so /supervision/notices is not shown as /supervision. */
function currentEntry(pathname: string): { group: NavGroup | null; entry: NavEntry } | undefined {
  const candidates = [
    { group: null, entry: homeEntry },
    ...menuGroups.flatMap((group) => group.entries.map((entry) => ({ group, entry }))),
  ];
  return candidates
    .filter(({ entry }) => pathname === entry.path || pathname.startsWith(`${entry.path}/`))
    .sort((a, b) => b.entry.path.length - a.entry.path.length)[0];
}

export function AppLayout() {
  const me = useMe();
  const t = useT();
  const location = useLocation();

  const groups: NonNullable<MenuProps['items']> = menuGroups.flatMap((group) => {
    const children = group.entries.filter((entry) => allowed(me.role, entry)).map((entry) => entryItem(entry, t));
    if (children.length === 0) return [];
    return [
      { key: group.key, icon: group.icon, label: <span data-testid={group.testId}>{t(group.label)}</span>, children },
    ];
  });
  const items: MenuProps['items'] = [
    entryItem(homeEntry, t),
    ...groups,
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
  const current = currentEntry(location.pathname);
  const open = menuGroups
    .filter((group) => openAtFirst.has(group.key) || group === current?.group)
    .map((group) => group.key);

  return (
    <AsOfProvider>
      <Layout className={styles.shell}>
        <AppHeader />
        <Layout>
          <Layout.Sider width={208} theme="light" className={styles.sider} breakpoint="lg" collapsedWidth={0}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={current ? [current.entry.path] : []}
              defaultOpenKeys={open}
              className={styles.menu}
            />
          </Layout.Sider>
          <Layout.Content className={styles.content}>
            <Breadcrumbs current={current} pathname={location.pathname} />
            <Suspense fallback={<Spin className={styles.pageSpin} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AsOfProvider>
  );
}
