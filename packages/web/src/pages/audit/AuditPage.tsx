import { useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuditDiff } from './AuditDiff.tsx';
import { VerifyChainButton } from './VerifyChainButton.tsx';

/** Entity types the server writes today; free text is still accepted for newer ones. */
const knownEntityTypes = ['user', 'session', 'region', 'region_group', 'org_unit'];

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
    entityType: values.entityType?.trim(),
    action: values.action?.trim(),
    actor: values.actor?.trim(),
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
}

export default function AuditPage() {
  const { t, language } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const { items, loading, nextCursor, loadMore } = usePagedList<AuditEntry>(withQuery('/api/v1/audit', { ...filters }));

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 190,
      render: (at: string) => new Date(at).toLocaleString(language),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (name: string | null) => name ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 160,
      render: (action: string, entry) => (
        <>
          <Tag>{action}</Tag>
          {entry.pending && <Tag color="gold">{t('audit.pending')}</Tag>}
        </>
      ),
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 140 },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
    { title: t('audit.region'), dataIndex: 'regionCode', width: 140, render: (code: string | null) => code ?? '—' },
  ];

  return (
    <Card title={t('nav.audit')}>
      <div style={{ marginBottom: 16 }}>
        <VerifyChainButton />
      </div>
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => setFilters(toFilters(values))}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="entityType">
          <AutoComplete
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.entityType')}
            options={knownEntityTypes.map((value) => ({ value }))}
            data-testid="audit-filter-entity-type"
          />
        </Form.Item>
        <Form.Item name="action">
          <Input allowClear style={{ width: 160 }} placeholder={t('audit.action')} data-testid="audit-filter-action" />
        </Form.Item>
        <Form.Item name="actor">
          <Input
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.actorFilter')}
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker showTime data-testid="audit-filter-range" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        data-testid="audit-table"
      />
      {nextCursor && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => void loadMore()}
          loading={loading}
          data-testid="audit-load-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
