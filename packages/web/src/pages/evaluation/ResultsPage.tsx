import { Link } from 'react-router';
import { Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { BarChartOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTablePage } from '../../api/useTablePage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { roundColumns } from './round-columns.tsx';
import type { RoundSummary } from './types.ts';

/** 结果发布: published rounds, each with its ranking, the Excel workbook and a printable publication (PDF by printing). */
export default function ResultsPage() {
  const t = useT();
  const { table } = useTablePage<RoundSummary>('/api/v1/evaluation/rounds', {
    status: 'published',
  });

  const { head, regionCount } = roundColumns(t, false);
  const columns: TableColumnsType<RoundSummary> = [
    ...head,
    regionCount,
    { title: t('evaluation.results.publishedAt'), dataIndex: 'publishedAt', width: 160, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      render: (_, round) => (
        <Space wrap>
          <Link to={`/evaluation/rankings?round=${round.id}`}>
            <Button size="small" icon={<BarChartOutlined />}>
              {t('evaluation.round.ranking')}
            </Button>
          </Link>
          <Button size="small" icon={<FileExcelOutlined />} href={`/api/v1/evaluation/rounds/${round.id}/results.xlsx`}>
            {t('evaluation.results.excel')}
          </Button>
          <Link to={`/evaluation/rounds/${round.id}/publication`} data-testid={`results-print-${round.name}`}>
            <Button size="small" icon={<PrinterOutlined />}>
              {t('evaluation.results.print')}
            </Button>
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('evaluation.nav.results')}>
      <Table<RoundSummary>
        rowKey="id"
        columns={columns}
        {...table}
        locale={{ emptyText: t('evaluation.results.none') }}
        data-testid="results-table"
      />
    </Card>
  );
}
