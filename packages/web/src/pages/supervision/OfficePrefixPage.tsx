import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { chinaDate, type NoticePrefix } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useOfficePrefixes } from './api.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  orgUnitId: string;
  prefix: string;
}

/**
 * 督办单文号前缀: what precedes 〔年份〕 on the notices an issuing office signs (黑文明督〔2026〕5号),
 * per office (decisions 0081, 0144). Numbers already drawn keep theirs; the series continues.
 */
export default function OfficePrefixPage() {
  const t = useT();
  const required = useRequiredRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<NoticePrefix[]>([]);
  const { data, loading } = useOfficePrefixes();
  const items = [...saved, ...(data?.items ?? []).filter((item) => !saved.some((s) => s.orgUnitId === item.orgUnitId))];

  const { busy, save } = useFormSubmit(form, async (values) => {
    const set = await api.put<NoticePrefix>(`/api/v1/supervision/office-prefixes/${values.orgUnitId}`, {
      prefix: values.prefix.trim(),
    });
    message.success(t('officePrefix.saved'));
    form.resetFields();
    setSaved((list) => [set, ...list.filter((item) => item.orgUnitId !== set.orgUnitId)]);
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('officePrefix.title')}>
        <Typography.Paragraph type="secondary">{t('officePrefix.help')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={() => void save()}>
          <Form.Item name="orgUnitId" label={t('officePrefix.office')} rules={required.choice}>
            <OrgUnitSelect testId="office-prefix-unit" />
          </Form.Item>
          <Form.Item name="prefix" label={t('officePrefix.prefix')} rules={required.text}>
            <Input maxLength={20} placeholder="黑文明督" style={{ width: 180 }} data-testid="office-prefix-value" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="office-prefix-save">
            {t('officePrefix.save')}
          </Button>
        </Form>
      </Card>
      <Card>
        <Table<NoticePrefix>
          rowKey="orgUnitId"
          loading={loading}
          dataSource={items}
          pagination={false}
          columns={[
            { title: t('officePrefix.office'), dataIndex: 'name' },
            { title: t('officePrefix.prefix'), dataIndex: 'prefix' },
            {
              title: t('officePrefix.example'),
              render: (_, item) => `${item.prefix}〔${chinaDate(new Date()).slice(0, 4)}〕1号`,
            },
          ]}
          data-testid="office-prefix-table"
        />
      </Card>
    </Space>
  );
}
