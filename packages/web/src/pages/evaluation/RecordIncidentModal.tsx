import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import type { IncidentView } from './types.ts';
import { useFramework, useFrameworks } from './api.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  regionCode: string;
  frameworkId: string;
  category: string;
  occurredOn: string;
  title: string;
  description: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onRecorded: (incident: IncidentView) => void;
}

/** Records an incident: when, where, which negative-list category of which framework, and what happened. */
export function RecordIncidentModal({ open, onClose, onRecorded }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    onRecorded(await api.post<IncidentView>('/api/v1/evaluation/incidents', values));
  });

  const frameworkId = Form.useWatch('frameworkId', form);
  const { data: frameworks } = useFrameworks(open);
  const { data: framework } = useFramework(open ? frameworkId : null);

  useEffect(() => {
    // One framework: nothing to choose.
    const only = frameworks?.items.length === 1 ? frameworks.items[0] : undefined;
    if (open && only && !form.getFieldValue('frameworkId')) form.setFieldValue('frameworkId', only.id);
  }, [open, frameworks, form]);

  const entries = framework && framework.id === frameworkId ? framework.document.negativeList : [];

  return (
    <FormModal
      open={open}
      title={t('evaluation.incident.record')}
      form={form}
      submit={submit}
      onClose={onClose}
      width={640}
    >
      <Form.Item name="regionCode" label={t('regions.name')} rules={required.text}>
        <RegionSelect testId="incident-region" />
      </Form.Item>
      <Form.Item name="frameworkId" label={t('evaluation.round.framework')} rules={required.text}>
        <Select
          options={(frameworks?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.name}（${item.edition}）`,
          }))}
          data-testid="incident-framework"
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('evaluation.incident.category')}
        dependencies={['frameworkId']}
        rules={[
          ...required.text,
          {
            // A category picked under another framework is not on this one's negative list.
            validator: (_rule, value: string | undefined) =>
              !value || entries.length === 0 || entries.some((entry) => entry.code === value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('evaluation.incident.categoryNotInFramework'))),
          },
        ]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={entries.map((entry) => ({ value: entry.code, label: `${entry.code} ${entry.name}` }))}
          data-testid="incident-category"
        />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('evaluation.incident.occurredOn')} rules={required.text}>
        <Input type="date" style={{ width: 200 }} data-testid="incident-date" />
      </Form.Item>
      <Form.Item name="title" label={t('evaluation.incident.title')} rules={required.text}>
        <Input maxLength={300} data-testid="incident-title" />
      </Form.Item>
      <Form.Item name="description" label={t('evaluation.incident.description')} rules={required.text}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="incident-description" />
      </Form.Item>
    </FormModal>
  );
}
