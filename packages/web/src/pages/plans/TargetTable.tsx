import { Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { NoteIcon, ScopeLabel } from './ScopeLabel.tsx';
import { targetInWords } from './target-format.ts';
import type { PlanTargetView } from '@chuangcheng/core';
import styles from './plans.module.css';

/** The targets of one task (or the plan's goals), each with the seed's phrase quoted below it. */
export function TargetTable({ targets, testId }: { targets: PlanTargetView[]; testId: string }) {
  const t = useT();
  const columns: TableColumnsType<PlanTargetView> = [
    {
      title: t('plans.target.title'),
      dataIndex: 'title',
      render: (_title: string, target) => (
        <>
          <Typography.Text strong>{target.title}</Typography.Text>
          {target.note && <NoteIcon note={target.note} />}
          <Typography.Text type="secondary" className={styles.quote}>
            {t('plans.quoted', { text: target.sourceText })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('plans.target.value'),
      key: 'value',
      width: 160,
      render: (_value, target) => <Typography.Text strong>{targetInWords(target, t)}</Typography.Text>,
    },
    { title: t('plans.target.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('plans.target.scope'),
      key: 'scope',
      width: 200,
      render: (_scope, target) => <ScopeLabel scope={target.scope} />,
    },
  ];
  return (
    <Table<PlanTargetView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={targets}
      pagination={false}
      data-testid={testId}
    />
  );
}
