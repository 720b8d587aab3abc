import { useMemo } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  periodsBetween,
  type PlanDetail,
  type PlanMilestoneView,
  type ReportFigure,
  type ReportView,
} from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { AttachmentList } from '../supervision/AttachmentList.tsx';
import { AttachmentUpload } from '../supervision/AttachmentUpload.tsx';
import { today } from '../supervision/StatusTag.tsx';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  period: string;
  narrative: string;
  measures: string;
  figures: ReportFigure[];
  completed: boolean;
  milestonesDone: string[];
}

interface Props {
  taskId: string;
  plan: PlanDetail;
  milestones: PlanMilestoneView[];
  /** The unit's open draft on this task, if any; the form edits it. */
  draft: ReportView | null;
  reports: ReportView[];
  missingPeriods: string[];
  onChanged: () => void;
}

/** Writes a progress report: saved as a draft, evidence attached, then submitted. */
export function ReportForm({ taskId, plan, milestones, draft, reports, missingPeriods, onChanged }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const periods = useMemo(() => {
    const end = today() < plan.period.end ? today() : plan.period.end;
    const submitted = new Set(reports.filter((r) => r.status === 'submitted').map((r) => r.period));
    return periodsBetween(plan.reportingCadence, plan.period.start, end)
      .reverse()
      .map((period) => ({
        value: period,
        label: submitted.has(period) ? `${period} · ${t('reports.alreadySubmitted')}` : period,
        disabled: submitted.has(period),
      }));
  }, [plan, reports, t]);

  const initial: Values = draft
    ? {
        period: draft.period,
        narrative: draft.narrative,
        measures: draft.measures,
        figures: draft.figures,
        completed: draft.completed,
        milestonesDone: draft.milestonesDone,
      }
    : {
        period: missingPeriods.at(-1) ?? periods.find((option) => !option.disabled)?.value ?? '',
        narrative: '',
        measures: '',
        figures: [],
        completed: false,
        milestonesDone: [],
      };

  const persist = async (values: Values): Promise<ReportView> => {
    const body = {
      narrative: values.narrative ?? '',
      measures: values.measures ?? '',
      figures: (values.figures ?? []).map((f) => ({ label: f.label, value: f.value, unit: f.unit ?? '' })),
      completed: values.completed ?? false,
      milestonesDone: values.milestonesDone ?? [],
    };
    if (draft) return api.patch<ReportView>(`/api/v1/reports/${draft.id}`, body);
    return api.post<ReportView>(`/api/v1/tasks/${taskId}/reports`, { period: values.period, ...body });
  };

  const saving = useFormSubmit(form, async (values) => {
    await persist(values);
    message.success(t('reports.draftSaved'));
    onChanged();
  });
  const submitting = useFormSubmit(form, async (values) => {
    const saved = await persist(values);
    await api.post(`/api/v1/reports/${saved.id}/submit`);
    message.success(t('reports.submitted'));
    onChanged();
  });

  const remove = async () => {
    if (!draft) return;
    await api.delete(`/api/v1/reports/${draft.id}`);
    onChanged();
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="report-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {draft ? t('reports.editDraft', { version: draft.version }) : t('reports.new')}
      </Typography.Title>
      <Form.Item name="period" label={t('reports.period')} rules={required.choice}>
        <Select
          showSearch
          options={periods}
          disabled={draft !== null}
          style={{ width: 240 }}
          data-testid="report-period"
        />
      </Form.Item>
      <Form.Item name="narrative" label={t('reports.narrative')} rules={required.choice}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="report-narrative" />
      </Form.Item>
      <Form.Item name="measures" label={t('reports.measures')}>
        <Input.TextArea rows={3} maxLength={20000} data-testid="report-measures" />
      </Form.Item>
      <Form.Item label={t('reports.figures')}>
        <Form.List name="figures">
          {(fields, { add, remove: removeFigure }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'label']} noStyle rules={required.choice}>
                    <Input placeholder={t('reports.figureLabel')} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} noStyle rules={required.choice}>
                    <InputNumber placeholder={t('reports.figureValue')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} noStyle>
                    <Input placeholder={t('reports.figureUnit')} style={{ width: 100 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => removeFigure(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', unit: '' })}>
                {t('reports.addFigure')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      {milestones.length > 0 && (
        <Form.Item name="milestonesDone" label={t('reports.milestonesDone')}>
          <Checkbox.Group
            options={milestones.map((m) => ({ value: m.code, label: `${m.title}（${m.due}）` }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
      )}
      <Form.Item name="completed" label={t('reports.completed')} valuePropName="checked">
        <Switch data-testid="report-completed" />
      </Form.Item>
      <Form.Item label={t('reports.attachments')} extra={draft ? undefined : t('reports.saveBeforeUpload')}>
        <Space orientation="vertical">
          {draft && <AttachmentList attachments={draft.attachments} testId="report-attachments" />}
          <AttachmentUpload
            url={draft ? `/api/v1/reports/${draft.id}/attachments` : ''}
            disabled={!draft}
            onUploaded={onChanged}
            testId="report-upload"
          />
        </Space>
      </Form.Item>
      <Space>
        <Button onClick={saving.save} loading={saving.busy} data-testid="report-save">
          {t('reports.saveDraft')}
        </Button>
        <Popconfirm
          title={t('reports.submitConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={submitting.save}
        >
          <Button type="primary" loading={submitting.busy} data-testid="report-submit">
            {t('reports.submit')}
          </Button>
        </Popconfirm>
        {draft && (
          <Popconfirm
            title={t('reports.deleteConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={remove}
          >
            <Button danger data-testid="report-delete">
              {t('reports.deleteDraft')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}
