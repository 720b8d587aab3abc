import { Form, Input } from 'antd';
import { CreateUserRequest } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { UserScopeFields } from './UserScopeFields.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const fields = CreateUserRequest.shape;

export function CreateUserModal({ open, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<CreateUserRequest>(open, async (values) => {
    const parsed = CreateUserRequest.safeParse({ ...values, orgUnitId: values.orgUnitId ?? null });
    if (!parsed.success) return;
    await api.post('/api/v1/users', parsed.data);
    onSaved();
  });

  return (
    <FormModal open={open} title={t('users.create')} form={form} submit={submit} onClose={onClose}>
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[zodRule(fields.username, t('validation.username'))]}
      >
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[zodRule(fields.displayName, t('validation.required'))]}
      >
        <Input data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        rules={[zodRule(fields.password, t('validation.password'))]}
        extra={t('users.passwordHint')}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <UserScopeFields
        rules={{
          role: zodRule(fields.role, t('validation.required')),
          regionCode: zodRule(fields.regionCode, t('validation.region')),
        }}
        testIds
      />
    </FormModal>
  );
}
