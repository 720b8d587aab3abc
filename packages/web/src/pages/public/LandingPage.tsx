import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import type { TrackedCaseState } from '@chuangcheng/core';
import { CameraOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CaseStatusTag, DeadlineTag } from '../cases/CaseBits.tsx';
import { trackingBadge } from '../cases/deadline.ts';
import { myReports } from './report-draft.ts';
import { usePublicTitle } from './publisher.tsx';
import styles from './public.module.css';
import { useTrackedCases } from './api.ts';
import { formatTime } from '../cases/format.ts';

/** The server answers at most 20 numbers at once; older reports show without their status. */
const STATUS_BATCH = 20;

/** 随手拍: report a problem, look a case up by number, and the cases reported from this phone. */
export default function LandingPage() {
  const t = useT();
  const navigate = useNavigate();
  usePublicTitle('public.title.landing');
  const [number, setNumber] = useState('');
  const mine = useMemo(() => myReports(localStorage), []);
  const refs = mine.slice(0, STATUS_BATCH).map((item) => `${item.number}.${item.token}`);
  // Silent: without an answer the list shows the numbers alone.
  const { data } = useTrackedCases(refs, { silent: true });
  const states = useMemo(() => new Map((data?.items ?? []).map((item) => [item.number, item])), [data]);
  const [now] = useState(() => new Date());

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
                  description={
                    <Space orientation="vertical" size={2}>
                      <span>{`${item.categoryName} · ${formatTime(item.reportedAt)}`}</span>
                      <StateLine state={states.get(item.number)} now={now} />
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

function StateLine({ state, now }: { state?: TrackedCaseState; now: Date }) {
  if (!state) return null;
  const badge = trackingBadge(state, now);
  return (
    <Space size={4} wrap>
      <CaseStatusTag status={state.status} />
      {badge !== 'none' && <DeadlineTag deadline={state.deadline} badge={badge} now={now} />}
    </Space>
  );
}
