import { useEffect } from 'react';
import { Divider, Form, Input, Select, Switch } from 'antd';
import { UpdateUserRequest, grantableRoles, type User } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';

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
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const regionCode = Form.useWatch('regionCode', form);

  useEffect(() => {
    if (!user) return;
    form.resetFields();
    form.setFieldsValue({
      displayName: user.displayName,
      role: user.role,
      regionCode: user.regionCode,
      orgUnitId: user.orgUnitId,
      enabled: !user.disabled,
    });
  }, [user, form]);

  const { busy, save } = useFormSubmit(form, async (values) => {
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

  const roles = grantableRoles(me.role);
  return (
    <FormModal
      open
      title={t('users.editTitle', { name: user.username })}
      form={form}
      busy={busy}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[zodRule(fields.displayName, t('validation.required'))]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')}>
        <Select
          options={(roles.includes(user.role) ? roles : [user.role, ...roles]).map((role) => ({
            value: role,
            label: t(`role.${role}`),
            disabled: !roles.includes(role),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('users.scope')}
        rules={[zodRule(fields.regionCode, t('validation.region'))]}
      >
        <RegionSelect known={[{ code: user.regionCode, name: user.regionName }]} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('users.orgUnit')}>
        <OrgUnitSelect
          regionCode={regionCode}
          known={user.orgUnitId ? { id: user.orgUnitId, name: user.orgUnitName ?? user.orgUnitId } : null}
        />
      </Form.Item>
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
