import { useState } from 'react';
import { Button, Form, Input, type TableColumnsType } from 'antd';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { statusColumn } from '../supervision/StatusTag.tsx';
import type { ActionItem } from '@chuangcheng/core';
import { WorkbenchList } from './WorkbenchList.tsx';

/** Joint-meeting action items owned by the unit; 完成 closes one with a note. */
export function MyActionItems() {
  const t = useT();
  const list = usePagedList<ActionItem>('/api/v1/my/action-items');
  const { reload } = list;
  const [completing, setCompleting] = useState<ActionItem | null>(null);
  const { form, submit } = useModalForm<{ note: string }>(completing !== null, async ({ note }) => {
    if (!completing) return;
    await api.post(`/api/v1/action-items/${completing.id}/complete`, { note: note ?? '' });
    setCompleting(null);
    reload();
  });

  const columns: TableColumnsType<ActionItem> = [
    { title: t('meetings.actionTitle'), dataIndex: 'title' },
    { title: t('meetings.due'), dataIndex: 'due', width: 120 },
    statusColumn<ActionItem>(t, (item) => item.derivedStatus),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, item) =>
        item.status === 'open' ? (
          <Button size="small" data-testid={`action-complete-${item.id}`} onClick={() => setCompleting(item)}>
            {t('meetings.complete')}
          </Button>
        ) : (
          (item.completionNote ?? '')
        ),
    },
  ];

  return (
    <WorkbenchList
      title={t('workbench.actionItems')}
      columns={columns}
      list={list}
      emptyText={t('meetings.noActionItems')}
      testId="workbench-action-items"
    >
      <FormModal
        open={completing !== null}
        title={t('meetings.completeTitle', { title: completing?.title ?? '' })}
        form={form}
        submit={submit}
        onClose={() => setCompleting(null)}
      >
        <Form.Item name="note" label={t('meetings.completionNote')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-completion-note" />
        </Form.Item>
      </FormModal>
    </WorkbenchList>
  );
}
