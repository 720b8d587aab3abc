import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Cascader, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { CaseStatus, type CaseQueue, type CaseSummary } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { useT, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { useCan } from '../../auth/use-can.ts';
import { CaseDrawer } from './CaseDrawer.tsx';
import { StaffIntakeModal } from './StaffIntakeModal.tsx';
import { CaseStatusTag, DeadlineTag } from './CaseBits.tsx';
import { categoryOptions } from './categories.ts';
import { deadlineBadge } from './deadline.ts';
import { formatTime } from './format.ts';
import { useCategories } from './useCategories.ts';
import styles from './cases.module.css';
import { CreateButton } from '../../components/CreateButton.tsx';

const titles: Record<CaseQueue | 'all', MessageKey> = {
  dispatch: 'case.queue.dispatch',
  unit: 'case.queue.unit',
  verify: 'case.queue.verify',
  all: 'case.queue.all',
};

interface FilterValues {
  status?: CaseStatus;
  category?: string[];
  q?: string;
  overdue?: boolean;
}

const hints: Record<CaseQueue | 'all', MessageKey> = {
  dispatch: 'case.queue.dispatchHint',
  unit: 'case.queue.unitHint',
  verify: 'case.queue.verifyHint',
  all: 'case.queue.allHint',
};

/**
 * One page for the three work queues and the full list: the dispatcher's intake, a unit's
 * cases by deadline (overdue red, due soon amber), the inspector's verification queue, or every
 * case in scope with filters. A row opens the case in a drawer (`?id=`, so it can be linked).
 */
export default function CaseQueuePage({ queue }: { queue: CaseQueue | 'all' }) {
  const t = useT();
  const categories = useCategories();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<FilterValues>({});
  const [sort, setSort] = useState<'created' | 'deadline' | undefined>();
  const openId = params.get('id');
  const [now] = useState(() => new Date());
  const mayFile = useCan('case.report') && queue !== 'unit' && queue !== 'verify';
  const [filing, setFiling] = useState(false);

  const { table, reload, exportHref } = useTablePage<CaseSummary>('/api/v1/cases', {
    queue: queue === 'all' ? undefined : queue,
    status: filters.status,
    categoryCode: filters.category?.[1],
    q: filters.q?.trim() || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    sort,
  });
  const options = useMemo(() => categoryOptions(categories), [categories]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, item) => (
        <a onClick={() => setParams({ id: item.id })} data-testid={`case-open-${number}`}>
          {number}
        </a>
      ),
    },
    { title: t('case.category'), dataIndex: 'categoryName', width: 110 },
    {
      // The complaint is what the person acts on: shown whole, wrapping, never cut to "问…".
      title: t('case.description'),
      dataIndex: 'description',
      width: 320,
      render: (description: string) => <span className={styles.description}>{description}</span>,
    },
    {
      title: t('case.where'),
      key: 'where',
      width: 200,
      render: (_, item) => (
        <span className={styles.place}>
          <span>{item.placeName}</span>
          {item.address && <Typography.Text type="secondary">{item.address}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('case.statusLabel'),
      key: 'status',
      width: 130,
      render: (_, item) => (
        <Space size={2} wrap>
          <CaseStatusTag status={item.status} />
          {item.reworkCount > 0 && (
            <Typography.Text type="danger">{t('case.reworkCount', { count: item.reworkCount })}</Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('case.unit'), key: 'unit', width: 150, render: (_, item) => item.orgUnit?.name ?? '—' },
    {
      title: t('case.reportedAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatTime(v),
      // The full list is newest first, a queue earliest deadline first; either can be switched.
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: (sort ?? (queue === 'all' ? 'created' : 'deadline')) === 'created' ? 'descend' : null,
    },
    {
      title: t('case.deadline'),
      key: 'deadline',
      width: 230,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: (sort ?? (queue === 'all' ? 'created' : 'deadline')) === 'deadline' ? 'ascend' : null,
      render: (_, item) => <DeadlineTag deadline={item.deadline} badge={deadlineBadge(item)} now={now} />,
    },
  ];

  // Only a click on a column heading changes the order; paging reports the sorter too and must not.
  const onTableChange: TableProps<CaseSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const column = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!column?.order) return setSort(undefined);
    setSort(column.columnKey === 'deadline' ? 'deadline' : 'created');
  };

  return (
    <Card
      title={t(titles[queue])}
      extra={
        mayFile && (
          <CreateButton onClick={() => setFiling(true)} testId="case-file">
            {t('case.intake.title')}
          </CreateButton>
        )
      }
      data-testid={`case-queue-${queue}`}
    >
      <Typography.Paragraph type="secondary">{t(hints[queue])}</Typography.Paragraph>
      <ListFilterForm
        form={form}
        onSearch={setFilters}
        onReset={() => setFilters({})}
        extra={<ExportButton href={exportHref} testId="case-export" />}
      >
        {queue === 'all' && (
          <Form.Item name="status" label={t('case.filter.status')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('case.filter.allStatuses')}
              options={CaseStatus.options.map((value) => ({ value, label: t(`case.status.${value}`) }))}
              data-testid="case-filter-status"
            />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('case.filter.category')}>
          <Cascader style={{ width: 220 }} options={options} placeholder={t('case.filter.allCategories')} allowClear />
        </Form.Item>
        <Form.Item name="q" label={t('case.filter.keyword')}>
          <Input allowClear style={{ width: 220 }} placeholder={t('case.filter.search')} data-testid="case-filter-q" />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('case.filter.onlyOverdue')}</Checkbox>
        </Form.Item>
      </ListFilterForm>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        {...table}
        onChange={onTableChange}
        scroll={{ x: 1400 }}
        rowClassName={(item) => {
          const badge = deadlineBadge(item);
          return (badge === 'overdue' ? styles.overdueRow : badge === 'dueSoon' ? styles.dueSoonRow : '') ?? '';
        }}
        locale={{ emptyText: t('case.queue.empty') }}
        data-testid="case-table"
      />
      <CaseDrawer id={openId} onClose={() => setParams({})} onChanged={reload} />
      <StaffIntakeModal
        open={filing}
        categories={categories}
        onClose={() => setFiling(false)}
        onFiled={(answer) => {
          setFiling(false);
          reload();
          setParams({ id: answer.id });
        }}
      />
    </Card>
  );
}
