import { useState } from 'react';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useCan } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';

export default function UsersPage() {
  const t = useT();
  const mayWrite = useCan('user.write');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const { items, loading, nextCursor, loadMore, reload } = usePagedList<User>(withQuery('/api/v1/users', { q }));

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
      <SearchInput
        style={{ width: 360, marginBottom: 16 }}
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim())}
        testId="user-search"
      />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        data-testid="user-table"
      />
      {nextCursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onSaved={saved} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={saved} />
    </Card>
  );
}
