import { Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { formatSize } from './StatusTag.tsx';
import type { AttachmentView } from '@chuangcheng/core';

/** A stored file's name, after a paper clip, as the link that downloads it (in a new tab). */
export function AttachmentLink({ file }: { file: { id: string; fileName: string } }) {
  return (
    <>
      <PaperClipOutlined />{' '}
      <a href={`/api/v1/attachments/${file.id}`} target="_blank" rel="noreferrer">
        {file.fileName}
      </a>
    </>
  );
}

/** Evidence files with name (a download link), size and the first characters of the content hash. */
export function AttachmentList({ attachments, testId }: { attachments: AttachmentView[]; testId?: string }) {
  if (attachments.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} data-testid={testId}>
      {attachments.map((file) => (
        <span key={file.id}>
          <AttachmentLink file={file} />{' '}
          <Typography.Text type="secondary">
            {formatSize(file.sizeBytes)} · SHA-256 <span title={file.sha256}>{file.sha256.slice(0, 12)}…</span>
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}
