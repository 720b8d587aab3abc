import { Button, Space } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/**
 * Downloads the monthly 督查通报 of the month holding the board's date, for the viewer's region
 * (an office document: unit officers read the ledger instead and see no button).
 */
export function BulletinButton({ code, asOf }: { code: string | null; asOf: string }) {
  const t = useT();
  const me = useMe();
  if (!code || me.role === 'unit_officer') return null;
  const period = asOf.slice(0, 7);
  const month = { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
  const base = `/api/v1/plans/${encodeURIComponent(code)}/bulletin`;
  return (
    <Space>
      <Button icon={<FileWordOutlined />} href={withQuery(`${base}.docx`, { period })} data-testid="board-bulletin">
        {t('bulletin.download', month)}
      </Button>
      <Button icon={<FilePdfOutlined />} href={withQuery(`${base}.pdf`, { period })} data-testid="board-bulletin-pdf">
        {t('bulletin.downloadPdf', month)}
      </Button>
    </Space>
  );
}
