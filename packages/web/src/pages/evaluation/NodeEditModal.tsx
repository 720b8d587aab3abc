import { Form, Input, InputNumber, Select } from 'antd';
import {
  EvaluationMethod,
  FrameworkPart,
  type FrameworkDetail,
  type FrameworkStandard,
  type ScoringRule,
} from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { replaceNode, type FoundNode, type NodePatch } from './framework-tree.ts';
import { methodKeys, ruleKindKeys } from './labels.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  name?: string;
  part?: FrameworkPart;
  text?: string;
  points?: number;
  method?: EvaluationMethod;
  siteTypes?: string[];
  ruleKind?: ScoringRule['kind'];
  perFinding?: number;
  indicatorCode?: string;
  comparator?: 'gte' | 'lte';
  target?: number;
  partial?: 'none' | 'linear';
  note: string;
}

interface Props {
  open: boolean;
  framework: FrameworkDetail;
  node: FoundNode;
  onClose: () => void;
  onSaved: (framework: FrameworkDetail) => void;
}

function initialValues(node: FoundNode): Values {
  const standard = node.standard;
  if (!standard) {
    return node.content
      ? { name: node.content.name, note: '' }
      : { name: node.project.name, part: node.project.part, note: '' };
  }
  const rule = standard.rule;
  return {
    text: standard.text,
    points: standard.points,
    method: standard.method,
    siteTypes: standard.siteTypes,
    ruleKind: rule.kind,
    perFinding: rule.kind === 'deduction' ? rule.perFinding : undefined,
    indicatorCode: rule.kind === 'threshold' ? rule.indicatorCode : undefined,
    comparator: rule.kind === 'threshold' ? rule.comparator : 'gte',
    target: rule.kind === 'threshold' ? rule.target : undefined,
    partial: rule.kind === 'threshold' ? rule.partial : 'none',
    note: '',
  };
}

function ruleOf(values: Values): ScoringRule {
  switch (values.ruleKind) {
    case 'proportion':
      return { kind: 'proportion' };
    case 'survey':
      return { kind: 'survey' };
    case 'threshold':
      return {
        kind: 'threshold',
        ...(values.indicatorCode?.trim() ? { indicatorCode: values.indicatorCode.trim() } : {}),
        comparator: values.comparator ?? 'gte',
        target: values.target ?? 0,
        partial: values.partial ?? 'none',
      };
    default:
      return { kind: 'deduction', perFinding: values.perFinding ?? 0 };
  }
}

function patchOf(node: FoundNode, values: Values): NodePatch {
  if (node.standard) {
    const standard: FrameworkStandard = {
      code: node.standard.code,
      text: values.text ?? node.standard.text,
      points: values.points ?? node.standard.points,
      method: values.method ?? node.standard.method,
      siteTypes: values.siteTypes ?? [],
      rule: ruleOf(values),
    };
    return { kind: 'standard', standard };
  }
  if (node.content) return { kind: 'content', name: values.name ?? node.content.name };
  return { kind: 'project', name: values.name ?? node.project.name, part: values.part ?? node.project.part };
}

/** Edits one node; saving stores the whole edition as a new version with the note as its reason. */
export function NodeEditModal({ open, framework, node, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    const document = replaceNode(framework.document, node.ref.code, patchOf(node, values));
    onSaved(
      await api.put<FrameworkDetail>(`/api/v1/evaluation/frameworks/${framework.id}`, { document, note: values.note }),
    );
  });
  const ruleKind = Form.useWatch('ruleKind', form);

  const isStandard = node.standard !== null;
  return (
    <FormModal
      open={open}
      title={t('evaluation.node.editTitle', { code: node.ref.code })}
      form={form}
      submit={submit}
      onClose={onClose}
      width={640}
      initialValues={initialValues(node)}
    >
      {!isStandard && (
        <Form.Item name="name" label={t('evaluation.node.name')} rules={required.choice}>
          <Input maxLength={500} data-testid="node-name" />
        </Form.Item>
      )}
      {!isStandard && !node.content && (
        <Form.Item name="part" label={t('evaluation.node.part')}>
          <Select
            options={FrameworkPart.options.map((part) => ({ value: part, label: t(`evaluation.part.${part}`) }))}
          />
        </Form.Item>
      )}
      {isStandard && (
        <>
          <Form.Item name="text" label={t('evaluation.node.text')} rules={required.choice}>
            <Input.TextArea rows={2} maxLength={500} data-testid="node-text" />
          </Form.Item>
          <Form.Item name="points" label={t('evaluation.node.points')} rules={required.choice}>
            <InputNumber min={0} max={1000} step={0.5} data-testid="node-points" />
          </Form.Item>
          <Form.Item name="method" label={t('evaluation.node.method')} rules={required.choice}>
            <Select options={EvaluationMethod.options.map((m) => ({ value: m, label: t(methodKeys[m]) }))} />
          </Form.Item>
          <Form.Item name="siteTypes" label={t('evaluation.node.siteTypes')}>
            <Select
              mode="multiple"
              allowClear
              options={framework.document.siteTypes.map((site) => ({ value: site.code, label: site.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="node-site-types"
            />
          </Form.Item>
          <Form.Item name="ruleKind" label={t('evaluation.node.rule')} rules={required.choice}>
            <Select
              options={(['deduction', 'proportion', 'threshold', 'survey'] as const).map((kind) => ({
                value: kind,
                label: t(ruleKindKeys[kind]),
              }))}
            />
          </Form.Item>
          {ruleKind === 'deduction' && (
            <Form.Item name="perFinding" label={t('evaluation.node.perFinding')} rules={required.choice}>
              <InputNumber min={0} max={1000} step={0.5} />
            </Form.Item>
          )}
          {ruleKind === 'threshold' && (
            <>
              <Form.Item name="indicatorCode" label={t('evaluation.node.indicatorCode')}>
                <Input maxLength={80} />
              </Form.Item>
              <Form.Item name="comparator" label={t('evaluation.node.comparator')}>
                <Select
                  options={[
                    { value: 'gte', label: '≥' },
                    { value: 'lte', label: '≤' },
                  ]}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Form.Item name="target" label={t('evaluation.node.target')} rules={required.choice}>
                <InputNumber />
              </Form.Item>
              <Form.Item name="partial" label={t('evaluation.node.partial')}>
                <Select
                  options={[
                    { value: 'none', label: t('evaluation.node.partialNone') },
                    { value: 'linear', label: t('evaluation.node.partialLinear') },
                  ]}
                />
              </Form.Item>
            </>
          )}
        </>
      )}
      <Form.Item
        name="note"
        label={t('evaluation.node.note')}
        extra={t('evaluation.node.noteHelp')}
        rules={required.text}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="node-note" />
      </Form.Item>
    </FormModal>
  );
}
