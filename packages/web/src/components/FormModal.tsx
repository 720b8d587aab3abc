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
  /**
   * What the fields hold each time the modal opens (the record being edited), where they hold
   * more than their own defaults; `useModalForm` resets the form to them on opening.
   */
  initialValues?: Partial<Values>;
  children: ReactNode;
}

/** A modal holding one vertical form, with the catalogue's Save and Cancel buttons. */
export function FormModal<Values>({
  open,
  title,
  form,
  submit,
  onClose,
  width,
  initialValues,
  children,
}: Props<Values>) {
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
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
