import { Form, Input } from 'antd';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import type { PlanDetail } from '@chuangcheng/core';
import { requiredText } from '../../components/form-rules.ts';

interface Values {
  requiredAction: string;
  replyDue: string;
}

interface Props {
  instructionId: string | null;
  plan: PlanDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

/** 转督办: a 督办单 to the lead unit for the instruction (source 领导批示), under the current plan. */
export function InstructionNoticeModal({ instructionId, plan, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(instructionId !== null, async (values) => {
    await api.post(`/api/v1/supervision/instructions/${instructionId}/notices`, {
      planCode: plan?.code,
      requiredAction: values.requiredAction,
      replyDue: values.replyDue,
    });
    onSaved();
  });

  const required = requiredText(t('validation.required'));

  return (
    <FormModal
      open={instructionId !== null}
      title={t('instructions.toNotice')}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      <Form.Item name="requiredAction" label={t('instructions.requiredAction')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="instruction-notice-action" />
      </Form.Item>
      <Form.Item name="replyDue" label={t('instructions.noticeReplyDue')} rules={required}>
        <Input type="date" style={{ width: 200 }} data-testid="instruction-notice-due" />
      </Form.Item>
    </FormModal>
  );
}
