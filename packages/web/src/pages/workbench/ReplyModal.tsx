import { useState } from 'react';
import { Button, Form, Input, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { acceptedFiles } from '../supervision/AttachmentUpload.tsx';
import type { Notice } from '@chuangcheng/core';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Props {
  notice: Notice | null;
  onClose: () => void;
  onSaved: () => void;
}

/** 反馈: the reply text and any evidence files; the files go up first, then the reply. */
export function ReplyModal({ notice, onClose, onSaved }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { form, submit } = useModalForm<{ text: string }>(notice !== null, async ({ text }) => {
    if (!notice) return;
    for (const file of files) {
      if (file.originFileObj)
        await api.upload(`/api/v1/notices/${notice.id}/attachments`, file.originFileObj, file.name);
    }
    await api.post(`/api/v1/notices/${notice.id}/reply`, { text });
    setFiles([]);
    onSaved();
  });

  return (
    <FormModal
      open={notice !== null}
      title={notice ? t('notices.replyTitle', { number: notice.number }) : ''}
      form={form}
      submit={submit}
      onClose={() => {
        setFiles([]);
        onClose();
      }}
      width={600}
    >
      <Form.Item name="text" label={t('notices.replyText')} rules={required.text}>
        <Input.TextArea rows={5} maxLength={5000} data-testid="notice-reply-text" />
      </Form.Item>
      <Form.Item label={t('notices.evidence')}>
        <Upload
          accept={acceptedFiles}
          fileList={files}
          beforeUpload={(file) => {
            setFiles((list) => [...list, { uid: file.uid, name: file.name, size: file.size, originFileObj: file }]);
            return false;
          }}
          onRemove={(file) => setFiles((list) => list.filter((item) => item.uid !== file.uid))}
        >
          <Button icon={<UploadOutlined />} data-testid="notice-reply-upload">
            {t('notices.addEvidence')}
          </Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
