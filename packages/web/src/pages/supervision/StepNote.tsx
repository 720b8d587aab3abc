import type { ReactNode } from 'react';
import { Input, Space } from 'antd';

interface Props {
  rows: number;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Wrap the buttons onto a second line when the drawer is narrow. */
  wrap?: boolean;
  /** The buttons that send the note with the step they take. */
  children: ReactNode;
}

/** The text a step of a chain sends (a report, a note, a reason to return) and the buttons that send it. */
export function StepNote({ rows, placeholder, value, onChange, testId, wrap, children }: Props) {
  return (
    <>
      <Input.TextArea
        rows={rows}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
      <Space wrap={wrap}>{children}</Space>
    </>
  );
}
