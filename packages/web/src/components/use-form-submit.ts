import { useEffect, useState } from 'react';
import { Form, type FormInstance } from 'antd';
import { useApiError } from '../api/useApiError.ts';

/** A form's save action and whether it is running, as `useFormSubmit` gives them. */
export interface FormSubmit {
  busy: boolean;
  save: () => void;
}

/**
 * The save wiring every modal and drawer form shares: validate the fields (an invalid form
 * shows its own messages and sends nothing), mark the form busy while `submit` runs, and report
 * a failure with `useApiError`, which puts the server's `errors[].field` messages on the fields.
 * `submit` may return without sending (a value the shared schema rejects) and throws to fail.
 */
export function useFormSubmit<Values>(
  form: FormInstance<Values>,
  submit: (values: Values) => Promise<void>,
): FormSubmit {
  const showError = useApiError();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await submit(values);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return { busy, save: () => void run() };
}

/**
 * The form of a modal: a fresh form each time the modal opens, its fields back to their initial
 * values (the form's `initialValues`, such as the record being edited, else each field's own),
 * saved through `useFormSubmit` (`submit`, which `FormModal` takes).
 */
export function useModalForm<Values>(
  open: boolean,
  send: (values: Values) => Promise<void>,
): { form: FormInstance<Values>; submit: FormSubmit } {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return { form, submit: useFormSubmit(form, send) };
}
