import { useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import type { PlanDetail } from '@chuangcheng/core';
import { OrgUnitMultiSelect } from './OrgUnitMultiSelect.tsx';
import { requiredText } from '../../components/form-rules.ts';

interface Values {
  leaderName: string;
  leaderPost: string;
  instructedOn: string;
  content: string;
  documentTitle?: string;
  leadOrgUnitId: string;
  assistingOrgUnitIds?: string[];
  replyDue: string;
  taskId?: string;
}

interface Props {
  open: boolean;
  plan: PlanDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

/** 登记领导批示: who instructed what on which document, the lead and assisting units, the reply date. */
export function RecordInstructionModal({ open, plan, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    await api.post('/api/v1/supervision/instructions', {
      leaderName: values.leaderName,
      leaderPost: values.leaderPost,
      instructedOn: values.instructedOn,
      content: values.content,
      documentTitle: values.documentTitle?.trim() ?? '',
      leadOrgUnitId: values.leadOrgUnitId,
      assistingOrgUnitIds: values.assistingOrgUnitIds ?? [],
      replyDue: values.replyDue,
      taskId: values.taskId || undefined,
    });
    onSaved();
  });

  const required = requiredText(t('validation.required'));

  const tasks = useMemo(() => plan?.programmes.flatMap((programme) => programme.tasks) ?? [], [plan]);

  return (
    <FormModal open={open} title={t('instructions.record')} form={form} submit={submit} onClose={onClose} width={680}>
      <Form.Item name="leaderName" label={t('instructions.leaderName')} rules={required}>
        <Input maxLength={50} style={{ width: 240 }} data-testid="instruction-leader-name" />
      </Form.Item>
      <Form.Item name="leaderPost" label={t('instructions.leaderPost')} rules={required}>
        <Input
          maxLength={100}
          placeholder={t('instructions.leaderPostPlaceholder')}
          data-testid="instruction-leader-post"
        />
      </Form.Item>
      <Form.Item name="instructedOn" label={t('instructions.instructedOn')} rules={required}>
        <Input type="date" style={{ width: 200 }} data-testid="instruction-date" />
      </Form.Item>
      <Form.Item name="documentTitle" label={t('instructions.documentTitle')}>
        <Input maxLength={500} data-testid="instruction-document" />
      </Form.Item>
      <Form.Item name="content" label={t('instructions.content')} rules={required}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="instruction-content" />
      </Form.Item>
      <Form.Item name="leadOrgUnitId" label={t('instructions.leadUnit')} rules={required}>
        <OrgUnitSelect testId="instruction-lead-unit" />
      </Form.Item>
      <Form.Item name="assistingOrgUnitIds" label={t('instructions.assistingUnits')}>
        <OrgUnitMultiSelect testId="instruction-assisting-units" />
      </Form.Item>
      <Form.Item name="replyDue" label={t('instructions.replyDue')} rules={required}>
        <Input type="date" style={{ width: 200 }} data-testid="instruction-reply-due" />
      </Form.Item>
      <Form.Item name="taskId" label={t('instructions.task')} extra={t('instructions.taskOptional')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={tasks.map((item) => ({ value: item.id, label: `${item.number} ${item.title}` }))}
          data-testid="instruction-task"
        />
      </Form.Item>
    </FormModal>
  );
}
