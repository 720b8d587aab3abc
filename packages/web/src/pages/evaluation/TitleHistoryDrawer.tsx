import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Collapse, Space, Table, Tag, Timeline, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import type { TitleEvent } from '@chuangcheng/core';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { eligibilityRuleKeys, sourceKindKeys, titleChangeColours, titleChangeKeys, titleKindKeys } from './labels.ts';
import { TitleDecisionModal } from './TitleDecisionModal.tsx';
import { StateTag } from './TitleStateTag.tsx';
import type { TitleHistory, TitleStateItem } from './types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';

interface Props {
  regionCode: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** Where an event came from: the published round, the incident, or the decision document. */
function SourceLink({ event }: { event: TitleEvent }) {
  const t = useT();
  const label = t(sourceKindKeys[event.sourceKind]);
  if (event.sourceKind === 'round') return <Link to={`/evaluation/rounds/${event.sourceId}`}>{label}</Link>;
  if (event.sourceKind === 'incident') return <Link to={`/evaluation/incidents?id=${event.sourceId}`}>{label}</Link>;
  return (
    <span>
      {label} {event.sourceId}
    </span>
  );
}

/** A region's titles now, the dated events with their reasons and sources, and eligibility in words. */
export function TitleHistoryDrawer({ regionCode, onClose, onChanged }: Props) {
  const t = useT();
  const mayDecide = useCan('title.write');
  const [deciding, setDeciding] = useState(false);
  const { data: history, reload } = useApiQuery<TitleHistory>(
    regionCode ? `/api/v1/evaluation/regions/${encodeURIComponent(regionCode)}/titles` : null,
  );
  const current = history && history.region.code === regionCode ? history : null;
  const events = current ? [...current.events].reverse() : [];

  return (
    <>
      <RecordDrawer
        open={regionCode !== null}
        onClose={onClose}
        size={720}
        record={current}
        title={(current) => t('evaluation.titles.historyOf', { region: current.region.name })}
        extra={() =>
          mayDecide && (
            <Button icon={<PlusOutlined />} onClick={() => setDeciding(true)} data-testid="title-decide">
              {t('evaluation.titles.decide')}
            </Button>
          )
        }
        testId="title-history"
      >
        {(current) => (
          <>
            <Table<TitleStateItem>
              rowKey="title"
              size="small"
              pagination={false}
              dataSource={current.state}
              data-testid="title-state"
              columns={[
                {
                  title: t('evaluation.titles.title'),
                  dataIndex: 'title',
                  width: 170,
                  render: (title: TitleStateItem['title']) => t(titleKindKeys[title]),
                },
                {
                  title: t('evaluation.titles.status'),
                  key: 'status',
                  width: 200,
                  render: (_, state) => <StateTag state={state} />,
                },
                {
                  title: t('evaluation.titles.reason'),
                  dataIndex: 'reason',
                  render: (reason: string | null) => reason ?? '—',
                },
              ]}
            />
            <div>
              <Typography.Title level={5}>{t('evaluation.titles.events')}</Typography.Title>
              {events.length === 0 && (
                <Typography.Text type="secondary">{t('evaluation.titles.noEvents')}</Typography.Text>
              )}
              <Timeline
                data-testid="title-events"
                items={events.map((event) => ({
                  color: titleChangeColours[event.change],
                  content: (
                    <div>
                      <Space wrap size={[6, 0]}>
                        <Typography.Text strong>{event.effectiveOn}</Typography.Text>
                        <Tag color={titleChangeColours[event.change]}>{t(titleChangeKeys[event.change])}</Tag>
                        <span>{t(titleKindKeys[event.title])}</span>
                        {event.endsOn && (
                          <Typography.Text type="secondary">
                            {t('evaluation.titles.until', { date: event.endsOn })}
                          </Typography.Text>
                        )}
                      </Space>
                      <div>{event.reason}</div>
                      <Typography.Text type="secondary">
                        <SourceLink event={event} /> · {event.recordedBy} {formatTime(event.recordedAt)}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            </div>
            <div>
              <Typography.Title level={5}>{t('evaluation.titles.eligibility')}</Typography.Title>
              <Collapse
                size="small"
                items={current.eligibility.map((entry) => ({
                  key: entry.title,
                  label: (
                    <Space>
                      {t(titleKindKeys[entry.title])}
                      <Tag color={entry.eligible ? 'green' : 'default'}>
                        {t(entry.eligible ? 'evaluation.titles.eligible' : 'evaluation.titles.notEligible')}
                      </Tag>
                    </Space>
                  ),
                  children: (
                    <Space orientation="vertical" size={4}>
                      {entry.checks.map((check, index) => {
                        const ruleKey = eligibilityRuleKeys[check.rule];
                        return (
                          <span key={index}>
                            {check.met ? (
                              <CheckCircleTwoTone twoToneColor="#52c41a" />
                            ) : (
                              <CloseCircleTwoTone twoToneColor="#cf1322" />
                            )}{' '}
                            <Typography.Text strong>{ruleKey ? t(ruleKey) : check.rule}</Typography.Text>{' '}
                            <Typography.Text type="secondary">{check.explanation}</Typography.Text>
                          </span>
                        );
                      })}
                    </Space>
                  ),
                }))}
              />
            </div>
          </>
        )}
      </RecordDrawer>
      {current && (
        <TitleDecisionModal
          open={deciding}
          regionCode={current.region.code}
          regionName={current.region.name}
          onClose={() => setDeciding(false)}
          onSaved={() => {
            setDeciding(false);
            reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
