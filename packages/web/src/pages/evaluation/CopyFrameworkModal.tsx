import { Form, Input } from 'antd';
import type { FrameworkDetail } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  edition: string;
  name: string;
}

interface Props {
  open: boolean;
  framework: FrameworkDetail;
  onClose: () => void;
  onCopied: (copy: FrameworkDetail) => void;
}

/** A new edition started from this one; both editions stay and rounds keep the one they used. */
export function CopyFrameworkModal({ open, framework, onClose, onCopied }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    onCopied(await api.post<FrameworkDetail>(`/api/v1/evaluation/frameworks/${framework.id}/copy`, values));
  });

  return (
    <FormModal
      open={open}
      title={t('evaluation.framework.copy')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ edition: `${framework.edition}-copy`, name: framework.name }}
    >
      <Form.Item
        name="edition"
        label={t('evaluation.framework.edition')}
        extra={t('evaluation.framework.editionHelp')}
        rules={[
          { required: true, message: t('validation.required') },
          { pattern: /^[A-Za-z0-9._-]+$/, message: t('evaluation.framework.editionPattern') },
        ]}
      >
        <Input maxLength={40} data-testid="framework-copy-edition" />
      </Form.Item>
      <Form.Item name="name" label={t('evaluation.framework.name')} rules={required.choice}>
        <Input maxLength={500} data-testid="framework-copy-name" />
      </Form.Item>
    </FormModal>
  );
}
