import type { FormRule } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

/** A text field that must be filled: empty or only spaces fails with `message`. */
export const requiredText = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];

/** A choice (select, date, number) that must be made. */
export const requiredChoice = (message: string): FormRule[] => [{ required: true, message }];

/**
 * The two rules with the catalogue's own "required" text (`validation.required`), for forms
 * whose fields need no more particular message: `rules={required.text}`, `rules={required.choice}`.
 */
export function useRequiredRules(): { text: FormRule[]; choice: FormRule[] } {
  const t = useT();
  const message = t('validation.required');
  return { text: requiredText(message), choice: requiredChoice(message) };
}
