import { useMemo } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import type { PlanDetail } from '@chuangcheng/core';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  taskId?: string;
  orgUnitId: string;
  reason: string;
  requiredAction: string;
  replyDue?: string;
  /** 反馈时限 in working days, instead of a date (decision 0134). */
  replyWorkingDays?: number | null;
  /** 签收时限 in working days (decision 0142); empty: two days. */
  ackWorkingDays?: number | null;
  signer?: string;
  cc?: string;
  level: 'general' | 'key' | 'urgent';
  source?: 'leader_instruction' | 'meeting_decision' | 'higher_assignment';
}

const LEVELS = ['general', 'key', 'urgent'] as const;
const SOURCES = ['leader_instruction', 'meeting_decision', 'higher_assignment'] as const;

interface Props {
  open: boolean;
  plan: PlanDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * 下发督办单: about a task of the plan (to one of its responsible units) or addressed to any unit,
 * what is wrong and what to do by when, with the fields the printed 督办单 carries.
 */
export function IssueNoticeModal({ open, plan, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    await api.post('/api/v1/notices', {
      ...(values.taskId ? { taskId: values.taskId } : { planCode: plan?.code }),
      orgUnitId: values.orgUnitId,
      reason: values.reason,
      requiredAction: values.requiredAction,
      ...(values.replyWorkingDays ? { replyWorkingDays: values.replyWorkingDays } : { replyDue: values.replyDue }),
      ...(values.ackWorkingDays ? { ackWorkingDays: values.ackWorkingDays } : {}),
      signer: values.signer?.trim() || undefined,
      cc: values.cc?.trim() || undefined,
      level: values.level,
      source: values.source,
    });
    onSaved();
  });

  const taskId = Form.useWatch('taskId', form);

  const tasks = useMemo(() => plan?.programmes.flatMap((programme) => programme.tasks) ?? [], [plan]);
  const task = tasks.find((item) => item.id === taskId);
  const units = task ? [...task.leadUnits, ...task.participatingUnits] : [];

  return (
    <FormModal open={open} title={t('notices.issue')} form={form} submit={submit} onClose={onClose} width={640}>
      <Form.Item name="taskId" label={t('notices.task')} extra={t('notices.taskOptional')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={tasks.map((item) => ({ value: item.id, label: `${item.number} ${item.title}` }))}
          onChange={() => form.setFieldValue('orgUnitId', undefined)}
          data-testid="notice-task"
        />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('notices.unit')} rules={required.text}>
        {task ? (
          <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} data-testid="notice-unit" />
        ) : (
          <OrgUnitSelect testId="notice-any-unit" />
        )}
      </Form.Item>
      <Form.Item name="reason" label={t('notices.reason')} rules={required.text}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="notice-reason" />
      </Form.Item>
      <Form.Item name="requiredAction" label={t('notices.requiredAction')} rules={required.text}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="notice-required-action" />
      </Form.Item>
      <Form.Item
        name="replyDue"
        label={t('notices.replyDue')}
        dependencies={['replyWorkingDays']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const days = getFieldValue('replyWorkingDays') as number | null | undefined;
              return Boolean(value) !== Boolean(days)
                ? Promise.resolve()
                : Promise.reject(new Error(t('notices.dateOrWorkingDays')));
            },
          }),
        ]}
      >
        <Input type="date" style={{ width: 200 }} data-testid="notice-reply-due" />
      </Form.Item>
      <Form.Item name="replyWorkingDays" label={t('notices.replyWorkingDays')} extra={t('notices.workingDaysHelp')}>
        <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} data-testid="notice-reply-working-days" />
      </Form.Item>
      <Form.Item name="ackWorkingDays" label={t('notices.ackWorkingDays')} extra={t('notices.ackWorkingDaysHelp')}>
        <InputNumber min={1} max={30} precision={0} style={{ width: 200 }} data-testid="notice-ack-working-days" />
      </Form.Item>
      <Form.Item name="level" label={t('notices.level')} initialValue="general">
        <Select
          style={{ width: 200 }}
          options={LEVELS.map((value) => ({ value, label: t(`notices.level.${value}`) }))}
          data-testid="notice-level"
        />
      </Form.Item>
      <Form.Item name="source" label={t('notices.source')}>
        <Select
          allowClear
          style={{ width: 200 }}
          options={SOURCES.map((value) => ({ value, label: t(`notices.source.${value}`) }))}
          data-testid="notice-source"
        />
      </Form.Item>
      <Form.Item name="signer" label={t('notices.signer')}>
        <Input maxLength={50} style={{ width: 200 }} data-testid="notice-signer" />
      </Form.Item>
      <Form.Item name="cc" label={t('notices.cc')}>
        <Input maxLength={500} placeholder={t('notices.ccPlaceholder')} data-testid="notice-cc" />
      </Form.Item>
    </FormModal>
  );
}
