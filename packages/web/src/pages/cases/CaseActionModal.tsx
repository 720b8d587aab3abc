import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Segmented, Select, Typography, type ButtonProps } from 'antd';
import type { CaseAction, CaseActionName, CaseDetail, CaseList, CaseSummary } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { usePhotoUploads } from './usePhotoUploads.ts';
import { useCaseDuplicates } from './api.ts';
import { requiredChoice, requiredText } from '../../components/form-rules.ts';

interface Values {
  note?: string;
  reason?: string;
  orgUnitId?: string | null;
  intoCaseId?: string;
  amount?: number;
  unit?: 'hours' | 'days';
  approve?: 'yes' | 'no';
  passed?: 'yes' | 'no';
}

/** What each action asks for: a required reason, an optional note, or its own fields. */
const needsReason = new Set<CaseActionName>(['reject', 'return', 'request_extension', 'pause']);
const withPhotos = new Set<CaseActionName>(['handle', 'verify']);
/** After photos are the upload's default kind; the inspector's are marked as verification. */
const photoUrl: Partial<Record<CaseActionName, string>> = {
  verify: '/api/v1/cases/photos?kind=verification',
};

export const actionLabel: Record<CaseActionName, MessageKey> = {
  accept: 'case.action.accept',
  reject: 'case.action.reject',
  merge: 'case.action.merge',
  dispatch: 'case.action.dispatch',
  start: 'case.action.start',
  return: 'case.action.return',
  request_extension: 'case.action.request_extension',
  decide_extension: 'case.action.decide_extension',
  pause: 'case.action.pause',
  resume: 'case.action.resume',
  handle: 'case.action.handle',
  verify: 'case.action.verify',
};

function toBody(action: CaseActionName, values: Values, photoIds: string[]): CaseAction {
  const note = values.note?.trim() ?? '';
  const reason = values.reason?.trim() ?? '';
  switch (action) {
    case 'accept':
    case 'start':
    case 'resume':
      return { action, note };
    case 'reject':
    case 'return':
    case 'pause':
      return { action, reason };
    case 'merge':
      return { action, intoCaseId: values.intoCaseId ?? '', note };
    case 'dispatch':
      return { action, orgUnitId: values.orgUnitId ?? undefined, note };
    case 'request_extension':
      return { action, amount: values.amount ?? 1, unit: values.unit ?? 'days', reason };
    case 'decide_extension':
      return { action, approve: values.approve === 'yes', note };
    case 'handle':
      return { action, note, photoIds };
    case 'verify':
      return { action, passed: values.passed === 'yes', note, photoIds };
  }
}

interface Props {
  action: CaseActionName | null;
  detail: CaseDetail;
  onClose: () => void;
  onDone: (detail: CaseDetail) => void;
}

/** One workflow step: the form it needs, sent to POST /cases/:id/actions; the server's refusal is shown as is. */
export function CaseActionModal({ action, detail, onClose, onDone }: Props) {
  const t = useT();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const photos = usePhotoUploads(action ? (photoUrl[action] ?? '/api/v1/cases/photos') : '/api/v1/cases/photos');
  const passed = Form.useWatch('passed', form);

  const save = async () => {
    if (!action) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (action === 'handle' && photos.ids.length === 0) {
      form.setFields([{ name: 'note', errors: [t('case.action.afterPhotoRequired')] }]);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<CaseDetail>(
        `/api/v1/cases/${detail.id}/actions`,
        toBody(action, values, photos.ids),
      );
      photos.clear();
      form.resetFields();
      onDone(updated);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    photos.clear();
    form.resetFields();
    onClose();
  };

  const noteRequired = action === 'handle' || (action === 'verify' && passed === 'no');

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(actionLabel[action])} · ${detail.number}` : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: photos.uploading, 'data-testid': 'case-action-ok' } as ButtonProps}
      onOk={() => void save()}
      onCancel={close}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unit: 'days', amount: 1, approve: 'yes', passed: 'yes' }}
        preserve={false}
      >
        {action === 'merge' && <MergeTarget detail={detail} />}
        {action === 'dispatch' && (
          <Form.Item
            name="orgUnitId"
            label={t('case.action.unit')}
            initialValue={detail.suggestedOrgUnit?.id}
            extra={
              detail.suggestedOrgUnit
                ? t('case.action.unitSuggested', { unit: detail.suggestedOrgUnit.name })
                : t('case.action.unitNoRule')
            }
          >
            <OrgUnitSelect known={detail.suggestedOrgUnit} testId="case-action-unit" />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item label={t('case.action.extensionAmount')} required>
            <Form.Item name="amount" noStyle rules={[{ required: true }]}>
              <InputNumber min={1} max={60} style={{ width: 100 }} />
            </Form.Item>{' '}
            <Form.Item name="unit" noStyle>
              <Segmented
                options={[
                  { value: 'hours', label: t('case.action.workingHours') },
                  { value: 'days', label: t('case.action.workingDays') },
                ]}
              />
            </Form.Item>
          </Form.Item>
        )}
        {action === 'decide_extension' && detail.pendingExtension && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('case.extension.asked', {
                amount: detail.pendingExtension.amount,
                unit: t(
                  detail.pendingExtension.unit === 'hours' ? 'case.action.workingHours' : 'case.action.workingDays',
                ),
              })}
              description={detail.pendingExtension.reason}
            />
            <Form.Item name="approve">
              <Segmented
                options={[
                  { value: 'yes', label: t('case.extension.approve') },
                  { value: 'no', label: t('case.extension.refuse') },
                ]}
                data-testid="case-action-approve"
              />
            </Form.Item>
          </>
        )}
        {action === 'verify' && (
          <Form.Item name="passed">
            <Segmented
              block
              options={[
                { value: 'yes', label: t('case.verify.passed') },
                { value: 'no', label: t('case.verify.failed') },
              ]}
              data-testid="case-action-passed"
            />
          </Form.Item>
        )}
        {action && needsReason.has(action) ? (
          <Form.Item
            name="reason"
            label={t(action === 'pause' ? 'case.action.pauseReason' : 'case.action.reason')}
            rules={requiredText(t('case.action.reasonRequired'))}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-action-reason" />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={t(noteRequired ? 'case.action.noteRequired' : 'case.action.note')}
            rules={noteRequired ? requiredText(t('case.action.reasonRequired')) : []}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-action-note" />
          </Form.Item>
        )}
        {action && withPhotos.has(action) && (
          <Form.Item label={t(action === 'handle' ? 'case.photos.afterRequired' : 'case.photos.verification')}>
            <PhotoPicker photos={photos} max={6} testId="case-action-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The surviving case: a suggested nearby duplicate, or any open case found by its number. */
function MergeTarget({ detail }: { detail: CaseDetail }) {
  const t = useT();
  // Silent: without suggestions the case is still found by its number.
  const duplicates = useCaseDuplicates(detail.id, { silent: true });
  const suggested = duplicates.data?.items ?? [];
  const [found, setFound] = useState<CaseSummary[]>([]);

  const search = (q: string) => {
    if (!q.trim()) return;
    api
      .get<CaseList>(withQuery('/api/v1/cases', { q: q.trim(), categoryCode: detail.categoryCode, limit: 20 }))
      .then((list) => setFound(list.items.filter((item) => item.id !== detail.id)))
      .catch(() => setFound([]));
  };

  const options = [
    ...suggested.map((item) => ({
      value: item.id,
      label: `${item.number} · ${t('case.report.distance', { metres: Math.round(item.distanceMetres) })} · ${item.description}`,
    })),
    ...found
      .filter((item) => !suggested.some((s) => s.id === item.id))
      .map((item) => ({ value: item.id, label: `${item.number} · ${item.description}` })),
  ];

  return (
    <Form.Item
      name="intoCaseId"
      label={t('case.merge.into')}
      extra={<Typography.Text type="secondary">{t('case.merge.hint')}</Typography.Text>}
      rules={requiredChoice(t('case.merge.required'))}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: search }}
        options={options}
        placeholder={t('case.merge.placeholder')}
        data-testid="case-merge-target"
      />
    </Form.Item>
  );
}
