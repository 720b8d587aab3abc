import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * Shows a failed request to the person: the server's localised problem title as a notification,
 * and each `errors[].field` next to its form field when a form is given.
 */
export function useApiError(): (error: unknown, form?: FormInstance) => void {
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        notification.error({
          title: t('error.network'),
          description: error instanceof Error ? error.message : undefined,
        });
        return;
      }
      if (form && error.errors.length > 0) {
        form.setFields(
          error.errors.map((fieldError) => ({
            name: fieldError.field.split('.').filter(Boolean),
            errors: [fieldError.message],
          })),
        );
      }
      notification.error({ title: error.title, description: error.detail });
    },
    [notification, t],
  );
}
