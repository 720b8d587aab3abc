import type { ReactNode } from 'react';
import { Button, Form, Space, type FormInstance } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props<V> {
  form: FormInstance<V>;
  /** 查询: the form's values become the list's filters. */
  onSearch: (values: V) => void;
  /** 重置: the fields are cleared and the list shows everything again. */
  onReset: () => void;
  /** The filter fields, each a labelled Form.Item. */
  children: ReactNode;
  /** Buttons after 查询/重置 (导出 …). */
  extra?: ReactNode;
  testId?: string;
}

/**
 * The filter bar of a list page as every government system has it: labelled fields in a row,
 * then 查询 and 重置. Nothing filters until 查询 (or Enter), so a half-typed value fires no request.
 */
export function ListFilterForm<V>({ form, onSearch, onReset, children, extra, testId }: Props<V>) {
  const t = useT();
  return (
    <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 12 }} data-testid={testId}>
      {children}
      <Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="list-search">
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              form.resetFields();
              onReset();
            }}
            data-testid="list-reset"
          >
            {t('common.reset')}
          </Button>
          {extra}
        </Space>
      </Form.Item>
    </Form>
  );
}
