import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import type { FormSubmit } from './use-form-submit.ts';

interface Props<Values> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  /** From `useFormSubmit` or `useModalForm`: OK saves, and shows as loading while the request runs. */
  submit: FormSubmit;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}

/** A modal holding one vertical form, with the catalogue's Save and Cancel buttons. */
export function FormModal<Values>({ open, title, form, submit, onClose, width, children }: Props<Values>) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.busy}
      onOk={submit.save}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      <Form<Values> form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}
