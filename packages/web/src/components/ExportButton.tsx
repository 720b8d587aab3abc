import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useT } from '../i18n/I18nProvider.tsx';

/** 导出 Excel: downloads the list with its current filters (the server applies the same scope). */
export function ExportButton({ href, testId }: { href: string; testId?: string }) {
  const t = useT();
  return (
    <Button icon={<FileExcelOutlined />} href={href} data-testid={testId}>
      {t('list.export')}
    </Button>
  );
}
