import { useState } from 'react';
import {
  Button,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { Evidence, Finding, Round, ScoringSheet } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { NotApplicableForm } from './NotApplicableForm.tsx';
import { AttachmentUpload } from '../supervision/AttachmentUpload.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { FileLinks } from './FileLinks.tsx';
import { ruleInWords } from './rule-format.ts';
import { formatPoints } from './score-format.ts';
import type { SheetRow } from './types.ts';
import { requiredChoice, requiredText } from '../../components/form-rules.ts';

interface Props {
  round: Round;
  sheet: ScoringSheet;
  row: SheetRow;
  siteNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}

/** One standard in the workbench: the city's material, the findings with their photos, and the entry its rule takes. */
export function StandardScoring({ round, sheet, row, siteNames, onChanged }: Props) {
  const t = useT();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/evaluation/rounds/${round.id}/regions/${sheet.region.code}`;
  const standard = row.standard;
  const code = standard.code;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const putResult = (body: object) => run(() => api.put(`${base}/results/${encodeURIComponent(code)}`, body));

  return (
    <div data-testid={`standard-panel-${code}`}>
      <Descriptions
        size="small"
        column={{ xs: 1, lg: 3 }}
        items={[
          { key: 'rule', label: t('evaluation.node.rule'), children: ruleInWords(standard.rule, t) },
          {
            key: 'sites',
            label: t('evaluation.node.siteTypes'),
            children:
              standard.siteTypes.length === 0 ? '—' : standard.siteTypes.map((s) => siteNames.get(s) ?? s).join('、'),
          },
          {
            key: 'result',
            label: t('evaluation.score.result'),
            children: row.result ? (
              <span data-testid={`standard-result-${code}`}>
                {resultInWords(row.result)} · {row.result.scorer.name} {formatTime(row.result.updatedAt)}
                {row.result.note && <Typography.Text type="secondary"> · {row.result.note}</Typography.Text>}
              </span>
            ) : (
              '—'
            ),
          },
        ]}
      />
      {(standard.method === 'material' || row.evidence.length > 0) && (
        <EvidenceSection round={round} base={base} row={row} onChanged={onChanged} />
      )}
      {row.findings.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            {t('evaluation.score.findings')}
          </Divider>
          <Space orientation="vertical" style={{ width: '100%' }} data-testid={`standard-findings-${code}`}>
            {row.findings.map((finding) => (
              <FindingItem
                key={finding.id}
                finding={finding}
                evidence={row.evidence}
                siteNames={siteNames}
                canScore={sheet.canScore}
                onChanged={onChanged}
              />
            ))}
          </Space>
        </>
      )}
      {sheet.canScore && (
        <>
          <Divider titlePlacement="start" plain>
            {t('evaluation.score.enter')}
          </Divider>
          {standard.rule.kind === 'deduction' && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <FindingForm
                base={base}
                row={row}
                siteNames={siteNames}
                busy={busy}
                onSubmit={(body) => run(() => api.post(`${base}/findings`, body))}
              />
              <Button
                icon={<CheckOutlined />}
                loading={busy}
                onClick={() => void putResult({ reviewed: true, note: '' })}
                data-testid={`standard-pass-${code}`}
              >
                {t('evaluation.score.markPassed')}
              </Button>
            </Space>
          )}
          {standard.rule.kind !== 'deduction' && (
            <MeasureForm row={row} busy={busy} onSubmit={(body) => void putResult(body)} />
          )}
          <NotApplicableForm
            code={code}
            busy={busy}
            onSubmit={(reason) =>
              void run(() => api.put(`${base}/results/${encodeURIComponent(code)}/not-applicable`, { reason }))
            }
          />
        </>
      )}
    </div>
  );

  function resultInWords(result: NonNullable<SheetRow['result']>): string {
    if (result.notApplicable) return t('evaluation.scoring.notApplicableTag');
    if (result.satisfaction !== null) return t('evaluation.score.satisfactionIs', { value: result.satisfaction });
    if (result.checked !== null)
      return t('evaluation.score.passedOf', { passed: result.passed ?? 0, checked: result.checked });
    if (result.value !== null) {
      return t(result.source === 'indicator' ? 'evaluation.score.valueFromIndicator' : 'evaluation.score.valueManual', {
        value: result.value,
      });
    }
    return result.reviewed ? t('evaluation.score.reviewedPassed') : '—';
  }
}

function EvidenceSection({
  round,
  base,
  row,
  onChanged,
}: {
  round: Round;
  base: string;
  row: SheetRow;
  onChanged: () => void;
}) {
  const t = useT();
  const showError = useApiError();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`${base}/evidence`, { standardCode: row.standard.code, note });
      setNote('');
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('evaluation.score.evidence')}
      </Divider>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid={`standard-evidence-${row.standard.code}`}>
        {row.evidence.length === 0 && (
          <Typography.Text type="secondary">{t('evaluation.score.noEvidence')}</Typography.Text>
        )}
        {row.evidence.map((evidence) => (
          <div key={evidence.id}>
            <Typography.Text>{evidence.note || t('evaluation.score.evidenceNoNote')}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {evidence.submittedBy} {formatTime(evidence.submittedAt)}
            </Typography.Text>
            <FileLinks files={evidence.attachments} />
            {round.status === 'open' && (
              <AttachmentUpload url={`/api/v1/evaluation/evidence/${evidence.id}/attachments`} onUploaded={onChanged} />
            )}
          </div>
        ))}
        {round.status === 'open' && (
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input
              placeholder={t('evaluation.score.evidenceNote')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid={`evidence-note-${row.standard.code}`}
            />
            <Button loading={busy} onClick={() => void submit()} data-testid={`evidence-submit-${row.standard.code}`}>
              {t('evaluation.score.submitEvidence')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </>
  );
}

function FindingItem({
  finding,
  evidence,
  siteNames,
  canScore,
  onChanged,
}: {
  finding: Finding;
  evidence: Evidence[];
  siteNames: ReadonlyMap<string, string>;
  canScore: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const showError = useApiError();
  const [reason, setReason] = useState('');
  const withdrawn = finding.withdrawn;
  const about = finding.evidenceId ? evidence.find((item) => item.id === finding.evidenceId) : undefined;

  const withdraw = async () => {
    try {
      await api.post(`/api/v1/evaluation/findings/${finding.id}/withdraw`, { reason });
      onChanged();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div data-testid={`finding-${finding.id}`} style={withdrawn ? { opacity: 0.6 } : undefined}>
      <Space wrap size={[8, 2]}>
        <Tag color={withdrawn ? 'default' : 'red'}>−{formatPoints(finding.deduction)}</Tag>
        <Typography.Text delete={withdrawn !== null}>{finding.description}</Typography.Text>
        {finding.siteType && <Tag>{siteNames.get(finding.siteType) ?? finding.siteType}</Tag>}
        {finding.location && <Typography.Text type="secondary">{finding.location}</Typography.Text>}
        <Typography.Text type="secondary">
          {t('evaluation.score.scorer')}：{finding.scorer.name} {formatTime(finding.createdAt)}
        </Typography.Text>
        {about && (
          <Typography.Text type="secondary">
            {t('evaluation.score.aboutEvidence', { note: about.note || about.id.slice(0, 8) })}
          </Typography.Text>
        )}
      </Space>
      {withdrawn && (
        <div>
          <Typography.Text type="secondary">
            {t('evaluation.score.withdrawn', {
              by: withdrawn.by,
              at: formatTime(withdrawn.at),
              reason: withdrawn.reason,
            })}
          </Typography.Text>
        </div>
      )}
      <FileLinks files={finding.attachments} testId={`finding-files-${finding.id}`} />
      {canScore && !withdrawn && (
        <Space wrap style={{ marginTop: 4 }}>
          <AttachmentUpload
            url={`/api/v1/evaluation/findings/${finding.id}/attachments`}
            onUploaded={onChanged}
            testId={`finding-photo-${finding.id}`}
          />
          <Popconfirm
            title={t('evaluation.score.withdrawTitle')}
            description={
              <Input
                placeholder={t('evaluation.score.withdrawReason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            }
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void withdraw()}
          >
            <Button size="small">{t('evaluation.score.withdraw')}</Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}

interface FindingValues {
  description: string;
  deduction?: number;
  siteType?: string;
  location?: string;
  evidenceId?: string;
}

function FindingForm({
  row,
  siteNames,
  busy,
  onSubmit,
}: {
  base: string;
  row: SheetRow;
  siteNames: ReadonlyMap<string, string>;
  busy: boolean;
  onSubmit: (body: FindingValues & { standardCode: string }) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<FindingValues>();
  const code = row.standard.code;
  const perFinding = row.standard.rule.kind === 'deduction' ? row.standard.rule.perFinding : undefined;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
    ) as unknown as FindingValues;
    await onSubmit({ ...body, standardCode: code });
    form.resetFields();
  };

  return (
    <Form<FindingValues> form={form} layout="inline" style={{ rowGap: 8 }} data-testid={`finding-form-${code}`}>
      <Form.Item name="description" rules={requiredText(t('validation.required'))}>
        <Input
          style={{ width: 300 }}
          placeholder={t('evaluation.score.findingDescription')}
          maxLength={2000}
          data-testid={`finding-description-${code}`}
        />
      </Form.Item>
      <Form.Item name="deduction">
        <InputNumber
          min={0}
          step={0.5}
          style={{ width: 130 }}
          placeholder={t('evaluation.score.deductionDefault', { points: formatPoints(perFinding) })}
          data-testid={`finding-deduction-${code}`}
        />
      </Form.Item>
      {row.standard.siteTypes.length > 0 && (
        <Form.Item name="siteType">
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('evaluation.score.siteType')}
            options={row.standard.siteTypes.map((site) => ({ value: site, label: siteNames.get(site) ?? site }))}
          />
        </Form.Item>
      )}
      <Form.Item name="location">
        <Input style={{ width: 180 }} placeholder={t('evaluation.score.location')} maxLength={500} />
      </Form.Item>
      {row.evidence.length > 0 && (
        <Form.Item name="evidenceId">
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('evaluation.score.evidence')}
            options={row.evidence.map((item) => ({ value: item.id, label: item.note || item.id.slice(0, 8) }))}
            data-testid={`finding-evidence-${code}`}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" danger loading={busy} onClick={() => void submit()} data-testid={`finding-add-${code}`}>
          {t('evaluation.score.addFinding')}
        </Button>
      </Form.Item>
    </Form>
  );
}

interface MeasureValues {
  checked?: number;
  passed?: number;
  satisfaction?: number;
  value?: number;
  note?: string;
}

function MeasureForm({
  row,
  busy,
  onSubmit,
}: {
  row: SheetRow;
  busy: boolean;
  onSubmit: (body: MeasureValues) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<MeasureValues>();
  const rule = row.standard.rule;
  const code = row.standard.code;
  const result = row.result;
  const required = requiredChoice(t('validation.required'));

  return (
    <Form<MeasureValues>
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      initialValues={{
        checked: result?.checked ?? undefined,
        passed: result?.passed ?? undefined,
        satisfaction: result?.satisfaction ?? undefined,
        value: result?.value ?? undefined,
        note: result?.note ?? '',
      }}
      onFinish={(values) => onSubmit({ ...values, note: values.note ?? '' })}
      data-testid={`measure-form-${code}`}
    >
      {rule.kind === 'proportion' && (
        <>
          <Form.Item name="checked" label={t('evaluation.score.checked')} rules={required}>
            <InputNumber min={0} precision={0} data-testid={`measure-checked-${code}`} />
          </Form.Item>
          <Form.Item name="passed" label={t('evaluation.score.passed')} rules={required}>
            <InputNumber min={0} precision={0} data-testid={`measure-passed-${code}`} />
          </Form.Item>
        </>
      )}
      {rule.kind === 'survey' && (
        <Form.Item name="satisfaction" label={t('evaluation.score.satisfaction')} rules={required}>
          <InputNumber min={0} max={100} step={0.1} data-testid={`measure-satisfaction-${code}`} />
        </Form.Item>
      )}
      {rule.kind === 'threshold' && (
        <Form.Item
          name="value"
          label={
            rule.indicatorCode
              ? t('evaluation.ruleText.indicator', { code: rule.indicatorCode })
              : t('evaluation.ruleText.value')
          }
          extra={t('evaluation.score.target', {
            comparator: rule.comparator === 'gte' ? '≥' : '≤',
            target: rule.target,
          })}
          rules={required}
        >
          <InputNumber data-testid={`measure-value-${code}`} />
        </Form.Item>
      )}
      <Form.Item name="note">
        <Input style={{ width: 240 }} placeholder={t('evaluation.score.note')} maxLength={2000} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`measure-save-${code}`}>
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}
