import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Role, User } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useTablePage } from '../../api/useTablePage.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';

interface Filters {
  q?: string;
}

export default function UsersPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const mayWrite = useCan('user.write');
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [selected, setSelected] = useState<User[]>([]);
  const [batching, setBatching] = useState(false);

  const { table, reload, exportHref } = useTablePage<User>('/api/v1/users', { ...filters });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 160 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 140,
      render: (role: Role) => <Tag color="blue">{t(`role.${role}`)}</Tag>,
    },
    { title: t('users.scope'), dataIndex: 'regionName' },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName', render: (name: string | null) => name ?? '—' },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (disabled: boolean) =>
        disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>,
    },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, user) => (
        <a onClick={() => setEditing(user)} data-testid={`user-edit-${user.username}`}>
          {t('common.edit')}
        </a>
      ),
    });
  }

  const saved = () => {
    setCreating(false);
    setEditing(null);
    reload();
  };

  /** Each account through its own PATCH, so the server checks the scope of every one. */
  const setDisabled = async (disabled: boolean) => {
    setBatching(true);
    const targets = selected.filter((user) => user.disabled !== disabled);
    const results = await Promise.allSettled(
      targets.map((user) => api.patch(`/api/v1/users/${encodeURIComponent(user.id)}`, { disabled })),
    );
    setBatching(false);
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (targets.length - failed > 0) message.success(t('users.batchDone', { count: targets.length - failed }));
    if (failed > 0) message.error(t('users.batchFailed', { count: failed }));
    setSelected([]);
    reload();
  };

  return (
    <Card
      title={t('nav.users')}
      extra={
        mayWrite && (
          <CreateButton onClick={() => setCreating(true)} testId="user-create">
            {t('users.create')}
          </CreateButton>
        )
      }
    >
      <ListFilterForm
        form={form}
        onSearch={(values) => setFilters({ q: values.q?.trim() || undefined })}
        onReset={() => setFilters({})}
        extra={<ExportButton href={exportHref} testId="user-export" />}
      >
        <Form.Item name="q" label={t('users.filterKeyword')}>
          <Input
            allowClear
            style={{ width: 240 }}
            placeholder={t('users.searchPlaceholder')}
            data-testid="user-search"
          />
        </Form.Item>
      </ListFilterForm>
      {mayWrite && selected.length > 0 && (
        <Space style={{ marginBottom: 12 }} wrap data-testid="user-batch">
          <Typography.Text>{t('list.selected', { count: selected.length })}</Typography.Text>
          <Button
            danger
            loading={batching}
            onClick={() =>
              modal.confirm({
                content: t('users.batchConfirm', { count: selected.length }),
                onOk: () => setDisabled(true),
              })
            }
            data-testid="user-batch-disable"
          >
            {t('users.batchDisable')}
          </Button>
          <Button loading={batching} onClick={() => void setDisabled(false)} data-testid="user-batch-enable">
            {t('users.batchEnable')}
          </Button>
          <Button type="link" onClick={() => setSelected([])}>
            {t('list.clearSelection')}
          </Button>
        </Space>
      )}
      <Table<User>
        rowKey="id"
        columns={columns}
        {...table}
        rowSelection={
          mayWrite
            ? {
                selectedRowKeys: selected.map((user) => user.id),
                onChange: (_keys, rows) => setSelected(rows),
              }
            : undefined
        }
        data-testid="user-table"
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onSaved={saved} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={saved} />
    </Card>
  );
}
