import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Spin } from 'antd';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import styles from './public.module.css';

/** The residents' pages: no account, no menu; one narrow column that fits a phone. */
export default function PublicLayout() {
  const t = useT();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link to="/public" className={styles.brand} data-testid="public-home">
          {t('case.public.brand')}
        </Link>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
