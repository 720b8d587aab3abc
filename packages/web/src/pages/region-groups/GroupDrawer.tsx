import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { RegionGroup, RegionGroupKind, type UpdateRegionGroupRequest } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { useModalForm } from '../../components/use-form-submit.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  code: string;
  name: string;
  kind: RegionGroupKind;
  description?: string;
  memberCodes: string[];
}

interface Props {
  open: boolean;
  /** null creates a new group. */
  group: RegionGroup | null;
  onClose: () => void;
  onSaved: () => void;
}

export function GroupDrawer({ open, group, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const {
    form,
    submit: { busy, save },
  } = useModalForm<Values>(open, async (values) => {
    const body: UpdateRegionGroupRequest = {
      name: values.name.trim(),
      kind: values.kind,
      description: values.description?.trim() || null,
      memberCodes: values.memberCodes,
    };
    if (group) await api.put(`/api/v1/region-groups/${encodeURIComponent(group.code)}`, body);
    else await api.post('/api/v1/region-groups', { code: values.code.trim(), ...body });
    onSaved();
  });

  return (
    <Drawer
      open={open}
      size={560}
      title={group ? t('groups.editTitle', { name: group.name }) : t('groups.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={save} data-testid="group-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          group
            ? {
                code: group.code,
                name: group.name,
                kind: group.kind,
                description: group.description ?? '',
                memberCodes: group.members.map((member) => member.code),
              }
            : { kind: 'custom', memberCodes: [] }
        }
      >
        <Form.Item
          name="code"
          label={t('groups.code')}
          rules={[
            { required: true, message: t('validation.required') },
            zodRule(RegionGroup.shape.code.min(1), t('validation.required')),
          ]}
        >
          <Input disabled={group !== null} />
        </Form.Item>
        <Form.Item name="name" label={t('groups.name')} rules={required.text}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('groups.kind')} rules={[zodRule(RegionGroupKind, t('validation.required'))]}>
          <Select options={RegionGroupKind.options.map((kind) => ({ value: kind, label: t(`groupKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('groups.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="memberCodes" label={t('groups.members')}>
          <RegionSelect multiple known={group?.members ?? []} testId="group-members" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
