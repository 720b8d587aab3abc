import { useState } from 'react';
import { Card, DatePicker, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import type { AuditEntry } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { AuditDiff } from './AuditDiff.tsx';
import { VerifyChainButton } from './VerifyChainButton.tsx';
import { auditActionLabel, auditEntityLabel, labelledAuditActions, labelledAuditEntities } from './audit-labels.ts';

interface FilterValues {
  entityType?: string;
  action?: string;
  actor?: string;
  range?: [{ toISOString: () => string } | null, { toISOString: () => string } | null] | null;
}

interface Filters {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

function toFilters(values: FilterValues): Filters {
  const [from, to] = values.range ?? [null, null];
  return {
    entityType: values.entityType?.trim() || undefined,
    action: values.action?.trim() || undefined,
    actor: values.actor?.trim() || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
}

export default function AuditPage() {
  const { t, language } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const { table, exportHref } = useTablePage<AuditEntry>('/api/v1/audit', { ...filters });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => new Date(at).toLocaleString(language),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 130,
      render: (name: string | null) => name ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 190,
      render: (action: string, entry) => (
        <>
          <Tag title={action} data-action={action}>
            {auditActionLabel(action, t)}
          </Tag>
          {entry.pending && <Tag color="gold">{t('audit.pending')}</Tag>}
        </>
      ),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 130,
      render: (type: string) => auditEntityLabel(type, t),
    },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
    {
      title: t('audit.region'),
      dataIndex: 'regionName',
      width: 130,
      render: (name: string | null, entry) => name ?? entry.regionCode ?? '—',
    },
  ];

  return (
    <Card title={t('nav.audit')}>
      <div style={{ marginBottom: 16 }}>
        <VerifyChainButton />
      </div>
      <ListFilterForm
        form={form}
        onSearch={(values) => setFilters(toFilters(values))}
        onReset={() => setFilters({})}
        extra={<ExportButton href={exportHref} testId="audit-export" />}
      >
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            options={labelledAuditEntities.map((value) => ({ value, label: auditEntityLabel(value, t) }))}
            data-testid="audit-filter-entity-type"
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('audit.filterActionHint')}
            options={labelledAuditActions.map((value) => ({ value, label: auditActionLabel(value, t) }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.actorFilter')}
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.at')}>
          <DatePicker.RangePicker showTime data-testid="audit-filter-range" />
        </Form.Item>
      </ListFilterForm>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        {...table}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        data-testid="audit-table"
      />
    </Card>
  );
}
