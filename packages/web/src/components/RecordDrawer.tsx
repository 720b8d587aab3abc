import type { ReactNode } from 'react';
import { Descriptions, Drawer, Space, type DescriptionsProps } from 'antd';

interface Props<T> {
  /** Whether a record is asked for (the drawer is open). */
  open: boolean;
  /** The record once it is loaded; while it is not, the drawer shows its loading state. */
  record: T | null | undefined;
  onClose: () => void;
  size: number;
  title?: (record: T) => ReactNode;
  extra?: (record: T) => ReactNode;
  testId: string;
  /** The drawer's body, its parts stacked one below the other. */
  children: (record: T) => ReactNode;
}

/**
 * The side drawer that shows one record of a list (a notice, a case, an instruction …): open while
 * one is asked for, loading until it is there, then its title, header extras and body from it.
 */
export function RecordDrawer<T>({ open, record, onClose, size, title, extra, testId, children }: Props<T>) {
  const current = record ?? null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      loading={open && current === null}
      title={current && title?.(current)}
      extra={current && extra?.(current)}
      data-testid={testId}
    >
      {current && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {children(current)}
        </Space>
      )}
    </Drawer>
  );
}

/** A record's facts as a bordered one-column list of label and value, labels of one width. */
export function FactList({
  labelWidth,
  items,
  testId,
}: {
  labelWidth: number;
  items: DescriptionsProps['items'];
  testId?: string;
}) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: labelWidth } }}
      items={items}
      data-testid={testId}
    />
  );
}
