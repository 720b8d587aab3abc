import { Space, Typography } from 'antd';
import type { z } from 'zod';
import type { AttachmentRef } from '@chuangcheng/core';
import { formatSize } from '../supervision/StatusTag.tsx';
import { AttachmentLink } from '../supervision/AttachmentList.tsx';

type FileRef = z.infer<typeof AttachmentRef>;

/** Evidence files and photos as download links with their size. */
export function FileLinks({ files, testId }: { files: readonly FileRef[]; testId?: string }) {
  if (files.length === 0) return null;
  return (
    <Space size={[12, 2]} wrap data-testid={testId}>
      {files.map((file) => (
        <span key={file.id}>
          <AttachmentLink file={file} />{' '}
          <Typography.Text type="secondary">{formatSize(file.sizeBytes)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
