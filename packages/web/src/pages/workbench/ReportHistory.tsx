import { Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AttachmentList } from '../supervision/AttachmentList.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import type { ReportStatus, ReportView } from '@chuangcheng/core';

const statusColour: Record<ReportStatus, string> = { draft: 'default', submitted: 'blue', superseded: 'default' };

interface Props {
  reports: ReportView[];
  /** Set for the unit's own history: submitted reports can be corrected by a new version. */
  onChanged?: () => void;
}

/** Every version of every period, newest first; superseded versions are struck through. */
export function ReportHistory({ reports, onChanged }: Props) {
  const t = useT();
  const showError = useApiError();

  const correct = async (report: ReportView) => {
    try {
      await api.post(`/api/v1/reports/${report.id}/correct`);
      onChanged?.();
    } catch (error) {
      showError(error);
    }
  };

  const old = (report: ReportView) => report.status === 'superseded';
  const sorted = [...reports].sort((a, b) => b.period.localeCompare(a.period) || b.version - a.version);

  const columns: TableColumnsType<ReportView> = [
    { title: t('reports.period'), dataIndex: 'period', width: 90 },
    { title: t('reports.version'), dataIndex: 'version', width: 60, render: (v: number) => `v${v}` },
    {
      title: t('supervision.statusLabel'),
      dataIndex: 'status',
      width: 90,
      render: (status: ReportStatus) => <Tag color={statusColour[status]}>{t(`reports.status.${status}`)}</Tag>,
    },
    {
      title: t('reports.narrative'),
      key: 'narrative',
      render: (_, report) => (
        <div>
          <Typography.Text delete={old(report)} type={old(report) ? 'secondary' : undefined}>
            {report.narrative}
          </Typography.Text>
          {report.figures.length > 0 && (
            <div>
              {report.figures.map((f) => (
                <Tag key={f.label}>
                  {f.label} {f.value}
                  {f.unit}
                </Tag>
              ))}
            </div>
          )}
          {report.completed && <Tag color="green">{t('reports.completed')}</Tag>}
          <AttachmentList attachments={report.attachments} />
        </div>
      ),
    },
    {
      title: t('reports.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      render: (v: string | null, report) => (
        <span>
          {formatTime(v)}
          {report.late && (
            <Tag color="orange" style={{ marginLeft: 4 }} data-testid="report-late">
              {t('supervision.late')}
            </Tag>
          )}
        </span>
      ),
    },
  ];
  if (onChanged) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, report) =>
        report.status === 'submitted' && (
          <Popconfirm
            title={t('reports.correctConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => correct(report)}
          >
            <Button size="small" data-testid={`report-correct-${report.period}`}>
              {t('reports.correct')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Table<ReportView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sorted}
      pagination={false}
      rowClassName={(report) => (old(report) ? 'report-superseded' : '')}
      onRow={(report) => (old(report) ? { style: { opacity: 0.55 } } : {})}
      locale={{ emptyText: t('reports.none') }}
      data-testid="report-history"
    />
  );
}
