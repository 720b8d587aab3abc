import type { ReactNode } from 'react';
import { Card, Table, type TableColumnsType } from 'antd';

interface Props<Row> {
  title: string;
  columns: TableColumnsType<Row>;
  /** The rows and whether they are loading, as `usePagedList` gives them. */
  list: { items: Row[]; loading: boolean };
  emptyText: string;
  testId: string;
  /** The modals and drawers the rows open. */
  children?: ReactNode;
}

/** A workbench panel: what the unit has to do of one kind, as a short unpaged table under a title. */
export function WorkbenchList<Row extends { id: string }>({
  title,
  columns,
  list,
  emptyText,
  testId,
  children,
}: Props<Row>) {
  return (
    <Card title={title}>
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText }}
        data-testid={testId}
      />
      {children}
    </Card>
  );
}
