import { Link } from 'react-router';
import { Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { type Board, type NoticeStatus, statusColour, type TaskStatus } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useAsOfState } from '../../layout/AsOfProvider.tsx';
import { NoticeStatusTag, cellColour, taskStatuses, textColour, today } from './StatusTag.tsx';
import { BulletinButton } from './BulletinButton.tsx';
import { OverdueActionItems } from './OverdueActionItems.tsx';
import { CardTag, RulesNote } from './UnitCard.tsx';
import { useCurrentPlanCode } from '../plans/api.ts';
import styles from './supervision.module.css';
import { useBoard } from './api.ts';

type ProgrammeRow = Board['byProgramme'][number];
type LaggingRow = Board['laggingUnits'][number];
type OverdueRow = Board['overdueNotices'][number];

/** 督查督办 board: the plan's tasks × units by status as of a day, who lags most, which replies are late. */
export default function BoardPage() {
  const t = useT();
  const code = useCurrentPlanCode();
  // The session's one "as of" date (the header's): a finished plan opens on its end date.
  const session = useAsOfState();
  const asOf = session?.asOf ?? today();
  const { data: board, loading } = useBoard(session ? code : null, asOf, {
    keepPrevious: true,
    loadingWithoutUrl: true,
  });

  const countCell = (status: TaskStatus) => ({
    title: t(`supervision.status.${status}`),
    key: status,
    width: 100,
    align: 'center' as const,
    onCell: (row: ProgrammeRow) => ({
      style: (row.counts[status] ?? 0) > 0 ? { background: cellColour[statusColour(status)] } : {},
    }),
    render: (_: unknown, row: ProgrammeRow) => {
      const count = row.counts[status] ?? 0;
      return count > 0 ? (
        <span style={{ color: textColour[statusColour(status)], fontWeight: 600 }}>{count}</span>
      ) : (
        '—'
      );
    },
  });

  const programmeColumns: TableColumnsType<ProgrammeRow> = [
    { title: t('board.programme'), dataIndex: 'title', render: (title: string, row) => `${row.code}. ${title}` },
    ...taskStatuses.map(countCell),
    { title: t('board.total'), dataIndex: 'total', width: 80, align: 'center' },
  ];

  const laggingColumns: TableColumnsType<LaggingRow> = [
    { title: t('board.rank'), key: 'rank', width: 60, render: (_, __, index) => index + 1 },
    { title: t('notices.unit'), dataIndex: 'name', width: 200 },
    {
      title: t('lights.card'),
      dataIndex: 'card',
      width: 80,
      render: (card: LaggingRow['card']) => <CardTag card={card} />,
    },
    { title: t('supervision.status.overdue'), dataIndex: 'overdue', width: 80, align: 'center' },
    { title: t('board.milestoneMissed'), dataIndex: 'milestoneMissed', width: 80, align: 'center' },
    { title: t('supervision.status.behind'), dataIndex: 'behind', width: 80, align: 'center' },
    { title: t('board.missingPeriods'), dataIndex: 'missingPeriods', width: 90, align: 'center' },
    { title: t('lights.overdueNotices'), dataIndex: 'overdueNotices', width: 90, align: 'center' },
    {
      title: t('board.tasks'),
      dataIndex: 'tasks',
      render: (tasks: string[]) => (
        <Space size={[0, 4]} wrap>
          {tasks.map((number) => (
            <Tag key={number}>{number}</Tag>
          ))}
        </Space>
      ),
    },
  ];

  const noticeColumns: TableColumnsType<OverdueRow> = [
    {
      title: t('notices.number'),
      dataIndex: 'number',
      render: (number: string, row) => <Link to={`/supervision/notices?id=${row.id}`}>{number}</Link>,
    },
    { title: t('notices.unit'), key: 'unit', render: (_, row) => row.orgUnit.name },
    {
      title: t('notices.subject'),
      key: 'task',
      render: (_, row) => (row.task ? `${row.task.number} ${row.task.title}` : '—'),
    },
    { title: t('notices.replyDue'), dataIndex: 'replyDue', width: 110 },
    {
      title: t('supervision.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (status: NoticeStatus) => <NoticeStatusTag status={status} />,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="board">
      <Card
        title={board ? `${t('board.title')} · ${board.plan.name}` : t('board.title')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('board.asOf')}</Typography.Text>
            <Input
              type="date"
              value={asOf}
              onChange={(event) => session?.setAsOf(event.target.value || null)}
              style={{ width: 160 }}
              aria-label={t('board.asOf')}
              data-testid="board-as-of"
            />
            <Link to={`/supervision/ledger?asOf=${asOf}`}>
              <Button icon={<TableOutlined />} data-testid="board-ledger">
                {t('board.openLedger')}
              </Button>
            </Link>
            <BulletinButton code={code} asOf={asOf} />
          </Space>
        }
        loading={loading && !board}
      >
        <Row gutter={12}>
          {taskStatuses.map((status) => (
            <Col flex={1} key={status}>
              <Card
                size="small"
                className={styles.statCard}
                style={{ background: cellColour[statusColour(status)], borderColor: textColour[statusColour(status)] }}
                data-testid={`board-count-${status}`}
              >
                <Statistic
                  title={t(`supervision.status.${status}`)}
                  value={board?.counts[status] ?? 0}
                  styles={{ content: { color: textColour[statusColour(status)] } }}
                />
              </Card>
            </Col>
          ))}
          <Col flex={1}>
            <Card size="small" className={styles.statCard} data-testid="board-total">
              <Statistic title={t('board.total')} value={board?.total ?? 0} />
            </Card>
          </Col>
        </Row>
      </Card>
      <Card title={t('board.byProgramme')} size="small">
        <Table<ProgrammeRow>
          rowKey="code"
          size="small"
          columns={programmeColumns}
          dataSource={board?.byProgramme ?? []}
          loading={loading}
          pagination={false}
          bordered
          data-testid="board-programmes"
        />
      </Card>
      <Card title={t('board.laggingUnits')} size="small" extra={board && <RulesNote rules={board.rules} />}>
        <Table<LaggingRow>
          rowKey="id"
          size="small"
          columns={laggingColumns}
          dataSource={board?.laggingUnits ?? []}
          loading={loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('board.noLagging') }}
          data-testid="board-lagging"
        />
      </Card>
      <Card title={t('board.overdueNotices')} size="small">
        <Table<OverdueRow>
          rowKey="id"
          size="small"
          columns={noticeColumns}
          dataSource={board?.overdueNotices ?? []}
          loading={loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('board.noOverdueNotices') }}
          data-testid="board-overdue-notices"
        />
      </Card>
      <Card title={t('board.overdueActionItems')} size="small">
        <OverdueActionItems
          items={board?.overdueActionItems ?? []}
          loading={loading}
          testId="board-overdue-action-items"
        />
      </Card>
    </Space>
  );
}
