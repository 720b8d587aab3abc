import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { BulkApproveRequest, BulkApproveResult, DataSetView, EntryListItem, EntryView } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatNumber, formatPeriod } from '../cockpit/format.ts';
import { formatTime } from '../supervision/StatusTag.tsx';
import { EntryHistory, EntryStatusTag, entryColumns } from './EntryParts.tsx';
import { DataSetPeriodPicker, useEntrySelection } from './EntrySelection.tsx';
import { entriesPath, entryPath, useEntry, type EntryKey } from '../indicators/api.ts';

/** One entry under review: its values and comments, its history, approve or return with a reason. */
function ReviewDrawer({
  dataSet,
  entryKey,
  onClose,
  onDone,
}: {
  dataSet: DataSetView;
  entryKey: EntryKey | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const entry = useEntry(entryKey);
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const view = entry.data;
  const elements = new Map(dataSet.elements.map((e) => [e.code, e]));

  const act = async (action: 'approve' | 'return', body?: { reason: string }) => {
    if (!entryKey) return;
    setBusy(true);
    try {
      const next = await api.post<EntryView>(`${entryPath(entryKey)}/${action}`, body);
      entry.replace(next);
      message.success(action === 'approve' ? t('indicator.approval.approved') : t('indicator.approval.returned'));
      setReturning(false);
      onDone();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={entryKey !== null}
      onClose={onClose}
      size={640}
      title={view ? `${view.region.name} · ${formatPeriod(view.period, language)}` : t('indicator.approval.review')}
      extra={view && <EntryStatusTag status={view.status} />}
      data-testid="approval-drawer"
    >
      {view && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Table
            rowKey="element"
            size="small"
            pagination={false}
            dataSource={view.values}
            data-testid="approval-values"
            columns={[
              {
                title: t('indicator.name'),
                dataIndex: 'element',
                render: (code: string) => elements.get(code)?.name ?? code,
              },
              {
                title: t('indicator.value'),
                dataIndex: 'value',
                align: 'right',
                render: (value: number | null, row) =>
                  `${formatNumber(value)} ${elements.get(row.element)?.unit ?? ''}`,
              },
              { title: t('indicator.entry.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? '' },
            ]}
          />
          <Space>
            <Button
              type="primary"
              disabled={!view.can.approve}
              loading={busy && !returning}
              onClick={() => void act('approve')}
              data-testid="approval-approve"
            >
              {t('indicator.approval.approve')}
            </Button>
            <Button danger disabled={!view.can.return} onClick={() => setReturning(true)} data-testid="approval-return">
              {t('indicator.approval.return')}
            </Button>
          </Space>
          <div>
            <Typography.Title level={5}>{t('indicator.entry.history')}</Typography.Title>
            <EntryHistory history={view.history} />
          </div>
        </Space>
      )}
      <Modal
        open={returning}
        title={t('indicator.approval.returnTitle')}
        onCancel={() => setReturning(false)}
        okText={t('indicator.approval.return')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'approval-return-confirm' }}
        onOk={() =>
          void form.validateFields().then(
            (values) => act('return', values),
            () => undefined,
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('indicator.approval.reason')}
            rules={[
              { required: true, min: 2, max: 500, whitespace: true, message: t('indicator.approval.reasonRule') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="approval-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/**
 * 数据审核: entries of the regions below the account's own, for one data set and period; the queue
 * shows those the account may approve or return now. Approve one by one, or several at once.
 */
export default function ApprovalsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [params, setParams] = useSearchParams();
  const [showAll, setShowAll] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const selection = useEntrySelection(params);
  const { dataSet, period, list, items: all } = selection;
  const queue = all.filter((item) => item.can.approve || item.can.return);
  const rows = showAll ? all : queue;

  const setParam = (name: string, value: string) => {
    setSelected([]);
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(name, value);
      return next;
    });
  };

  const approveSelected = async () => {
    if (!dataSet || !period) return;
    setBulkBusy(true);
    try {
      const body: BulkApproveRequest = { period, regionCodes: selected };
      const result = await api.post<BulkApproveResult>(`${entriesPath(dataSet.code)}/approve`, body);
      message.success(t('indicator.approval.bulkApproved', { count: result.approved }));
      setSelected([]);
      list.reload();
    } catch (error) {
      showError(error);
    } finally {
      setBulkBusy(false);
    }
  };

  const columns: TableColumnsType<EntryListItem> = [
    ...entryColumns(
      t,
      (row) => (
        <a onClick={() => setOpen(row.region.code)} data-testid={`approval-open-${row.region.code}`}>
          {row.region.name}
        </a>
      ),
      { status: 110, filled: 80 },
    ),
    { title: t('indicator.entry.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatTime },
    {
      title: t('indicator.approval.lastReturn'),
      dataIndex: 'returnReason',
      render: (reason: string | null) => reason ?? '',
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="approvals">
      <Card size="small" title={t('indicator.approval.title')}>
        <Space wrap>
          <DataSetPeriodPicker
            selection={selection}
            onDataSet={(code) => setParam('set', code)}
            onPeriod={(value) => setParam('period', value)}
            testId="approval"
          />
          <Space size={4}>
            <Switch
              size="small"
              checked={showAll}
              onChange={setShowAll}
              aria-label={t('indicator.approval.showAll')}
              data-testid="approval-show-all"
            />
            <Typography.Text>{t('indicator.approval.showAll')}</Typography.Text>
          </Space>
        </Space>
      </Card>
      <Card
        size="small"
        title={t('indicator.approval.queue', { count: queue.length })}
        extra={
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={bulkBusy}
            onClick={() => void approveSelected()}
            data-testid="approval-bulk"
          >
            {t('indicator.approval.approveSelected', { count: selected.length })}
          </Button>
        }
      >
        {!dataSet ? (
          <Empty />
        ) : (
          <Table<EntryListItem>
            rowKey={(row) => row.region.code}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={list.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (row) => ({ disabled: !row.can.approve }),
            }}
            locale={{ emptyText: t('indicator.approval.empty') }}
            data-testid="approval-queue"
          />
        )}
      </Card>
      {dataSet && period && (
        <ReviewDrawer
          dataSet={dataSet}
          entryKey={open ? { dataSet: dataSet.code, region: open, period } : null}
          onClose={() => setOpen(null)}
          onDone={list.reload}
        />
      )}
    </Space>
  );
}
