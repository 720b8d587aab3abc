import { Form, Input, Select } from 'antd';
import { type OrgUnit, OrgUnitKind, RegionCode } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { requiredChoice } from '../../components/form-rules.ts';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgUnitKind;
  regionCode: string;
  parentId?: string | null;
}

interface Props {
  open: boolean;
  /** null creates a new unit. */
  unit: OrgUnit | null;
  onClose: () => void;
  onSaved: () => void;
}

export function OrgUnitModal({ open, unit, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    const body = {
      code: values.code.trim(),
      name: values.name.trim(),
      shortName: values.shortName?.trim() || undefined,
      kind: values.kind,
      regionCode: values.regionCode,
      parentId: values.parentId ?? undefined,
    };
    if (unit) await api.patch(`/api/v1/org-units/${encodeURIComponent(unit.id)}`, body);
    else await api.post('/api/v1/org-units', body);
    onSaved();
  });
  const regionCode = Form.useWatch('regionCode', form);

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormModal
      open={open}
      title={unit ? t('orgUnits.editTitle', { name: unit.name }) : t('orgUnits.create')}
      form={form}
      submit={submit}
      onClose={onClose}
      width={560}
      initialValues={
        unit
          ? {
              code: unit.code,
              name: unit.name,
              shortName: unit.shortName ?? '',
              kind: unit.kind,
              regionCode: unit.regionCode,
              parentId: unit.parentId,
            }
          : { kind: 'department' }
      }
    >
      <Form.Item name="code" label={t('orgUnits.code')} rules={[required]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="name" label={t('orgUnits.name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('orgUnits.shortName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('orgUnits.kind')} rules={requiredChoice(t('validation.required'))}>
        <Select
          options={OrgUnitKind.options.map((kind) => ({ value: kind, label: t(`orgUnits.kind.${kind}`) }))}
          data-testid="org-unit-kind"
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('orgUnits.region')} rules={[zodRule(RegionCode, t('validation.region'))]}>
        <RegionSelect known={unit ? [{ code: unit.regionCode, name: unit.regionName }] : []} testId="org-unit-region" />
      </Form.Item>
      <Form.Item name="parentId" label={t('orgUnits.parent')}>
        <OrgUnitSelect regionCode={regionCode} />
      </Form.Item>
    </FormModal>
  );
}
