import type { FormRule } from 'antd';

/** A text field that must be filled: empty or only spaces fails with `message`. */
export const requiredText = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];

/** A choice (select, date, number) that must be made. */
export const requiredChoice = (message: string): FormRule[] => [{ required: true, message }];
