import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Input, List, Typography } from 'antd';
import { CameraOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../cases/format.ts';
import { myReports } from './report-draft.ts';
import styles from './public.module.css';

/** 随手拍: report a problem, look a case up by number, and the cases reported from this phone. */
export default function LandingPage() {
  const t = useT();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const mine = myReports(localStorage);

  const track = () => {
    const wanted = number.trim().toUpperCase();
    if (wanted) navigate(`/track/${encodeURIComponent(wanted)}`);
  };

  return (
    <>
      <div className={styles.hero}>
        <Typography.Title level={3}>{t('case.public.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('case.public.intro')}</Typography.Paragraph>
      </div>
      <Card>
        <Link to="/report">
          <Button
            type="primary"
            block
            icon={<CameraOutlined />}
            className={styles.bigButton}
            data-testid="public-report"
          >
            {t('case.public.reportButton')}
          </Button>
        </Link>
      </Card>
      <Card title={t('case.public.trackTitle')}>
        <Input.Search
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          onSearch={track}
          enterButton={t('case.public.trackButton')}
          placeholder={t('case.public.numberPlaceholder')}
          inputMode="text"
          autoCapitalize="characters"
          data-testid="public-track-number"
        />
      </Card>
      <Card title={t('case.public.myReports')} data-testid="public-my-reports">
        {mine.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.public.noReports')} />
        ) : (
          <List
            dataSource={mine}
            renderItem={(item) => (
              <List.Item
                onClick={() => navigate(`/track/${encodeURIComponent(item.number)}`)}
                style={{ cursor: 'pointer' }}
                extra={<RightOutlined />}
                data-testid={`my-report-${item.number}`}
              >
                <List.Item.Meta
                  title={item.number}
                  description={`${item.categoryName} · ${formatTime(item.reportedAt)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
