import { Form, Input, Select } from 'antd';
import { CreateUserRequest, grantableRoles } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const fields = CreateUserRequest.shape;

export function CreateUserModal({ open, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const { form, busy, save } = useModalForm<CreateUserRequest>(open, async (values) => {
    const parsed = CreateUserRequest.safeParse({ ...values, orgUnitId: values.orgUnitId ?? null });
    if (!parsed.success) return;
    await api.post('/api/v1/users', parsed.data);
    onSaved();
  });

  const regionCode = Form.useWatch('regionCode', form);

  return (
    <FormModal open={open} title={t('users.create')} form={form} busy={busy} onSave={save} onClose={onClose}>
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
      <Form.Item name="role" label={t('users.role')} rules={[zodRule(fields.role, t('validation.required'))]}>
        <Select
          options={grantableRoles(me.role).map((role) => ({ value: role, label: t(`role.${role}`) }))}
          data-testid="user-role"
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('users.scope')}
        rules={[zodRule(fields.regionCode, t('validation.region'))]}
      >
        <RegionSelect testId="user-region" />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('users.orgUnit')}>
        <OrgUnitSelect regionCode={regionCode} testId="user-org-unit" />
      </Form.Item>
    </FormModal>
  );
}
