import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Spin } from 'antd';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PublisherProvider, usePublisher } from './publisher.tsx';
import styles from './public.module.css';

/** Whose pages these are: the office, its hotline and the privacy statement, on every public page. */
function PublicFooter() {
  const { t, language } = useI18n();
  const publisher = usePublisher();
  return (
    <footer className={styles.footer} data-testid="public-footer">
      {publisher && <div>{t('public.footer.office', { office: publisher.office[language] })}</div>}
      {publisher?.hotline && (
        <div>
          {t('public.footer.hotline')}{' '}
          <a href={`tel:${publisher.hotline.number}`} data-testid="public-hotline">
            {publisher.hotline.number}
          </a>
          {publisher.hotline.hours && ` (${publisher.hotline.hours[language]})`}
        </div>
      )}
      <Link to="/privacy" data-testid="public-privacy-link">
        {t('public.privacy.title')}
      </Link>
    </footer>
  );
}

/** The residents' pages: no account, no menu; one narrow column that fits a phone. */
export default function PublicLayout() {
  const { t } = useI18n();
  return (
    <PublisherProvider>
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
        <PublicFooter />
      </div>
    </PublisherProvider>
  );
}
