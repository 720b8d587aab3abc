import { Link } from 'react-router';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { textColour } from './StatusTag.tsx';
import type { OverdueActionItem } from '@chuangcheng/core';

/** Meeting action items overdue on the day asked: supervised like tasks, on the board and the ledger. */
export function OverdueActionItems({
  items,
  loading,
  testId,
}: {
  items: OverdueActionItem[];
  loading: boolean;
  testId: string;
}) {
  const t = useT();
  const columns: TableColumnsType<OverdueActionItem> = [
    { title: t('board.actionItem'), dataIndex: 'title' },
    { title: t('notices.unit'), key: 'unit', width: 180, render: (_, row) => row.orgUnit.name },
    { title: t('board.due'), dataIndex: 'due', width: 110 },
    {
      title: t('board.daysOverdue'),
      dataIndex: 'daysOverdue',
      width: 90,
      align: 'center',
      render: (days: number) => <span style={{ color: textColour.red, fontWeight: 600 }}>{days}</span>,
    },
    {
      title: t('board.meeting'),
      key: 'meeting',
      width: 260,
      render: (_, row) => (
        <Link to={`/supervision/meetings?id=${row.meeting.id}`}>
          {row.meeting.title} <Typography.Text type="secondary">{row.meeting.heldOn}</Typography.Text>
        </Link>
      ),
    },
  ];
  return (
    <Table<OverdueActionItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('board.noOverdueActionItems') }}
      data-testid={testId}
    />
  );
}
