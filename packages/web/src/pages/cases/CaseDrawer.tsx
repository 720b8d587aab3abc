import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Rate, Space, Typography } from 'antd';
import type { CaseActionName } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList, RecordDrawer } from '../../components/RecordDrawer.tsx';
import { CaseActionModal, actionLabel } from './CaseActionModal.tsx';
import { CaseStatusTag, CaseTimeline, DeadlineTag, PhotoCompare } from './CaseBits.tsx';
import { deadlineBadge } from './deadline.ts';
import { useCase } from './api.ts';
import { formatTime } from './format.ts';

interface Props {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** Actions that move the case forward get the primary colour; the rest are plain. */
const primary = new Set<CaseActionName>(['accept', 'dispatch', 'start', 'handle', 'verify', 'decide_extension']);

/** One case for staff: facts, before/after photos, the timeline, and the steps the viewer may take now. */
export function CaseDrawer({ id, onClose, onChanged }: Props) {
  const t = useT();
  const { data: current, replace } = useCase(id);
  const [acting, setActing] = useState<CaseActionName | null>(null);
  // Deadlines count from when the case was loaded; an action's answer moves it on.
  const [now, setNow] = useState(() => new Date());
  const actions = current?.allowedActions ?? [];

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      size={720}
      record={current}
      title={(current) => `${t('case.case')} ${current.number}`}
      extra={(current) => <CaseStatusTag status={current.status} />}
      testId="case-drawer"
    >
      {(current) => (
        <>
          {actions.length > 0 && (
            <Space wrap data-testid="case-actions">
              {actions.map((action) => (
                <Button
                  key={action}
                  type={primary.has(action) ? 'primary' : 'default'}
                  onClick={() => setActing(action)}
                  data-testid={`case-action-${action}`}
                >
                  {t(actionLabel[action])}
                </Button>
              ))}
            </Space>
          )}
          {current.pendingExtension && (
            <Alert
              type="warning"
              showIcon
              title={t('case.extension.asked', {
                amount: current.pendingExtension.amount,
                unit: t(
                  current.pendingExtension.unit === 'hours' ? 'case.action.workingHours' : 'case.action.workingDays',
                ),
              })}
              description={current.pendingExtension.reason}
            />
          )}
          {current.mergedInto && (
            <Alert type="info" showIcon title={t('case.track.merged', { number: current.mergedInto.number })} />
          )}
          <FactList
            labelWidth={120}
            items={[
              { key: 'category', label: t('case.category'), children: current.categoryName },
              { key: 'description', label: t('case.description'), children: current.description },
              {
                key: 'where',
                label: t('case.where'),
                children: (
                  <>
                    {[current.regionName, current.address].filter(Boolean).join(' · ')}
                    {current.lat !== null && current.lng !== null && (
                      <Typography.Text type="secondary">
                        {' '}
                        ({current.lat.toFixed(5)}, {current.lng.toFixed(5)})
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                key: 'channel',
                label: t('case.channelLabel'),
                children: `${t(`case.channel.${current.channel}`)} · ${formatTime(current.reportedAt)}`,
              },
              ...(current.contact
                ? [
                    {
                      key: 'contact',
                      label: t('case.contact'),
                      children: [current.contact.name, current.contact.phone].filter(Boolean).join(' · ') || '—',
                    },
                  ]
                : []),
              { key: 'unit', label: t('case.unit'), children: current.orgUnit?.name ?? '—' },
              {
                key: 'deadline',
                label: t('case.deadline'),
                children: <DeadlineTag deadline={current.deadline} badge={deadlineBadge(current)} now={now} />,
              },
              ...(current.handledBy
                ? [{ key: 'handledBy', label: t('case.handledBy'), children: current.handledBy.name }]
                : []),
              ...(current.reworkCount > 0
                ? [{ key: 'rework', label: t('case.rework'), children: String(current.reworkCount) }]
                : []),
              ...(current.rejectReason
                ? [{ key: 'reject', label: t('case.rejectReason'), children: current.rejectReason }]
                : []),
              ...(current.mergedFrom.length > 0
                ? [
                    {
                      key: 'mergedFrom',
                      label: t('case.mergedFrom'),
                      children: current.mergedFrom.map((item) => item.number).join('、'),
                    },
                  ]
                : []),
              ...(current.rating
                ? [
                    {
                      key: 'rating',
                      label: t('case.rating.title'),
                      children: (
                        <Space wrap>
                          <Rate disabled value={current.rating.satisfaction} />
                          {current.rating.fixed ? t('case.rating.fixed') : t('case.rating.notFixed')}
                          {current.rating.comment}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <PhotoCompare photos={current.photos} />
          <CaseTimeline events={current.events} testId="case-timeline" />
          <Link to={`/track/${current.number}`} target="_blank">
            {t('case.publicPage')}
          </Link>
          <CaseActionModal
            action={acting}
            detail={current}
            onClose={() => setActing(null)}
            onDone={(updated) => {
              setActing(null);
              setNow(new Date());
              replace(updated);
              onChanged();
            }}
          />
        </>
      )}
    </RecordDrawer>
  );
}
