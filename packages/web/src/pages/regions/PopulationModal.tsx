import { Form, InputNumber } from 'antd';
import type { Region } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';

interface Values {
  population: number | null;
  year: number | null;
}

interface Props {
  open: boolean;
  region: Region;
  onClose: () => void;
  onSaved: (region: Region) => void;
}

/** Empty fields are sent as null: clearing a figure means "unknown", not zero. */
export function PopulationModal({ open, region, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    const saved = await api.put<Region>(`/api/v1/regions/${encodeURIComponent(region.code)}/population`, {
      population: values.population ?? null,
      year: values.year ?? null,
    });
    onSaved(saved);
  });

  return (
    <FormModal
      open={open}
      title={t('regions.editPopulation', { name: region.name })}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ population: region.population, year: region.populationYear }}
    >
      <Form.Item name="population" label={t('regions.population')} extra={t('regions.populationHint')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="year" label={t('regions.populationYear')}>
        <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
