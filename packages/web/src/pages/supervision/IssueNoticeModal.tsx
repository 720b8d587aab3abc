import { useEffect, useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import type { PlanDetail } from '../plans/types.ts';

interface Values {
  taskId: string;
  orgUnitId: string;
  reason: string;
  requiredAction: string;
  replyDue: string;
}

interface Props {
  open: boolean;
  plan: PlanDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** 下发督办单: a task of the plan, one of its responsible units, what is wrong and what to do by when. */
export function IssueNoticeModal({ open, plan, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const taskId = Form.useWatch('taskId', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const tasks = useMemo(() => plan?.programmes.flatMap((programme) => programme.tasks) ?? [], [plan]);
  const task = tasks.find((item) => item.id === taskId);
  const units = task ? [...task.leadUnits, ...task.participatingUnits] : [];

  const { busy, save } = useFormSubmit(form, async (values) => {
    await api.post('/api/v1/notices', {
      taskId: values.taskId,
      orgUnitId: values.orgUnitId,
      reason: values.reason,
      requiredAction: values.requiredAction,
      replyDue: values.replyDue,
    });
    onSaved();
  });

  return (
    <FormModal
      open={open}
      title={t('notices.issue')}
      form={form}
      busy={busy}
      onSave={save}
      onClose={onClose}
      width={640}
    >
      <Form.Item name="taskId" label={t('notices.task')} rules={required(t('validation.required'))}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={tasks.map((item) => ({ value: item.id, label: `${item.number} ${item.title}` }))}
          onChange={() => form.setFieldValue('orgUnitId', undefined)}
          data-testid="notice-task"
        />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('notices.unit')} rules={required(t('validation.required'))}>
        <Select
          disabled={!task}
          placeholder={task ? undefined : t('notices.pickTaskFirst')}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          data-testid="notice-unit"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('notices.reason')} rules={required(t('validation.required'))}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="notice-reason" />
      </Form.Item>
      <Form.Item name="requiredAction" label={t('notices.requiredAction')} rules={required(t('validation.required'))}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="notice-required-action" />
      </Form.Item>
      <Form.Item
        name="replyDue"
        label={t('notices.replyDue')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input type="date" style={{ width: 200 }} data-testid="notice-reply-due" />
      </Form.Item>
    </FormModal>
  );
}
