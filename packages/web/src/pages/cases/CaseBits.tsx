import { Image, Tag, Timeline, Typography } from 'antd';
import type { CaseEvent, CasePhoto, CaseStatus } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { badgeColour, type DeadlineBadge } from './deadline.ts';
import { formatRemaining, formatTime } from './format.ts';
import styles from './cases.module.css';

const statusColour: Record<CaseStatus, string> = {
  submitted: 'blue',
  accepted: 'geekblue',
  rejected: 'default',
  duplicate: 'default',
  dispatched: 'cyan',
  handling: 'orange',
  handled: 'purple',
  closed: 'green',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Tag color={statusColour[status]} data-status={status}>
      {t(`case.status.${status}`)}
    </Tag>
  );
}

/** The deadline with its colour and, while open, how long is left or how long it is overdue. */
export function DeadlineTag({ deadline, badge, now }: { deadline: string; badge: DeadlineBadge; now: Date }) {
  const t = useT();
  return (
    <span className={styles.deadline} data-badge={badge}>
      <span>{formatTime(deadline)}</span>
      {badge === 'paused' && <Tag>{t('case.deadline.paused')}</Tag>}
      {(badge === 'overdue' || badge === 'dueSoon' || badge === 'onTime') && (
        <Tag color={badgeColour[badge]} variant="solid">
          {formatRemaining(deadline, now, t)}
        </Tag>
      )}
    </span>
  );
}

const eventColour: Partial<Record<CaseEvent['kind'], string>> = {
  rejected: 'gray',
  returned: 'orange',
  verification_failed: 'red',
  reopened: 'red',
  escalated: 'red',
  verification_passed: 'green',
  closed: 'green',
  rated: 'green',
};

/** The case's history, oldest first; staff see who acted, residents only the unit. */
export function CaseTimeline({ events, testId }: { events: CaseEvent[]; testId: string }) {
  const t = useT();
  return (
    <Timeline
      data-testid={testId}
      items={events.map((event) => ({
        color: eventColour[event.kind] ?? 'blue',
        content: (
          <div data-kind={event.kind}>
            <Typography.Text strong>{t(`case.event.${event.kind}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
            {(event.actorName || event.orgUnitName) && (
              <div>
                <Typography.Text type="secondary">
                  {[event.orgUnitName, event.actorName].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            )}
            {event.note && <Typography.Paragraph className={styles.eventNote}>{event.note}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

function PhotoColumn({ title, photos, testId }: { title: string; photos: CasePhoto[]; testId: string }) {
  const t = useT();
  return (
    <div className={styles.compareColumn} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {photos.length === 0 ? (
        <div className={styles.noPhoto}>{t('case.photos.none')}</div>
      ) : (
        <Image.PreviewGroup>
          <div className={styles.compareImages}>
            {photos.map((photo) => (
              <div key={photo.id} className={styles.compareItem}>
                <Image src={photo.displayUrl} alt={title} className={styles.compareImage} />
                {/* Staff only: the file as uploaded, location metadata intact, kept as evidence. */}
                {photo.originalUrl && (
                  <a href={photo.originalUrl} target="_blank" rel="noreferrer" className={styles.original}>
                    {t('case.photos.original')}
                  </a>
                )}
              </div>
            ))}
          </div>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

/** Before and after side by side (and the inspector's photos when there are any). */
export function PhotoCompare({ photos }: { photos: CasePhoto[] }) {
  const t = useT();
  const of = (kind: CasePhoto['kind']) => photos.filter((photo) => photo.kind === kind);
  const verification = of('verification');
  return (
    <div className={styles.compare}>
      <PhotoColumn title={t('case.photos.before')} photos={of('before')} testId="photos-before" />
      <PhotoColumn title={t('case.photos.after')} photos={of('after')} testId="photos-after" />
      {verification.length > 0 && (
        <PhotoColumn title={t('case.photos.verification')} photos={verification} testId="photos-verification" />
      )}
    </div>
  );
}
