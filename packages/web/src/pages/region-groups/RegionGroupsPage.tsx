import { useState } from 'react';
import { Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { RegionGroup } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { GroupDrawer } from './GroupDrawer.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';

const kindColors: Record<RegionGroup['kind'], string> = {
  belt: 'blue',
  circle: 'purple',
  pilot: 'green',
  custom: 'default',
};

export default function RegionGroupsPage() {
  const t = useT();
  const showError = useApiError();
  const mayWrite = useCan('group.write');
  const { items: groups, loading, reload } = usePagedList<RegionGroup>('/api/v1/region-groups');
  // undefined: drawer closed; null: creating; a group: editing it.
  const [editing, setEditing] = useState<RegionGroup | null | undefined>(undefined);

  const remove = async (group: RegionGroup) => {
    try {
      await api.delete(`/api/v1/region-groups/${encodeURIComponent(group.code)}`);
      reload();
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<RegionGroup> = [
    { title: t('groups.name'), dataIndex: 'name', width: 200 },
    { title: t('groups.code'), dataIndex: 'code', width: 140 },
    {
      title: t('groups.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: RegionGroup['kind']) => <Tag color={kindColors[kind]}>{t(`groupKind.${kind}`)}</Tag>,
    },
    { title: t('groups.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('groups.members'),
      dataIndex: 'members',
      render: (members: RegionGroup['members']) => (
        <Space size={[0, 4]} wrap>
          {members.map((member) => (
            <Tag key={member.code}>{member.name}</Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, group) => (
        <Space>
          <a onClick={() => setEditing(group)}>{t('common.edit')}</a>
          <Popconfirm
            title={t('groups.deleteConfirm', { name: group.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(group)}
          >
            <a>{t('common.delete')}</a>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('nav.regionGroups')}
      extra={
        mayWrite && (
          <CreateButton onClick={() => setEditing(null)} testId="group-create">
            {t('groups.create')}
          </CreateButton>
        )
      }
    >
      <Table<RegionGroup>
        rowKey="code"
        columns={columns}
        dataSource={groups}
        loading={loading}
        pagination={false}
        data-testid="group-table"
      />
      <GroupDrawer
        open={editing !== undefined}
        group={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
    </Card>
  );
}
