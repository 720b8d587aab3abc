import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { withQuery } from '../../api/client.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CreateMeetingModal } from './CreateMeetingModal.tsx';
import { MeetingDrawer } from './MeetingDrawer.tsx';
import type { MeetingSummary } from '@chuangcheng/core';
import { useCurrentPlan } from '../plans/api.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 联席会议 and 联络员例会: the meetings of the plan, newest first; the office records new ones. */
export default function MeetingsPage() {
  const t = useT();
  const mayWrite = useCan('supervision.write');
  const plan = useCurrentPlan();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = { planCode: plan?.code };
  const { items, loading, reload } = usePagedList<MeetingSummary>(withQuery('/api/v1/meetings', filters));
  const sorted = [...items].sort((a, b) => b.heldOn.localeCompare(a.heldOn));

  const columns: TableColumnsType<MeetingSummary> = [
    { title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 120 },
    {
      title: t('meetings.kind'),
      dataIndex: 'kind',
      width: 130,
      filters: (['joint', 'liaison'] as const).map((kind) => ({ text: t(`meetings.kind.${kind}`), value: kind })),
      onFilter: (value, meeting) => meeting.kind === value,
      render: (kind: MeetingSummary['kind']) => (
        <Tag color={kind === 'liaison' ? 'blue' : 'gold'}>{t(`meetings.kind.${kind}`)}</Tag>
      ),
    },
    {
      title: t('meetings.title'),
      dataIndex: 'title',
      render: (title: string, meeting) => (
        <a onClick={() => setParams({ id: meeting.id })} data-testid={`meeting-open-${meeting.id}`}>
          {title}
        </a>
      ),
    },
    { title: t('meetings.location'), dataIndex: 'location', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title={t('nav.meetings')}
      extra={
        <Space>
          <ExportButton href={withQuery('/api/v1/meetings/export.xlsx', filters)} testId="meeting-export" />
          {mayWrite && (
            <CreateButton disabled={!plan} onClick={() => setCreating(true)} testId="meeting-create">
              {t('meetings.create')}
            </CreateButton>
          )}
        </Space>
      }
    >
      <Table<MeetingSummary>
        rowKey="id"
        columns={columns}
        dataSource={sorted}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('meetings.none') }}
        data-testid="meeting-table"
      />
      {plan && (
        <CreateMeetingModal
          open={creating}
          planCode={plan.code}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
      <MeetingDrawer id={params.get('id')} onClose={() => setParams({})} />
    </Card>
  );
}
