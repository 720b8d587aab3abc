import { useState } from 'react';
import { Button, Modal, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EvaluationMethod, can, type Round, type User } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { methodKeys } from './labels.ts';

interface Row {
  key: number;
  userId?: string;
  displayName?: string;
  method?: EvaluationMethod;
  regionCodes: string[];
}

interface Props {
  open: boolean;
  round: Round;
  onClose: () => void;
  onSaved: (round: Round) => void;
}

/** Who scores which method, in which of the round's regions (none chosen: all of them); saving replaces the list. */
export function AssignmentsModal({ open, round, onClose, onSaved }: Props) {
  const t = useT();
  const showError = useApiError();
  // Null until the first edit: the round's own assignments are shown until then.
  const [edited, setEdited] = useState<Row[] | null>(null);
  const rows = edited ?? round.assignments.map((assignment, index) => ({ key: index, ...assignment }));
  const setRows = (change: (current: Row[]) => Row[]) => setEdited(change(rows));
  // Scorers are the accounts whose role may score; the server limits the list to the caller's scope.
  const { data: accounts } = useApiQuery<Page<User>>(open ? withQuery('/api/v1/users', { limit: 200 }) : null);
  const users = (accounts?.items ?? []).filter((user) => can(user.role, 'evaluation.score'));
  const [busy, setBusy] = useState(false);

  const update = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const save = async () => {
    const complete = rows.filter((row) => row.userId && row.method);
    setBusy(true);
    try {
      const saved = await api.put<Round>(`/api/v1/evaluation/rounds/${round.id}/assignments`, {
        assignments: complete.map((row) => ({
          userId: row.userId,
          method: row.method,
          regionCodes: row.regionCodes,
        })),
      });
      setEdited(null);
      onSaved(saved);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const userOptions = users.map((user) => ({ value: user.id, label: `${user.displayName}（${user.username}）` }));
  const known = new Set(users.map((user) => user.id));
  const regionOptions = round.regions.map((region) => ({ value: region.code, label: region.name }));

  return (
    <Modal
      open={open}
      title={t('evaluation.assign.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => {
        setEdited(null);
        onClose();
      }}
      width={900}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('evaluation.assign.help')}</Typography.Text>
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="assign-table"
          columns={[
            {
              title: t('evaluation.assign.user'),
              key: 'user',
              width: 240,
              render: (_, row) => (
                <Select
                  style={{ width: 220 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={row.userId}
                  options={
                    row.userId && !known.has(row.userId)
                      ? [...userOptions, { value: row.userId, label: row.displayName ?? row.userId }]
                      : userOptions
                  }
                  onChange={(userId: string) => update(row.key, { userId })}
                  data-testid={`assign-user-${row.key}`}
                />
              ),
            },
            {
              title: t('evaluation.assign.method'),
              key: 'method',
              width: 170,
              render: (_, row) => (
                <Select
                  style={{ width: 150 }}
                  value={row.method}
                  options={EvaluationMethod.options.map((method) => ({ value: method, label: t(methodKeys[method]) }))}
                  onChange={(method: EvaluationMethod) => update(row.key, { method })}
                  data-testid={`assign-method-${row.key}`}
                />
              ),
            },
            {
              title: t('evaluation.assign.regions'),
              key: 'regions',
              render: (_, row) => (
                <Select
                  mode="multiple"
                  allowClear
                  style={{ width: '100%' }}
                  placeholder={t('evaluation.assign.allRegions')}
                  value={row.regionCodes}
                  options={regionOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(regionCodes: string[]) => update(row.key, { regionCodes })}
                  data-testid={`assign-regions-${row.key}`}
                />
              ),
            },
            {
              key: 'remove',
              width: 50,
              render: (_, row) => (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
                />
              ),
            },
          ]}
        />
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRows((current) => [...current, { key: Math.max(-1, ...current.map((r) => r.key)) + 1, regionCodes: [] }])
          }
          data-testid="assign-add"
        >
          {t('evaluation.assign.add')}
        </Button>
      </Space>
    </Modal>
  );
}
