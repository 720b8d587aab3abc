import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Checkbox, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { InstructionStatus, InstructionSummary } from '@chuangcheng/core';
import { useTablePage } from '../../api/useTablePage.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { InstructionDrawer } from './InstructionDrawer.tsx';
import { InstructionStatusTag, instructionStatuses } from './InstructionStatusTag.tsx';
import { RecordInstructionModal } from './RecordInstructionModal.tsx';
import { useCurrentPlan } from '../plans/api.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 领导批示: instructions in the office's scope (or handled by the viewer's unit), the office records new ones. */
export default function InstructionsPage() {
  const t = useT();
  const me = useMe();
  const mayWrite = useCan('supervision.write');
  const plan = useCurrentPlan();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<InstructionStatus | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [recording, setRecording] = useState(false);
  const openId = params.get('id');
  const unitView = me.role === 'unit_officer';

  const { table, reload, exportHref } = useTablePage<InstructionSummary>('/api/v1/supervision/instructions', {
    status,
    orgUnitId: unitView ? undefined : orgUnitId,
    overdue: overdue ? 'true' : undefined,
  });

  const columns: TableColumnsType<InstructionSummary> = [
    {
      title: t('instructions.leader'),
      key: 'leader',
      width: 170,
      render: (_, i) => (
        <a onClick={() => setParams({ id: i.id })} data-testid={`instruction-open-${i.id}`}>
          {i.leaderPost} {i.leaderName}
        </a>
      ),
    },
    { title: t('instructions.instructedOn'), dataIndex: 'instructedOn', width: 110 },
    {
      title: t('instructions.content'),
      key: 'content',
      ellipsis: true,
      render: (_, i) => (
        <span>
          {i.content}
          {i.documentTitle && <Typography.Text type="secondary"> · {i.documentTitle}</Typography.Text>}
        </span>
      ),
    },
    { title: t('instructions.leadUnit'), key: 'lead', width: 150, render: (_, i) => i.leadUnit.name },
    { title: t('instructions.replyDue'), dataIndex: 'replyDue', width: 110 },
    {
      title: t('instructions.state'),
      key: 'status',
      width: 150,
      render: (_, i) => <InstructionStatusTag status={i.status} overdue={i.overdue} />,
    },
  ];

  return (
    <Card
      title={t('nav.instructions')}
      extra={
        mayWrite && (
          <CreateButton onClick={() => setRecording(true)} testId="instruction-record">
            {t('instructions.record')}
          </CreateButton>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('instructions.allStates')}
          value={status}
          onChange={setStatus}
          options={instructionStatuses.map((value) => ({ value, label: t(`instructions.status.${value}`) }))}
          aria-label={t('instructions.state')}
          data-testid="instruction-filter-status"
        />
        {!unitView && (
          <div style={{ width: 260 }}>
            <OrgUnitSelect
              value={orgUnitId}
              onChange={setOrgUnitId}
              testId="instruction-filter-unit"
              aria-label={t('instructions.handlingUnit')}
            />
          </div>
        )}
        <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
          {t('instructions.onlyOverdue')}
        </Checkbox>
        <ExportButton href={exportHref} testId="instruction-export" />
      </Space>
      <Table<InstructionSummary>
        rowKey="id"
        columns={columns}
        {...table}
        locale={{ emptyText: t('instructions.none') }}
        data-testid="instruction-table"
      />
      <RecordInstructionModal
        open={recording}
        plan={plan}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          reload();
        }}
      />
      <InstructionDrawer id={openId} onClose={() => setParams({})} onChanged={reload} />
    </Card>
  );
}
