import { useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Space, Typography, App } from 'antd';
import type { DataSetView, EntryView, SaveEntryRequest } from '@chuangcheng/core';
import { ApiError, api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatNumber, formatPeriod } from '../cockpit/format.ts';
import { formFieldOf } from './entry-helpers.ts';
import { EntryHistory, EntryStatusTag } from './EntryParts.tsx';
import { entryPath } from '../indicators/api.ts';

interface FormValues {
  values: Record<string, number | null | undefined>;
  comments: Record<string, string | null | undefined>;
}

function initialValues(entry: EntryView): FormValues {
  return {
    values: Object.fromEntries(entry.values.map((v) => [v.element, v.value])),
    comments: Object.fromEntries(entry.values.map((v) => [v.element, v.comment])),
  };
}

/** The request body: every element, empty ones as null; comments only where there is text or was. */
function toRequest(values: FormValues, entry: EntryView): SaveEntryRequest {
  const saved = new Map(entry.values.map((v) => [v.element, v.comment]));
  const comments: Record<string, string | null> = {};
  for (const [element, text] of Object.entries(values.comments ?? {})) {
    const trimmed = text?.trim() || null;
    if (trimmed !== (saved.get(element) ?? null)) comments[element] = trimmed;
  }
  return {
    values: Object.fromEntries(Object.entries(values.values ?? {}).map(([k, v]) => [k, v ?? null])),
    ...(Object.keys(comments).length > 0 ? { comments } : {}),
  };
}

/**
 * One data set for one region and period: a number per element (unit, required mark, range),
 * a comment each, save as draft or submit. The server's field errors show next to their field.
 * Give it a key that changes with the entry's status and history: a form keeps what it holds
 * over new initial values, so a saved or imported entry needs a new form.
 */
export function EntryForm({
  dataSet,
  entry,
  onChanged,
}: {
  dataSet: DataSetView;
  entry: EntryView;
  onChanged: (entry: EntryView) => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const path = entryPath({ dataSet: dataSet.code, region: entry.region.code, period: entry.period });
  const editable = entry.can.edit;

  // Errors the server names by field show under that field only; anything else as a notification.
  const fail = (error: unknown) => {
    const fields =
      error instanceof ApiError
        ? error.errors.flatMap((e) => {
            const name = formFieldOf(e.field);
            return name ? [{ name, errors: [e.message] }] : [];
          })
        : [];
    if (fields.length > 0 && error instanceof ApiError && fields.length === error.errors.length) {
      form.setFields(fields);
      return;
    }
    if (fields.length > 0) form.setFields(fields);
    showError(error);
  };

  const run = async (action: 'save' | 'submit') => {
    // Ranges are checked here first; the cross-field rules (numerator ≤ denominator) by the server.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(action);
    try {
      let next = await api.put<EntryView>(path, toRequest(values, entry));
      if (action === 'submit') next = await api.post<EntryView>(`${path}/submit`);
      message.success(action === 'submit' ? t('indicator.entry.submitted') : t('indicator.entry.saved'));
      onChanged(next);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const rangeHint = (min: number | null, max: number | null) => {
    if (min !== null && max !== null) {
      return t('indicator.entry.range', { min: formatNumber(min), max: formatNumber(max) });
    }
    // "Not below 0" goes without saying for amounts; other floors are worth a hint.
    if (min !== null && min !== 0) return t('indicator.entry.atLeast', { min: formatNumber(min) });
    if (max !== null) return t('indicator.entry.atMost', { max: formatNumber(max) });
    return undefined;
  };

  const rangeRule = (min: number | null, max: number | null, integer: boolean) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return;
      if (min !== null && value < min) throw new Error(t('indicator.entry.atLeast', { min: formatNumber(min) }));
      if (max !== null && value > max) throw new Error(t('indicator.entry.atMost', { max: formatNumber(max) }));
      if (integer && !Number.isInteger(value)) throw new Error(t('indicator.entry.wholeNumber'));
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="entry-form">
      <Space wrap>
        <Typography.Text strong>
          {entry.region.name} · {formatPeriod(entry.period, language)}
        </Typography.Text>
        <EntryStatusTag status={entry.status} />
        {entry.nextApprovalLevel !== null && (
          <Typography.Text type="secondary">
            {entry.nextApprovalLevel === 2 ? t('indicator.entry.waitingCity') : t('indicator.entry.waitingProvince')}
          </Typography.Text>
        )}
      </Space>
      {entry.status === 'returned' && entry.returnReason && (
        <Alert
          type="error"
          showIcon
          title={t('indicator.entry.returnedBecause')}
          description={entry.returnReason}
          data-testid="entry-return-reason"
        />
      )}
      {!editable && (entry.status === 'submitted' || entry.status.startsWith('approved')) && (
        <Alert type="info" showIcon title={t('indicator.entry.locked')} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(entry)}
        disabled={!editable}
        requiredMark
      >
        {dataSet.elements.map((element) => (
          <Row gutter={12} key={element.code} align="top">
            <Col xs={24} md={10}>
              <Form.Item
                name={['values', element.code]}
                label={`${element.name}（${element.unit}）`}
                required={element.required}
                rules={[rangeRule(element.min, element.max, element.integer)]}
                tooltip={element.description ?? undefined}
                extra={rangeHint(element.min, element.max)}
              >
                <InputNumber
                  style={{ width: '100%' }}
                  precision={element.integer ? 0 : undefined}
                  data-testid={`entry-value-${element.code}`}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name={['comments', element.code]} label={t('indicator.entry.comment')}>
                <Input maxLength={500} data-testid={`entry-comment-${element.code}`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
      </Form>
      {editable && (
        <Space>
          <Button onClick={() => void run('save')} loading={busy === 'save'} data-testid="entry-save">
            {t('indicator.entry.saveDraft')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run('submit')}
            loading={busy === 'submit'}
            data-testid="entry-submit"
          >
            {t('indicator.entry.submit')}
          </Button>
        </Space>
      )}
      <div>
        <Typography.Title level={5}>{t('indicator.entry.history')}</Typography.Title>
        <EntryHistory history={entry.history} />
      </div>
    </Space>
  );
}
