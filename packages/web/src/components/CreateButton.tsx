import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

/** A list's 新建 button (primary, with a plus): opens the form that adds an item to the list. */
export function CreateButton({
  onClick,
  testId,
  disabled,
  children,
}: {
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button type="primary" icon={<PlusOutlined />} disabled={disabled} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
