import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  levelFromCode,
  type CaseCategory,
  type CaseSettings,
  type CreateDispatchRule,
  type DispatchRule,
  type HolidayList,
  type UpdateCategoryRequest,
} from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useFormSubmit, useModalForm } from '../../components/use-form-submit.ts';
import { timeLimitText } from './categories.ts';
import { useCategories } from './useCategories.ts';
import { useCalendarCoverage, useCaseSettings, useHolidays } from './api.ts';
import { requiredChoice } from '../../components/form-rules.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 案件配置: the category tree with its time limits and default units, and the dispatch rules. */
export default function CaseConfigPage() {
  const t = useT();
  return (
    <Card title={t('nav.caseConfig')}>
      <CalendarWarning />
      <Tabs
        items={[
          { key: 'rules', label: t('case.config.rules'), children: <DispatchRules /> },
          { key: 'categories', label: t('case.config.categories'), children: <Categories /> },
          { key: 'holidays', label: t('case.config.holidays'), children: <Holidays /> },
          { key: 'duplicates', label: t('case.config.duplicates'), children: <DuplicateSettings /> },
        ]}
      />
    </Card>
  );
}

/**
 * The holiday calendar lacks a year deadlines run in: this year (counted Monday to Friday only now)
 * or, from 1 October, the next (the server judges, GET /cases/holidays/coverage).
 */
function CalendarWarning() {
  const t = useT();
  const { data } = useCalendarCoverage({ keepPrevious: true });
  if (!data || data.missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="case-calendar-warning"
      title={data.missing
        .map((gap) => t(gap.due === 'current' ? 'calendar.missingCurrent' : 'calendar.missingNext', { year: gap.year }))
        .join(' ')}
      description={t('calendar.howToAdd')}
    />
  );
}

interface CategoryValues {
  amount: number;
  unit: 'hours' | 'days';
  defaultUnitName?: string;
  active: boolean;
}

/** Categories and limits serve the whole province: only an account scoped to it may change them. */
function useProvinceWide(): boolean {
  return levelFromCode(useMe().regionCode) === 1;
}

function Categories() {
  const t = useT();
  const categories = useCategories();
  const mayEdit = useProvinceWide();
  const [editing, setEditing] = useState<CaseCategory | null>(null);
  const groups = new Map(categories.filter((c) => c.parentCode === null).map((c) => [c.code, c.name]));
  const rows = categories.filter((c) => c.parentCode !== null);

  const { form, submit } = useModalForm<CategoryValues>(editing !== null, async (values) => {
    if (!editing) return;
    const body: UpdateCategoryRequest = {
      timeLimit: { amount: values.amount, unit: values.unit },
      defaultUnitName: values.defaultUnitName?.trim() || null,
      active: values.active,
    };
    await api.patch<CaseCategory>(`/api/v1/cases/categories/${editing.code}`, body);
    // The write refetches the categories (every write invalidates the query cache).
    setEditing(null);
  });

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
    ...(mayEdit
      ? [
          {
            title: t('common.actions'),
            key: 'edit',
            width: 80,
            render: (_: unknown, c: CaseCategory) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(c)}
                data-testid={`case-category-edit-${c.code}`}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('case.config.categoriesHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <ExportButton href="/api/v1/cases/categories/export.xlsx" testId="case-categories-export" />
      </Space>
      <Table<CaseCategory> rowKey="code" size="small" columns={columns} dataSource={rows} pagination={false} />
      <FormModal<CategoryValues>
        open={editing !== null}
        title={editing ? `${t('common.edit')} · ${editing.name}` : ''}
        form={form}
        submit={submit}
        onClose={() => setEditing(null)}
        initialValues={
          editing
            ? {
                amount: editing.timeLimit?.amount ?? 1,
                unit: editing.timeLimit?.unit ?? 'days',
                defaultUnitName: editing.defaultUnitName ?? '',
                active: editing.active,
              }
            : undefined
        }
      >
        <Form.Item label={t('case.deadline')} required extra={t('case.config.limitHint')}>
          <Space.Compact>
            <Form.Item name="amount" noStyle rules={requiredChoice(t('case.action.reasonRequired'))}>
              <InputNumber min={1} max={365} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'hours', label: t('case.action.workingHours') },
                  { value: 'days', label: t('case.action.workingDays') },
                ]}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="defaultUnitName" label={t('case.config.defaultUnit')} extra={t('case.config.defaultUnitHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="active" label={t('case.config.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The distance and time window in which an open case of the same category counts as a possible duplicate. */
function DuplicateSettings() {
  const t = useT();
  const { message } = App.useApp();
  const mayEdit = useProvinceWide();
  const { data } = useCaseSettings({ keepPrevious: true });
  const [form] = Form.useForm<CaseSettings>();
  const { busy, save } = useFormSubmit(form, async (values) => {
    await api.put<CaseSettings>('/api/v1/cases/settings', values);
    message.success(t('case.config.saved'));
  });
  if (!data) return null;
  return (
    <Form<CaseSettings> form={form} layout="inline" initialValues={data} disabled={!mayEdit}>
      <Form.Item name="duplicateMetres" label={t('case.config.duplicateMetres')} rules={[{ required: true }]}>
        <InputNumber min={10} max={5000} suffix={t('case.config.metres')} />
      </Form.Item>
      <Form.Item name="duplicateDays" label={t('case.config.duplicateDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} suffix={t('case.config.days')} />
      </Form.Item>
      {mayEdit && (
        <Button type="primary" loading={busy} onClick={save}>
          {t('common.save')}
        </Button>
      )}
    </Form>
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
  const names = useMemo(() => new Map(categories.map((c) => [c.code, c.name])), [categories]);

  const { form, submit } = useModalForm<RuleValues>(adding, async (values) => {
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
      <Space style={{ marginBottom: 12 }}>
        <CreateButton onClick={() => setAdding(true)} testId="case-rule-add">
          {t('case.config.addRule')}
        </CreateButton>
        <ExportButton href="/api/v1/cases/dispatch-rules/export.xlsx" testId="case-rules-export" />
      </Space>
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
        submit={submit}
        onClose={() => setAdding(false)}
      >
        <Form.Item
          name="regionCode"
          label={t('case.config.region')}
          rules={requiredChoice(t('case.action.reasonRequired'))}
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
        <Form.Item name="orgUnitId" label={t('case.unit')} rules={requiredChoice(t('case.action.reasonRequired'))}>
          <OrgUnitSelect />
        </Form.Item>
      </FormModal>
    </>
  );
}

type HolidayYear = HolidayList['items'][number];

/** The calendar the deadlines are counted with: days off and the weekend days worked (调休). */
function Holidays() {
  const t = useT();
  const { data, loading } = useHolidays({ keepPrevious: true });
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
      <Space style={{ marginBottom: 12 }}>
        <ExportButton href="/api/v1/cases/holidays/export.xlsx" testId="case-holidays-export" />
      </Space>
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
