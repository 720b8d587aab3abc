import { Link } from 'react-router';
import { Breadcrumb } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import type { NavEntry, NavGroup } from './navigation.tsx';
import styles from './layout.module.css';

/** 工作台 / group / page (/ 详情 below a list page): where the person is, on every staff page. */
export function Breadcrumbs({
  current,
  pathname,
}: {
  current: { group: NavGroup | null; entry: NavEntry } | undefined;
  pathname: string;
}) {
  const t = useT();
  const items: { key: string; title: React.ReactNode }[] = [];
  const atHome = current?.entry.path === '/home';
  items.push({ key: 'home', title: atHome ? t('nav.home') : <Link to="/home">{t('nav.home')}</Link> });
  if (current && !atHome) {
    if (current.group) items.push({ key: 'group', title: t(current.group.label) });
    const deeper = pathname !== current.entry.path;
    items.push({
      key: 'entry',
      title: deeper ? <Link to={current.entry.path}>{t(current.entry.label)}</Link> : t(current.entry.label),
    });
    if (deeper) items.push({ key: 'detail', title: t('shell.crumb.detail') });
  }
  return <Breadcrumb items={items} className={styles.breadcrumb} data-testid="breadcrumb" />;
}
