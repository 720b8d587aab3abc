import type { ReactNode } from 'react';
import { Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import type { EntryEventView, EntryListItem, EntryStatus } from '@chuangcheng/core';
import { useT, type Translate } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { entryStatusColour } from './entry-helpers.ts';

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const t = useT();
  return (
    <Tag color={entryStatusColour[status]} data-status={status} data-testid="entry-status">
      {t(`indicator.entry.status.${status}`)}
    </Tag>
  );
}

/** The region, status and filled-in columns of a list of entries (data entry and approvals). */
export function entryColumns(
  t: Translate,
  region: (row: EntryListItem) => ReactNode,
  widths: { status: number; filled: number },
): TableColumnsType<EntryListItem> {
  return [
    { title: t('indicator.entry.region'), key: 'region', render: (_, row) => region(row) },
    {
      title: t('indicator.entry.statusLabel'),
      dataIndex: 'status',
      width: widths.status,
      render: (status: EntryListItem['status']) => <EntryStatusTag status={status} />,
    },
    {
      title: t('indicator.entry.filled'),
      key: 'filled',
      width: widths.filled,
      render: (_, row) => `${row.filled}/${row.expected}`,
    },
  ];
}

/** Who saved, submitted, approved or returned the entry, oldest first, with the reasons of returns. */
export function EntryHistory({ history }: { history: EntryEventView[] }) {
  const t = useT();
  if (history.length === 0) return <Typography.Text type="secondary">{t('indicator.entry.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="entry-history"
      items={history.map((event) => ({
        color: event.action === 'return' ? 'red' : event.action === 'approve' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`indicator.entry.action.${event.action}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {event.actor.displayName} · {formatTime(event.at)}
            </Typography.Text>
            {event.reason && <div data-testid="entry-history-reason">{event.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
