import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useCan } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';

export default function UsersPage() {
  const t = useT();
  const showError = useApiError();
  const mayWrite = useCan('user.write');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api.get<Page<User>>(withQuery('/api/v1/users', { q, cursor: after }));
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [q, showError],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 160 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    { title: t('users.role'), dataIndex: 'role', width: 140, render: (role: Role) => <Tag color="blue">{t(`role.${role}`)}</Tag> },
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
    void load(null);
  };

  return (
    <Card
      title={t('nav.users')}
      extra={
        mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        style={{ width: 320, marginBottom: 16 }}
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim())}
        data-testid="user-search"
      />
      <Table<User> rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="user-table" />
      {cursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(cursor)} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onSaved={saved} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={saved} />
    </Card>
  );
}
