import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Input, Rate, Result, Segmented, Space, Spin, Typography } from 'antd';
import type { CaseTracking } from '@chuangcheng/core';
import { ApiError, api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CaseStatusTag, CaseTimeline, DeadlineTag, PhotoCompare } from '../cases/CaseBits.tsx';
import { trackingBadge } from '../cases/deadline.ts';
import { formatTime } from '../cases/format.ts';
import { tokenFor } from './report-draft.ts';
import { usePublicTitle } from './publisher.tsx';
import styles from './public.module.css';
import { useTracking } from './api.ts';

type Loaded = { number: string; tracking: CaseTracking | null; missing: boolean };

/** The public page of one case: status, deadline, history and photos, and the reporter's rating. */
export default function TrackPage() {
  const t = useT();
  usePublicTitle('public.title.track');
  const number = useParams().number ?? '';
  const [search, setSearch] = useSearchParams();
  // The tracking code comes in the link the reporter was given (?t=) or from this phone's reports:
  // a number alone opens nothing.
  const token = search.get('t') ?? tokenFor(localStorage, number);
  // A malformed number (400) is as unknown as a missing one (404): both are answers, not failures.
  const query = useTracking(number, token, { quiet: [400, 404] });
  const [now, setNow] = useState(() => new Date());
  const { reload } = query;
  // After a supplement or a rating the case is asked again (the write invalidated it) and the
  // deadline counts from now.
  const load = useCallback(() => {
    setNow(new Date());
    reload();
  }, [reload]);
  const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  const current: Loaded | null = query.data
    ? { number, tracking: query.data, missing: false }
    : query.failed
      ? { number, tracking: null, missing }
      : null;

  if (!token) return <TokenPrompt number={number} onToken={(t) => setSearch({ t }, { replace: true })} />;

  if (!current) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (!current.tracking) {
    return (
      <Card>
        <Result
          status={current.missing ? '404' : 'warning'}
          title={current.missing ? t('case.track.notFound', { number }) : t('error.network')}
          extra={
            <Link to="/public">
              <Button>{t('case.public.back')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  const tracking = current.tracking;
  const badge = trackingBadge(tracking, now);
  const pausedFor = tracking.paused ? tracking.events.findLast((event) => event.kind === 'paused') : undefined;

  return (
    <>
      <Card
        title={
          <span className={styles.caseNumber} data-testid="track-number">
            {tracking.number}
          </span>
        }
        extra={<CaseStatusTag status={tracking.status} />}
        data-testid="track-card"
      >
        {tracking.mergedInto && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('case.track.merged', { number: tracking.mergedInto })}
            action={<Link to={`/track/${tracking.mergedInto}`}>{t('case.track.follow')}</Link>}
          />
        )}
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'category', label: t('case.category'), children: tracking.categoryName },
            { key: 'description', label: t('case.description'), children: tracking.description },
            {
              key: 'where',
              label: t('case.where'),
              children: [tracking.regionName, tracking.address].filter(Boolean).join(' · '),
            },
            { key: 'reported', label: t('case.reportedAt'), children: formatTime(tracking.createdAt) },
            {
              key: 'deadline',
              label: t('case.deadline'),
              children: (
                <span data-testid="track-deadline">
                  <DeadlineTag deadline={tracking.deadline} badge={badge} now={now} />
                </span>
              ),
            },
            ...(tracking.closedAt
              ? [{ key: 'closed', label: t('case.closedAt'), children: formatTime(tracking.closedAt) }]
              : []),
          ]}
        />
      </Card>
      {pausedFor && token && <SupplementCard number={number} token={token} question={pausedFor.note} onDone={load} />}
      <Card title={t('case.photos.title')}>
        <PhotoCompare photos={tracking.photos} />
      </Card>
      <Card title={t('case.track.history')}>
        <CaseTimeline events={tracking.events} testId="track-timeline" />
      </Card>
      <RatingCard tracking={tracking} token={token} onRated={load} />
    </>
  );
}

/** Asks for the tracking code the reporter received with the case number. */
function TokenPrompt({ number, onToken }: { number: string; onToken: (token: string) => void }) {
  const t = useT();
  const [value, setValue] = useState('');
  return (
    <Card title={<span className={styles.caseNumber}>{number}</span>}>
      <Typography.Paragraph>{t('case.track.needCode')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          data-testid="track-code"
          value={value}
          placeholder={t('case.track.codePlaceholder')}
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={() => value.trim() && onToken(value.trim())}
        />
        <Button type="primary" disabled={!value.trim()} onClick={() => onToken(value.trim())}>
          {t('case.track.open')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function RatingCard({ tracking, token, onRated }: { tracking: CaseTracking; token?: string; onRated: () => void }) {
  const t = useT();
  const showError = useApiError();
  const [satisfaction, setSatisfaction] = useState(5);
  const [fixed, setFixed] = useState(true);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  if (tracking.rating && !tracking.canRate) {
    return (
      <Card title={t('case.rating.title')} data-testid="track-rating">
        <Space orientation="vertical">
          <Rate disabled value={tracking.rating.satisfaction} />
          <Typography.Text>
            {tracking.rating.fixed ? t('case.rating.fixed') : t('case.rating.notFixed')}
          </Typography.Text>
          {tracking.rating.comment && <Typography.Text type="secondary">{tracking.rating.comment}</Typography.Text>}
        </Space>
      </Card>
    );
  }
  if (!tracking.canRate) return null;
  if (!token) {
    return (
      <Card title={t('case.rating.title')}>
        <Typography.Text type="secondary">{t('case.rating.onlyReporter')}</Typography.Text>
      </Card>
    );
  }

  const send = async () => {
    if (!fixed && !comment.trim()) return;
    setBusy(true);
    try {
      await api.post<CaseTracking>(`/api/v1/public/cases/${encodeURIComponent(tracking.number)}/rating`, {
        token,
        satisfaction,
        fixed,
        comment: comment.trim() || undefined,
      });
      onRated();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('case.rating.title')} data-testid="track-rate">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Segmented<'fixed' | 'notFixed'>
          block
          size="large"
          value={fixed ? 'fixed' : 'notFixed'}
          onChange={(value) => setFixed(value === 'fixed')}
          options={[
            { value: 'fixed', label: t('case.rating.fixed') },
            { value: 'notFixed', label: t('case.rating.notFixed') },
          ]}
          data-testid="rate-fixed"
        />
        <div>
          <Typography.Text>{t('case.rating.satisfaction')}</Typography.Text>{' '}
          <Rate value={satisfaction} onChange={(value) => setSatisfaction(value || 1)} data-testid="rate-stars" />
        </div>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          placeholder={fixed ? t('case.rating.commentOptional') : t('case.rating.commentRequired')}
          status={!fixed && !comment.trim() ? 'warning' : undefined}
          data-testid="rate-comment"
        />
        <Button
          type="primary"
          block
          size="large"
          loading={busy}
          disabled={!fixed && !comment.trim()}
          onClick={() => void send()}
          data-testid="rate-submit"
        >
          {t('case.rating.submit')}
        </Button>
      </Space>
    </Card>
  );
}

function SupplementCard(props: { number: string; token: string; question: string | null; onDone: () => void }) {
  const t = useT();
  const showError = useApiError();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    try {
      await api.post<CaseTracking>(`/api/v1/public/cases/${encodeURIComponent(props.number)}/supplement`, {
        token: props.token,
        text: text.trim(),
      });
      setText('');
      props.onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('case.supplement.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {props.question && <Alert type="info" showIcon title={props.question} />}
        <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(event) => setText(event.target.value)} />
        <Button type="primary" block loading={busy} disabled={!text.trim()} onClick={() => void send()}>
          {t('case.supplement.submit')}
        </Button>
      </Space>
    </Card>
  );
}
