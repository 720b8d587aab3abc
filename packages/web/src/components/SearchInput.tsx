import { useState, type CSSProperties } from 'react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  onSearch: (value: string) => void;
  placeholder: string;
  loading?: boolean;
  style?: CSSProperties;
  /** Lands on the <input> itself (unlike Input.Search, which puts it on a wrapper), so tests can type into it. */
  testId?: string;
}

/** A text box with a search button; Enter or the button submits, clearing submits an empty query. */
export function SearchInput({ onSearch, placeholder, loading, style, testId }: Props) {
  const t = useT();
  const [value, setValue] = useState('');
  return (
    <Space.Compact style={style}>
      <Input
        allowClear
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          setValue(event.target.value);
          if (event.target.value === '') onSearch('');
        }}
        onPressEnter={() => onSearch(value)}
        data-testid={testId}
      />
      <Button type="primary" icon={<SearchOutlined />} loading={loading} onClick={() => onSearch(value)}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
