import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card, InputNumber, Select, Space, Table, type TableColumnsType } from 'antd';
import { RoundKind, RoundStatus } from '@chuangcheng/core';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTablePage } from '../../api/useTablePage.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CreateRoundModal } from './CreateRoundModal.tsx';
import { roundKindKeys, roundStatusKeys } from './labels.ts';
import { roundColumns } from './round-columns.tsx';
import { RoundStatusTag } from './RoundStatusTag.tsx';
import { RoundView } from './RoundView.tsx';
import type { RoundSummary } from './types.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 测评轮次: `/evaluation/rounds` lists rounds; `/evaluation/rounds/<id>` opens one. */
export default function RoundsPage() {
  const { id } = useParams();
  if (id) return <RoundView id={id} />;
  return <RoundList />;
}

function RoundList() {
  const t = useT();
  const navigate = useNavigate();
  const mayManage = useCan('evaluation.manage');
  const [status, setStatus] = useState<RoundStatus | undefined>();
  const [kind, setKind] = useState<RoundKind | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const { table, exportHref } = useTablePage<RoundSummary>('/api/v1/evaluation/rounds', {
    status,
    kind,
    year,
  });

  const { head, regionCount } = roundColumns(t, true);
  const columns: TableColumnsType<RoundSummary> = [
    ...head,
    {
      title: t('evaluation.round.period'),
      key: 'period',
      width: 210,
      render: (_, round) => `${round.periodStart} ~ ${round.periodEnd}`,
    },
    {
      title: t('evaluation.round.framework'),
      key: 'framework',
      width: 240,
      render: (_, round) => `${round.framework.name} v${round.framework.version}`,
    },
    regionCount,
    {
      title: t('evaluation.round.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: RoundStatus) => <RoundStatusTag status={value} />,
    },
  ];

  return (
    <Card
      title={t('evaluation.nav.rounds')}
      extra={
        <Space>
          <ExportButton href={exportHref} testId="rounds-export" />
          {mayManage && (
            <CreateButton onClick={() => setCreating(true)} testId="round-create">
              {t('evaluation.round.create')}
            </CreateButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('evaluation.round.allStatuses')}
          value={status}
          onChange={setStatus}
          aria-label={t('a11y.rounds.filterStatus')}
          options={RoundStatus.options.map((value) => ({ value, label: t(roundStatusKeys[value]) }))}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('evaluation.round.allKinds')}
          value={kind}
          onChange={setKind}
          aria-label={t('a11y.rounds.filterKind')}
          options={RoundKind.options.map((value) => ({ value, label: t(roundKindKeys[value]) }))}
        />
        <InputNumber
          placeholder={t('evaluation.round.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => setYear(value)}
          style={{ width: 120 }}
          aria-label={t('a11y.rounds.filterYear')}
        />
      </Space>
      <Table<RoundSummary>
        rowKey="id"
        columns={columns}
        {...table}
        locale={{ emptyText: t('evaluation.round.none') }}
        data-testid="round-table"
      />
      <CreateRoundModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(round) => {
          setCreating(false);
          void navigate(`/evaluation/rounds/${round.id}`);
        }}
      />
    </Card>
  );
}
