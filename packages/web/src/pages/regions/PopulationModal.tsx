import { useEffect, useState } from 'react';
import { Form, InputNumber, Modal } from 'antd';
import type { Region } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

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
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ population: region.population, year: region.populationYear });
  }, [open, region, form]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const saved = await api.put<Region>(`/api/v1/regions/${encodeURIComponent(region.code)}/population`, {
        population: values.population ?? null,
        year: values.year ?? null,
      });
      onSaved(saved);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('regions.editPopulation', { name: region.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="population" label={t('regions.population')} extra={t('regions.populationHint')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="year" label={t('regions.populationYear')}>
          <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
