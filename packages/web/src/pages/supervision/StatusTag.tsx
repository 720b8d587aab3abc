import { Tag, type TableColumnType } from 'antd';
import { chinaDate, type NoticeStatus, type StatusColour, type TaskStatus } from '@chuangcheng/core';
import { useT, type Translate } from '../../i18n/I18nProvider.tsx';

/**
 * The three colours of 三色督办 as solid tag fills, plain cell backgrounds and text: fills and
 * text are deep enough for 4.5:1 (WCAG AA) with white text, on white and on the cell backgrounds.
 */
const tagColour: Record<StatusColour, string> = { green: '#237804', yellow: '#874d00', red: '#cf1322' };
export const cellColour: Record<StatusColour, string> = { green: '#f6ffed', yellow: '#fffbe6', red: '#fff1f0' };
export const textColour: Record<StatusColour, string> = { green: '#237804', yellow: '#874d00', red: '#cf1322' };

export const taskStatuses: TaskStatus[] = ['overdue', 'milestone_missed', 'behind', 'due_soon', 'on_track', 'done'];
export const noticeStatuses: NoticeStatus[] = [
  'issued',
  'acknowledged',
  'replied',
  'reviewed',
  'approved',
  'returned',
  'closed',
];

export function StatusTag({ status, colour }: { status: TaskStatus; colour: StatusColour }) {
  const t = useT();
  return (
    <Tag color={tagColour[colour]} variant="solid" data-status={status}>
      {t(`supervision.status.${status}`)}
    </Tag>
  );
}

/** The 状态 column of a table of tasks, units or action items: the row's 三色督办 status as a tag. */
export function statusColumn<T extends { colour: StatusColour }>(
  t: Translate,
  status: (row: T) => TaskStatus,
): TableColumnType<T> {
  return {
    title: t('supervision.statusLabel'),
    key: 'status',
    width: 100,
    render: (_, row) => <StatusTag status={status(row)} colour={row.colour} />,
  };
}

const noticeColour: Record<NoticeStatus, string> = {
  issued: 'blue',
  acknowledged: 'cyan',
  replied: 'purple',
  reviewed: 'geekblue',
  approved: 'geekblue',
  returned: 'orange',
  closed: 'default',
};

export function NoticeStatusTag({ status, overdue }: { status: NoticeStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <span>
      <Tag color={noticeColour[status]}>{t(`notices.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('notices.overdue')}</Tag>}
    </span>
  );
}

/** Bytes as B, KB or MB with one decimal. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An ISO timestamp as local "YYYY-MM-DD HH:mm". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in China time. */
export function today(): string {
  // The campaign's day is China's (the server judges "as of D" by the end of D in China time), not
  // the browser's: between 16:00 and 24:00 UTC a UTC browser would still show yesterday.
  return chinaDate(new Date());
}
