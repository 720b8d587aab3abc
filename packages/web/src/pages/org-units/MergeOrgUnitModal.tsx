import { Form, Input, Typography } from 'antd';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import type { OrgUnit } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  successorId: string | null;
  mergedOn: string;
}

interface Props {
  /** The unit to merge; null: closed. */
  unit: OrgUnit | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Merges a unit into its successor (the 2018 reform: 省文化厅 into 省文化和旅游厅). The merged unit
 * is kept under its own name with its tasks and reports; its history rolls up to the successor.
 */
export function MergeOrgUnitModal({ unit, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(unit !== null, async (values) => {
    await api.post(`/api/v1/org-units/${encodeURIComponent(unit!.id)}/merge`, {
      successorId: values.successorId,
      mergedOn: values.mergedOn.trim(),
    });
    onSaved();
  });

  return (
    <FormModal
      open={unit !== null}
      title={t('orgUnits.mergeTitle', { name: unit?.name ?? '' })}
      form={form}
      submit={submit}
      onClose={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('orgUnits.mergeHelp')}</Typography.Paragraph>
      <Form.Item name="successorId" label={t('orgUnits.successor')} rules={required.choice}>
        <OrgUnitSelect testId="org-unit-successor" />
      </Form.Item>
      <Form.Item
        name="mergedOn"
        label={t('orgUnits.mergedOn')}
        rules={[zodRule(z.iso.date(), t('orgUnits.mergedOnFormat'))]}
      >
        <Input placeholder="2018-11-01" maxLength={10} data-testid="org-unit-merged-on" />
      </Form.Item>
    </FormModal>
  );
}
