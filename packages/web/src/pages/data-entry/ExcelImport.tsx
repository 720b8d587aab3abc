import { useState } from 'react';
import { Alert, App, Button, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { DataSetView, ImportResult } from '@chuangcheng/core';
import { ApiError, api, withQuery } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { importErrorOf } from './entry-helpers.ts';

interface RowError {
  key: number;
  row: number | null;
  field: string;
  message: string;
}

/**
 * Offline filling: download the template (the reporting regions under `regionCode` as rows, the
 * data set's elements as columns), upload it filled. The import is all or nothing; when it fails,
 * every wrong cell is listed by row and field and nothing has been saved.
 */
export function ExcelImport({
  dataSet,
  regionCode,
  period,
  onImported,
}: {
  dataSet: DataSetView;
  regionCode: string;
  period: string;
  onImported: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const elementName = new Map(dataSet.elements.map((e) => [e.code, e.name]));
  const fieldName = (field: string) =>
    elementName.get(field) ??
    (field === 'region' ? t('indicator.entry.region') : field === 'period' ? t('indicator.entry.period') : field);

  const upload = async (file: File) => {
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      const answer = await api.upload<ImportResult>(
        `/api/v1/data-sets/${encodeURIComponent(dataSet.code)}/import`,
        file,
        file.name,
      );
      setResult(answer);
      message.success(t('indicator.entry.imported', { regions: answer.regions, values: answer.values }));
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        // The table below lists every wrong cell; no notification on top of it.
        setErrors(error.errors.map((e, index) => ({ key: index, ...importErrorOf(e.field), message: e.message })));
      } else {
        showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<RowError> = [
    { title: t('indicator.entry.row'), dataIndex: 'row', width: 70, render: (row: number | null) => row ?? '—' },
    { title: t('indicator.entry.field'), dataIndex: 'field', width: 200, render: fieldName },
    { title: t('indicator.entry.problem'), dataIndex: 'message' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="excel-import">
      <Space wrap>
        <Button
          icon={<FileExcelOutlined />}
          href={withQuery(`/api/v1/data-sets/${encodeURIComponent(dataSet.code)}/template.xlsx`, {
            region: regionCode,
            period,
          })}
          data-testid="excel-template"
        >
          {t('indicator.entry.downloadTemplate')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="excel-upload">
            {t('indicator.entry.uploadFilled')}
          </Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary">{t('indicator.entry.excelHint')}</Typography.Text>
      {result && (
        <Alert
          type="success"
          showIcon
          title={t('indicator.entry.imported', { regions: result.regions, values: result.values })}
          data-testid="excel-imported"
        />
      )}
      {errors.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('indicator.entry.importFailed', { count: errors.length })} />
          <Table<RowError>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={errors}
            pagination={false}
            data-testid="excel-errors"
          />
        </>
      )}
    </Space>
  );
}
