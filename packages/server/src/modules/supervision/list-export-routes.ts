import { MeetingListQuery, NoticeListQuery, message, renderMessage, type ServerMessageId } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { beijingTime, type ExportColumn } from '../../http/xlsx.ts';
import { listMeetings } from './meetings.ts';
import { listNotices } from './notices.ts';

type NoticeRow = Awaited<ReturnType<typeof listNotices>>[number];
type MeetingRow = Awaited<ReturnType<typeof listMeetings>>['items'][number];
type Language = 'zh' | 'en';

/** At most this many notices go into one export (the list itself shows at most 500). */
const NOTICE_EXPORT_LIMIT = 10_000;

const text = (id: ServerMessageId, language: Language) => renderMessage(message(id), language);

/** The notices list's columns, as an office files them (督办单台账), headers in the request's language. */
function noticeColumns(language: Language): ExportColumn<NoticeRow>[] {
  const h = (key: string) => text(`export.notices.${key}` as ServerMessageId, language);
  return [
    { header: h('number'), width: 22, value: (n) => n.number },
    { header: h('level'), width: 9, value: (n) => h(`level.${n.level}`) },
    { header: h('unit'), width: 22, value: (n) => n.orgUnit.name },
    {
      header: h('subject'),
      width: 30,
      value: (n) => (n.task ? `${n.task.number} ${n.task.title}` : (n.actionItem?.title ?? '')),
    },
    { header: h('reason'), width: 40, value: (n) => n.reason },
    { header: h('requiredAction'), width: 40, value: (n) => n.requiredAction },
    { header: h('issuedAt'), width: 17, value: (n) => beijingTime(n.issuedAt) },
    { header: h('replyDue'), width: 12, value: (n) => n.replyDue },
    { header: h('status'), width: 12, value: (n) => h(`status.${n.status}`) },
    { header: h('overdue'), width: 9, value: (n) => (n.overdue ? h('overdueYes') : '') },
    { header: h('repliedAt'), width: 17, value: (n) => beijingTime(n.repliedAt) },
  ];
}

function meetingColumns(language: Language): ExportColumn<MeetingRow>[] {
  const h = (key: string) => text(`export.meetings.${key}` as ServerMessageId, language);
  return [
    { header: h('heldOn'), width: 12, value: (m) => m.heldOn },
    { header: h('kind'), width: 14, value: (m) => h(`kind.${m.kind}`) },
    { header: h('name'), width: 40, value: (m) => m.title },
    { header: h('location'), width: 24, value: (m) => m.location ?? '' },
  ];
}

/** Excel exports of the 督办单 and 会议 lists: the lists' own services, so the same filters and scope. */
export async function supervisionListExportRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  listExportRoute(
    app,
    '/notices/export.xlsx',
    {
      tags,
      summary: 'The notices list as an Excel file (same filters and scope as the list)',
      querystring: NoticeListQuery.omit({ limit: true }),
    },
    async ({ actor, query, language }) => {
      const all = await listNotices(deps.db, actor, { ...query, limit: NOTICE_EXPORT_LIMIT + 1 });
      const rows = all.slice(0, NOTICE_EXPORT_LIMIT);
      return {
        sheet: text('export.notices.sheet', language),
        title: text('export.notices.title', language),
        columns: noticeColumns(language),
        file: 'notices',
        rows,
        truncated: all.length > rows.length,
      };
    },
  );
  listExportRoute(
    app,
    '/meetings/export.xlsx',
    {
      tags,
      summary: 'The meetings list as an Excel file (same filters and scope as the list)',
      querystring: MeetingListQuery,
    },
    async ({ actor, query, language }) => {
      const { items } = await listMeetings(deps.db, actor, query);
      return {
        sheet: text('export.meetings.sheet', language),
        title: text('export.meetings.title', language),
        columns: meetingColumns(language),
        file: 'meetings',
        rows: [...items].sort((a, b) => b.heldOn.localeCompare(a.heldOn)),
      };
    },
  );
}
