import { Form, Input, Select } from 'antd';
import { TitleChange, TitleKind } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { titleChangeKeys, titleKindKeys } from './labels.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  title: TitleKind;
  change: TitleChange;
  effectiveOn: string;
  endsOn?: string;
  reason: string;
  decisionRef: string;
}

interface Props {
  open: boolean;
  regionCode: string;
  regionName: string;
  onClose: () => void;
  onSaved: () => void;
}

/** A title decision by the province: never without a reason and the decision document; the server checks eligibility. */
export function TitleDecisionModal({ open, regionCode, regionName, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    const body = values.endsOn ? values : { ...values, endsOn: undefined };
    await api.post(`/api/v1/evaluation/regions/${encodeURIComponent(regionCode)}/titles`, body);
    onSaved();
  });

  const change = Form.useWatch('change', form);

  return (
    <FormModal
      open={open}
      title={t('evaluation.titles.decideFor', { region: regionName })}
      form={form}
      submit={submit}
      onClose={onClose}
      width={600}
    >
      <Form.Item name="title" label={t('evaluation.titles.title')} rules={required.text}>
        <Select options={TitleKind.options.map((value) => ({ value, label: t(titleKindKeys[value]) }))} />
      </Form.Item>
      <Form.Item name="change" label={t('evaluation.titles.change')} rules={required.text}>
        <Select options={TitleChange.options.map((value) => ({ value, label: t(titleChangeKeys[value]) }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('evaluation.titles.effectiveOn')} rules={required.text}>
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
      {(change === 'suspended' || change === 'barred') && (
        <Form.Item name="endsOn" label={t('evaluation.titles.endsOn')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('evaluation.titles.reason')} rules={required.text}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="decisionRef"
        label={t('evaluation.titles.decisionRef')}
        extra={t('evaluation.titles.decisionRefHelp')}
        rules={required.text}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
