import { useState } from 'react';
import { Alert, Button, Modal, Result, Space, Table, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { FrameworkDetail } from '@chuangcheng/core';
import { ApiError, api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { importErrorRows, type ImportErrorRow } from './import-errors.ts';
import type { ImportResult } from './types.ts';

interface Props {
  open: boolean;
  framework: FrameworkDetail;
  onClose: () => void;
  onImported: () => void;
}

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'refused'; title: string; rows: ImportErrorRow[] };

/**
 * Imports the edition's standards from the Excel template. The server checks every row first:
 * one bad row and nothing is imported, and each error is listed with its row and column.
 */
export function ImportFrameworkModal({ open, framework, onClose, onImported }: Props) {
  const t = useT();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.upload<ImportResult>(
        `/api/v1/evaluation/frameworks/${framework.id}/import`,
        file,
        file.name,
      );
      setOutcome({ kind: 'done', result });
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setOutcome({ kind: 'refused', title: error.detail ?? error.title, rows: importErrorRows(error.errors) });
      } else {
        showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOutcome(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('evaluation.import.title', { name: framework.name })}
      onCancel={close}
      footer={<Button onClick={close}>{t('evaluation.import.close')}</Button>}
      width={760}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('evaluation.import.help')} />
        <Button icon={<DownloadOutlined />} href="/api/v1/evaluation/frameworks/template.xlsx">
          {t('evaluation.framework.template')}
        </Button>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={busy}
          customRequest={({ file, onSuccess }) => {
            void send(file as File).finally(() => onSuccess?.({}));
          }}
          data-testid="framework-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{busy ? t('evaluation.import.checking') : t('evaluation.import.drop')}</p>
        </Upload.Dragger>
        {outcome?.kind === 'done' && (
          <Result
            status="success"
            title={
              outcome.result.unchanged
                ? t('evaluation.import.unchanged')
                : t('evaluation.import.done', {
                    standards: outcome.result.standards,
                    version: outcome.result.framework.version,
                  })
            }
            data-testid="framework-import-done"
          />
        )}
        {outcome?.kind === 'refused' && (
          <div data-testid="framework-import-errors">
            <Alert
              type="error"
              showIcon
              title={t('evaluation.import.refused', { count: outcome.rows.length })}
              description={outcome.title}
              style={{ marginBottom: 12 }}
            />
            <Table<ImportErrorRow>
              rowKey="key"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={outcome.rows}
              columns={[
                {
                  title: t('evaluation.import.row'),
                  dataIndex: 'row',
                  width: 80,
                  render: (row: number | null) => row ?? '—',
                },
                { title: t('evaluation.import.column'), dataIndex: 'column', width: 160 },
                { title: t('evaluation.import.message'), dataIndex: 'message' },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
