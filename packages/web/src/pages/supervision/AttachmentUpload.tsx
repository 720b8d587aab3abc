import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { AttachmentView } from '@chuangcheng/core';

export const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.xlsx,.xls,.docx,.csv';

interface Props {
  /** e.g. /api/v1/reports/<id>/attachments */
  url: string;
  onUploaded: (attachment: AttachmentView) => void;
  disabled?: boolean;
  testId?: string;
}

/** One file at a time to an attachments route; the server checks type and size. */
export function AttachmentUpload({ url, onUploaded, disabled, testId }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);

  return (
    <Upload
      accept={acceptedFiles}
      showUploadList={false}
      disabled={disabled || busy}
      customRequest={({ file, onSuccess, onError }) => {
        const blob = file as File;
        setBusy(true);
        api
          .upload<AttachmentView>(url, blob, blob.name)
          .then((attachment) => {
            onSuccess?.(attachment);
            message.success(t('attachments.uploaded', { name: attachment.fileName }));
            onUploaded(attachment);
          })
          .catch((error: unknown) => {
            onError?.(error as Error);
            showError(error);
          })
          .finally(() => setBusy(false));
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid={testId}>
        {t('attachments.upload')}
      </Button>
    </Upload>
  );
}
