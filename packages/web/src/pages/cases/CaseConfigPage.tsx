import { useMemo, useState } from 'react';
import { Button, Card, Form, Popconfirm, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CaseCategory, CreateDispatchRule, DispatchRule } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useLoaded } from '../supervision/useLoaded.ts';
import { timeLimitText } from './categories.ts';
import { useCategories } from './useCategories.ts';

/** 案件配置: the category tree with its time limits and default units, and the dispatch rules. */
export default function CaseConfigPage() {
  const t = useT();
  return (
    <Card title={t('nav.caseConfig')}>
      <Tabs
        items={[
          { key: 'rules', label: t('case.config.rules'), children: <DispatchRules /> },
          { key: 'categories', label: t('case.config.categories'), children: <Categories /> },
          { key: 'holidays', label: t('case.config.holidays'), children: <Holidays /> },
        ]}
      />
    </Card>
  );
}

function Categories() {
  const t = useT();
  const categories = useCategories();
  const groups = new Map(categories.filter((c) => c.parentCode === null).map((c) => [c.code, c.name]));
  const rows = categories.filter((c) => c.parentCode !== null);
  const columns: TableColumnsType<CaseCategory> = [
    {
      title: t('case.config.group'),
      key: 'group',
      width: 130,
      render: (_, c) => groups.get(c.parentCode ?? '') ?? '—',
    },
    { title: t('case.category'), dataIndex: 'name', width: 150 },
    {
      title: t('case.config.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (kind: CaseCategory['kind']) => t(kind === 'event' ? 'case.config.event' : 'case.config.component'),
    },
    { title: t('case.description'), dataIndex: 'description', ellipsis: true },
    { title: t('case.deadline'), key: 'limit', width: 130, render: (_, c) => timeLimitText(c, t) },
    {
      title: t('case.config.defaultUnit'),
      dataIndex: 'defaultUnitName',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('case.statusLabel'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('case.config.active')}</Tag> : <Tag>{t('case.config.inactive')}</Tag>,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('case.config.categoriesHint')}</Typography.Paragraph>
      <Table<CaseCategory> rowKey="code" size="small" columns={columns} dataSource={rows} pagination={false} />
    </>
  );
}

interface RuleValues {
  regionCode?: string;
  categoryCode?: string;
  orgUnitId?: string | null;
}

function DispatchRules() {
  const t = useT();
  const showError = useApiError();
  const categories = useCategories();
  const { items: rules, loading, reload } = usePagedList<DispatchRule>('/api/v1/cases/dispatch-rules');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<RuleValues>();
  const names = useMemo(() => new Map(categories.map((c) => [c.code, c.name])), [categories]);

  const { busy, save } = useFormSubmit(form, async (values) => {
    const body: CreateDispatchRule = {
      regionCode: values.regionCode ?? '',
      categoryCode: values.categoryCode || undefined,
      orgUnitId: values.orgUnitId ?? '',
    };
    await api.post<DispatchRule>('/api/v1/cases/dispatch-rules', body);
    setAdding(false);
    reload();
  });

  const remove = async (rule: DispatchRule) => {
    try {
      await api.delete(`/api/v1/cases/dispatch-rules/${rule.id}`);
      reload();
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<DispatchRule> = [
    { title: t('case.config.region'), dataIndex: 'regionName' },
    {
      title: t('case.category'),
      dataIndex: 'categoryCode',
      render: (code: string | null) => (code ? (names.get(code) ?? code) : t('case.config.allCategories')),
    },
    { title: t('case.unit'), key: 'unit', render: (_, rule) => rule.orgUnit.name },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, rule) => (
        <Popconfirm
          title={t('case.config.deleteRule')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(rule)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('case.config.rulesHint')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          form.resetFields();
          setAdding(true);
        }}
        data-testid="case-rule-add"
      >
        {t('case.config.addRule')}
      </Button>
      <Table<DispatchRule>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rules}
        loading={loading}
        pagination={false}
      />
      <FormModal<RuleValues>
        open={adding}
        title={t('case.config.addRule')}
        form={form}
        busy={busy}
        onSave={save}
        onClose={() => setAdding(false)}
      >
        <Form.Item
          name="regionCode"
          label={t('case.config.region')}
          rules={[{ required: true, message: t('case.action.reasonRequired') }]}
        >
          <RegionSelect />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('case.category')} extra={t('case.config.categoryHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.filter((c) => c.parentCode !== null).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('case.unit')}
          rules={[{ required: true, message: t('case.action.reasonRequired') }]}
        >
          <OrgUnitSelect />
        </Form.Item>
      </FormModal>
    </>
  );
}

interface HolidayYear {
  year: number;
  source: string;
  holidays: string[];
  workdays: string[];
}

/** The calendar the deadlines are counted with: days off and the weekend days worked (调休). */
function Holidays() {
  const t = useT();
  const { data, loading } = useLoaded<{ items: HolidayYear[] }>('/api/v1/cases/holidays');
  const columns: TableColumnsType<HolidayYear> = [
    { title: t('case.config.year'), dataIndex: 'year', width: 80 },
    {
      title: t('case.config.daysOff'),
      dataIndex: 'holidays',
      render: (days: string[]) => days.map((day) => <Tag key={day}>{day.slice(5)}</Tag>),
    },
    {
      title: t('case.config.workdays'),
      dataIndex: 'workdays',
      width: 220,
      render: (days: string[]) =>
        days.map((day) => (
          <Tag key={day} color="orange">
            {day.slice(5)}
          </Tag>
        )),
    },
    { title: t('case.config.source'), dataIndex: 'source', width: 260 },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('case.config.holidaysHint')}</Typography.Paragraph>
      <Table<HolidayYear>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
      />
    </>
  );
}
