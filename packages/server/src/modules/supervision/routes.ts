import type { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import type { Actor } from '../auth/index.ts';
import { instructionRoutes } from './instruction-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { supervisionListExportRoutes } from './list-export-routes.ts';
import { officePrefixRoutes } from './office-prefix-routes.ts';
import { smsContactRoutes } from './sms-contact-routes.ts';
import { acknowledgeNotice, closeNotice, replyToNotice } from './notice-actions.ts';
import { approveNotice, decideExtension, requestExtension, returnNotice, reviewNotice } from './notice-closure.ts';
import { wordAndPdfRoutes } from '../../http/word-and-pdf.ts';
import { noticeDocx, noticePdf } from './notice-docx.ts';
import { issueNotice, listNotices, readNotice } from './notices.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.ts';
import {
  ExtensionDecision,
  ExtensionRequest,
  IdParams,
  IssueNoticeRequest,
  NoteRequest,
  Notice,
  NoticeList,
  NoticeListQuery,
  NotificationList,
  NotificationsUpdated,
  NotificationQuery,
  ReplyRequest,
  ReturnRequest,
} from '@chuangcheng/core';

/** Supervision notices (督办单) and the in-app notifications of the actor's organisation. */
export async function supervisionRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  await meetingRoutes(app, deps);
  await supervisionListExportRoutes(app, deps);
  await instructionRoutes(app, deps);
  await officePrefixRoutes(app, deps);
  await smsContactRoutes(app, deps);
  const { db } = deps;
  const route = actorRoutes(app, tags);
  route.post(
    '/notices',
    { summary: 'Issue a supervision notice', body: IssueNoticeRequest, response: Notice, status: 201 },
    ({ actor, body, requestId }) => issueNotice(db, actor, body, requestId),
  );
  route.get(
    '/notices',
    { summary: 'Notices in your scope', querystring: NoticeListQuery, response: NoticeList },
    async ({ actor, query }) => ({ items: await listNotices(db, actor, query) }),
  );
  route.get('/notices/:id', { summary: 'One notice', params: IdParams, response: Notice }, ({ actor, params }) =>
    readNotice(db, actor, params.id),
  );
  wordAndPdfRoutes(app, '/notices/:id/document', {
    tags,
    summary: {
      docx: 'The 督办单 as a Word (.docx) file',
      pdf: 'The 督办单 as a PDF file (the same content as the Word file)',
    },
    params: IdParams,
    pdfFont: deps.config.pdfFont,
    read: ({ actor, params }) => readNotice(deps.db, actor, params.id),
    file: (notice) => ({ ascii: 'notice', name: `督办单-${notice.number}` }),
    docx: noticeDocx,
    pdf: noticePdf,
  });
  /** A workflow step on one notice: `POST /notices/:id/<step>` with its body, answering the notice. */
  const step = <B>(
    path: string,
    summary: string,
    body: z.ZodType<B> | undefined,
    run: (db: ModuleDeps['db'], actor: Actor, id: string, body: B, requestId: string) => Promise<Notice>,
  ) =>
    route.post(`/notices/:id/${path}`, { summary, params: IdParams, body, response: Notice }, (input) =>
      run(db, input.actor, input.params.id, input.body, input.requestId),
    );
  step('acknowledge', 'Acknowledge receipt (签收)', undefined, (db, actor, id, _, rid) =>
    acknowledgeNotice(db, actor, id, rid),
  );
  step('reply', 'Reply to a notice (反馈)', ReplyRequest, (db, actor, id, b, rid) =>
    replyToNotice(db, actor, id, b.text, rid),
  );
  step('close', 'Close a notice once approved (销号)', NoteRequest, (db, actor, id, b, rid) =>
    closeNotice(db, actor, id, b.note, rid),
  );
  step('review', "Review the unit's reply (审核)", NoteRequest, (db, actor, id, b, rid) =>
    reviewNotice(db, actor, id, b.note, rid),
  );
  step('approve', 'Approve closing, by another than the reviewer (领导审批)', NoteRequest, (db, actor, id, b, rid) =>
    approveNotice(db, actor, id, b.note, rid),
  );
  step('return', 'Send the reply back to be done again, with a reason (退回重办)', ReturnRequest, returnNotice);
  step('extension', 'Ask for a later reply date (延期申请)', ExtensionRequest, requestExtension);
  step('extension/decision', 'Grant or refuse a pending extension request', ExtensionDecision, decideExtension);

  route.get(
    '/notifications',
    { summary: "Your organisation's notifications", querystring: NotificationQuery, response: NotificationList },
    ({ actor, query, language }) => listNotifications(db, actor, query, language),
  );
  route.post(
    '/notifications/read-all',
    { summary: 'Mark every notification read', response: NotificationsUpdated },
    ({ actor }) => markAllNotificationsRead(db, actor),
  );
  route.post(
    '/notifications/:id/read',
    { summary: 'Mark a notification read', params: IdParams, response: NotificationsUpdated },
    ({ actor, params }) => markNotificationRead(db, actor, params.id),
  );
}
