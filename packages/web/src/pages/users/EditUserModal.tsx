import { Divider, Form, Input, Switch } from 'antd';
import { UpdateUserRequest, type User } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { UserScopeFields } from './UserScopeFields.tsx';

interface Values {
  displayName: string;
  role: User['role'];
  regionCode: string;
  orgUnitId: string | null;
  enabled: boolean;
  password?: string;
}

interface Props {
  /** null keeps the modal closed. */
  user: User | null;
  onClose: () => void;
  onSaved: () => void;
}

const fields = UpdateUserRequest.shape;

export function EditUserModal({ user, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(user !== null, async (values) => {
    if (!user) return;
    // Only changed fields are sent, so the audit trail records what the administrator meant.
    const changes: UpdateUserRequest = {};
    if (values.displayName !== user.displayName) changes.displayName = values.displayName;
    if (values.role !== user.role) changes.role = values.role;
    if (values.regionCode !== user.regionCode) changes.regionCode = values.regionCode;
    if ((values.orgUnitId ?? null) !== user.orgUnitId) changes.orgUnitId = values.orgUnitId ?? null;
    if (values.enabled === user.disabled) changes.disabled = !values.enabled;
    if (values.password) changes.password = values.password;
    const parsed = UpdateUserRequest.safeParse(changes);
    if (!parsed.success) return;
    await api.patch(`/api/v1/users/${encodeURIComponent(user.id)}`, parsed.data);
    onSaved();
  });

  if (!user) return null;

  return (
    <FormModal
      open
      title={t('users.editTitle', { name: user.username })}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        orgUnitId: user.orgUnitId,
        enabled: !user.disabled,
      }}
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[zodRule(fields.displayName, t('validation.required'))]}
      >
        <Input />
      </Form.Item>
      <UserScopeFields
        rules={{ regionCode: zodRule(fields.regionCode, t('validation.region')) }}
        currentRole={user.role}
        known={{
          region: { code: user.regionCode, name: user.regionName },
          orgUnit: user.orgUnitId ? { id: user.orgUnitId, name: user.orgUnitName ?? user.orgUnitId } : null,
        }}
      />
      <Form.Item name="enabled" label={t('users.enabled')} valuePropName="checked">
        <Switch data-testid="user-enabled" />
      </Form.Item>
      <Divider />
      <Form.Item
        name="password"
        label={t('users.resetPassword')}
        rules={[zodRule(fields.password, t('validation.password'))]}
        extra={t('users.resetPasswordHint')}
      >
        <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
      </Form.Item>
    </FormModal>
  );
}
