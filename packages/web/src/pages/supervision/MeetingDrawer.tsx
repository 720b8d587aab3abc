import { useState } from 'react';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList, RecordDrawer } from '../../components/RecordDrawer.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { AttachmentUpload } from './AttachmentUpload.tsx';
import { statusColumn } from './StatusTag.tsx';
import type { ActionItem, AttachmentView } from '@chuangcheng/core';
import { useMeeting } from './api.ts';

/** A text of several lines as it was written, line breaks kept; a dash when there is none. */
function Lines({ text }: { text: string }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{text || '—'}</Typography.Paragraph>;
}

interface Props {
  id: string | null;
  onClose: () => void;
}

/** One joint meeting: attendees, minutes, decisions and its action items in the three colours. */
export function MeetingDrawer({ id, onClose }: Props) {
  const t = useT();
  const mayWrite = useCan('supervision.write');
  // Files uploaded in this drawer, shown until the meeting's own list includes them.
  const [uploaded, setUploaded] = useState<{ meetingId: string; files: AttachmentView[] }>({
    meetingId: '',
    files: [],
  });

  const { data: meeting } = useMeeting(id, { keepPrevious: true });
  const current = meeting && meeting.id === id ? meeting : null;

  const columns: TableColumnsType<ActionItem> = [
    { title: t('meetings.actionTitle'), dataIndex: 'title' },
    { title: t('meetings.owner'), key: 'owner', width: 150, render: (_, item) => item.owner.name },
    { title: t('meetings.due'), dataIndex: 'due', width: 110 },
    statusColumn<ActionItem>(t, (item) => item.derivedStatus),
    { title: t('meetings.completionNote'), dataIndex: 'completionNote', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      size={820}
      record={current}
      title={(current) => current.title}
      testId="meeting-drawer"
    >
      {(current) => (
        <>
          <FactList
            labelWidth={130}
            items={[
              { key: 'heldOn', label: t('meetings.heldOn'), children: current.heldOn },
              { key: 'location', label: t('meetings.location'), children: current.location ?? '—' },
              {
                key: 'attendees',
                label: t('meetings.attendees'),
                children: current.attendees.map((unit) => <Tag key={unit.id}>{unit.name}</Tag>),
              },
              {
                key: 'minutes',
                label: t('meetings.minutes'),
                children: <Lines text={current.minutes} />,
              },
              {
                key: 'decisions',
                label: t('meetings.decisions'),
                children: <Lines text={current.decisions} />,
              },
            ]}
          />
          <Space orientation="vertical">
            <AttachmentList
              attachments={[
                ...(current.attachments ?? []),
                ...(uploaded.meetingId === current.id ? uploaded.files : []).filter(
                  (file) => !current.attachments?.some((known) => known.id === file.id),
                ),
              ]}
              testId="meeting-attachments"
            />
            {mayWrite && (
              <AttachmentUpload
                url={`/api/v1/meetings/${current.id}/attachments`}
                onUploaded={(file) =>
                  setUploaded((previous) => ({
                    meetingId: current.id,
                    files: [...(previous.meetingId === current.id ? previous.files : []), file],
                  }))
                }
                testId="meeting-upload"
              />
            )}
          </Space>
          <div>
            <Typography.Title level={5}>{t('meetings.actionItems')}</Typography.Title>
            <Table<ActionItem>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={current.actionItems}
              pagination={false}
              locale={{ emptyText: t('meetings.noActionItems') }}
              data-testid="meeting-action-items"
            />
          </div>
        </>
      )}
    </RecordDrawer>
  );
}
