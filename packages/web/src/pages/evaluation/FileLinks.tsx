import { Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { AttachmentRef } from '@chuangcheng/core';
import { formatSize } from '../supervision/StatusTag.tsx';

type FileRef = z.infer<typeof AttachmentRef>;

/** Evidence files and photos as download links with their size. */
export function FileLinks({ files, testId }: { files: readonly FileRef[]; testId?: string }) {
  if (files.length === 0) return null;
  return (
    <Space size={[12, 2]} wrap data-testid={testId}>
      {files.map((file) => (
        <span key={file.id}>
          <PaperClipOutlined />{' '}
          <a href={`/api/v1/attachments/${file.id}`} target="_blank" rel="noreferrer">
            {file.fileName}
          </a>{' '}
          <Typography.Text type="secondary">{formatSize(file.sizeBytes)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
