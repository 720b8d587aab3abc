import { useMemo, useState } from 'react';
import { App, Cascader, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { CaseCategory, IntakeResponse, Role, StaffCaseIntake } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LocationField } from '../public/LocationField.tsx';
import { reportedProblem, type ReportFields } from '../public/reported-problem.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { categoryOptions, matchesCategory } from './categories.ts';
import { usePhotoUploads } from './usePhotoUploads.ts';
import { requiredChoice, requiredText } from '../../components/form-rules.ts';

type StaffChannel = StaffCaseIntake['channel'];

interface Values extends ReportFields {
  channel: StaffChannel;
  reportedAt?: { toISOString: () => string } | null;
}

const channels: StaffChannel[] = ['inspector', 'hotline', 'staff'];

function defaultChannel(role: Role): StaffChannel {
  return role === 'inspector' ? 'inspector' : 'hotline';
}

interface Props {
  open: boolean;
  categories: CaseCategory[];
  onClose: () => void;
  onFiled: (answer: IntakeResponse) => void;
}

/**
 * 案件登记: an inspector files what they saw, a hotline operator what a caller said. One
 * idempotency key per opening of the form, so pressing Save again after a timeout files once.
 */
export function StaffIntakeModal({ open, categories, onClose, onFiled }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const photos = usePhotoUploads('/api/v1/cases/photos?kind=before');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => categoryOptions(categories), [categories]);

  const reset = () => {
    form.resetFields();
    photos.clear();
    setKey(crypto.randomUUID());
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const problem = reportedProblem(values, photos.ids);
    if (!problem) {
      form.setFields([{ name: 'location', errors: [t('case.location.required')] }]);
      return;
    }
    const body: StaffCaseIntake = {
      ...problem,
      channel: values.channel,
      reportedAt: values.reportedAt?.toISOString(),
      idempotencyKey: key,
    };
    setBusy(true);
    try {
      const answer = await api.post<IntakeResponse>('/api/v1/cases', body);
      message.success(t('case.intake.filed', { number: answer.number }));
      if (answer.possibleDuplicates.length > 0) {
        message.warning(t('case.intake.possibleDuplicates', { count: answer.possibleDuplicates.length }));
      }
      reset();
      onFiled(answer);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('case.intake.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: photos.uploading }}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ channel: defaultChannel(me.role) }}>
        <Form.Item name="channel" label={t('case.channelLabel')}>
          <Select options={channels.map((value) => ({ value, label: t(`case.channel.${value}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('case.category')} rules={requiredChoice(t('case.report.categoryRequired'))}>
          <Cascader
            options={options}
            showSearch={{ filter: matchesCategory }}
            placeholder={t('case.report.categoryPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('case.description')}
          rules={requiredText(t('case.report.descriptionRequired'))}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="location" label={t('case.where')}>
          <LocationField />
        </Form.Item>
        <Form.Item label={t('case.photos.before')}>
          <PhotoPicker photos={photos} max={6} testId="intake-photos" />
        </Form.Item>
        <Form.Item name="reportedAt" label={t('case.intake.reportedAt')} extra={t('case.intake.reportedAtHint')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('case.intake.caller')} style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="contactName" noStyle>
              <Input style={{ width: '40%' }} maxLength={50} placeholder={t('case.report.contactName')} />
            </Form.Item>
            <Form.Item name="contactPhone" noStyle>
              <Input style={{ width: '60%' }} maxLength={20} placeholder={t('case.report.contactPhone')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
