import { Link } from 'react-router';
import { Button, Card, Skeleton, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePublicTitle, usePublisher } from './publisher.tsx';

/** The privacy statement of the office that runs the public pages (data/public/<data set>.yaml). */
export default function PrivacyPage() {
  const { t, language } = useI18n();
  const publisher = usePublisher();
  usePublicTitle('public.privacy.title');
  return (
    <Card title={t('public.privacy.title')} data-testid="public-privacy">
      {publisher ? (
        <>
          <Typography.Paragraph strong>{publisher.office[language]}</Typography.Paragraph>
          {publisher.privacy[language].map((paragraph) => (
            <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
          ))}
        </>
      ) : (
        <Skeleton active />
      )}
      <Link to="/public">
        <Button>{t('case.public.back')}</Button>
      </Link>
    </Card>
  );
}
