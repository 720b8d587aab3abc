import type { App, ModuleDeps } from '../../http/types.ts';
import { pickLanguage } from '../../http/problem.ts';
import { requireActor } from '../auth/index.ts';
import { instructionRoutes } from './instruction-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { supervisionListExportRoutes } from './list-export-routes.ts';
import { officePrefixRoutes } from './office-prefix-routes.ts';
import { smsContactRoutes } from './sms-contact-routes.ts';
import { acknowledgeNotice, closeNotice, replyToNotice } from './notice-actions.ts';
import { approveNotice, decideExtension, requestExtension, returnNotice, reviewNotice } from './notice-closure.ts';
import { resolvePdfFonts, sendPdf } from '../../http/pdf.ts';
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
  app.post(
    '/notices',
    { schema: { tags, summary: 'Issue a supervision notice', body: IssueNoticeRequest, response: { 201: Notice } } },
    async (request, reply) =>
      reply.code(201).send(await issueNotice(deps.db, requireActor(request), request.body, request.id)),
  );
  app.get(
    '/notices',
    { schema: { tags, summary: 'Notices in your scope', querystring: NoticeListQuery, response: { 200: NoticeList } } },
    async (request) => ({ items: await listNotices(deps.db, requireActor(request), request.query) }),
  );
  app.get(
    '/notices/:id',
    { schema: { tags, summary: 'One notice', params: IdParams, response: { 200: Notice } } },
    async (request) => readNotice(deps.db, requireActor(request), request.params.id),
  );
  app.get(
    '/notices/:id/document.docx',
    {
      schema: {
        tags,
        summary: 'The 督办单 as a Word (.docx) file',
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (request, reply) => {
      const notice = await readNotice(deps.db, requireActor(request), request.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="notice.docx"; filename*=UTF-8''${encodeURIComponent(`督办单-${notice.number}.docx`)}`,
        )
        .send(await noticeDocx(notice));
    },
  );
  app.get(
    '/notices/:id/document.pdf',
    {
      schema: {
        tags,
        summary: 'The 督办单 as a PDF file (the same content as the Word file)',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const notice = await readNotice(deps.db, requireActor(request), request.params.id);
      const fonts = resolvePdfFonts(deps.config.pdfFont);
      return sendPdf(
        reply,
        { ascii: 'notice.pdf', name: `督办单-${notice.number}.pdf` },
        await noticePdf(notice, fonts),
      );
    },
  );
  app.post(
    '/notices/:id/acknowledge',
    { schema: { tags, summary: 'Acknowledge receipt (签收)', params: IdParams, response: { 200: Notice } } },
    async (request) => acknowledgeNotice(deps.db, requireActor(request), request.params.id, request.id),
  );
  app.post(
    '/notices/:id/reply',
    {
      schema: {
        tags,
        summary: 'Reply to a notice (反馈)',
        params: IdParams,
        body: ReplyRequest,
        response: { 200: Notice },
      },
    },
    async (request) => replyToNotice(deps.db, requireActor(request), request.params.id, request.body.text, request.id),
  );
  app.post(
    '/notices/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a notice once approved (销号)',
        params: IdParams,
        body: NoteRequest,
        response: { 200: Notice },
      },
    },
    async (request) => closeNotice(deps.db, requireActor(request), request.params.id, request.body.note, request.id),
  );
  const note = { params: IdParams, body: NoteRequest, response: { 200: Notice } };
  app.post(
    '/notices/:id/review',
    { schema: { tags, summary: "Review the unit's reply (审核)", ...note } },
    async (request) => reviewNotice(deps.db, requireActor(request), request.params.id, request.body.note, request.id),
  );
  app.post(
    '/notices/:id/approve',
    { schema: { tags, summary: 'Approve closing, by another than the reviewer (领导审批)', ...note } },
    async (request) => approveNotice(deps.db, requireActor(request), request.params.id, request.body.note, request.id),
  );
  app.post(
    '/notices/:id/return',
    {
      schema: {
        tags,
        summary: 'Send the reply back to be done again, with a reason (退回重办)',
        params: IdParams,
        body: ReturnRequest,
        response: { 200: Notice },
      },
    },
    async (request) => returnNotice(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
  app.post(
    '/notices/:id/extension',
    {
      schema: {
        tags,
        summary: 'Ask for a later reply date (延期申请)',
        params: IdParams,
        body: ExtensionRequest,
        response: { 200: Notice },
      },
    },
    async (request) => requestExtension(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
  app.post(
    '/notices/:id/extension/decision',
    {
      schema: {
        tags,
        summary: 'Grant or refuse a pending extension request',
        params: IdParams,
        body: ExtensionDecision,
        response: { 200: Notice },
      },
    },
    async (request) => decideExtension(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: "Your organisation's notifications",
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) =>
      listNotifications(
        deps.db,
        requireActor(request),
        request.query,
        pickLanguage(request.headers['accept-language']),
      ),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Mark every notification read', response: { 200: NotificationsUpdated } } },
    async (request) => markAllNotificationsRead(deps.db, requireActor(request)),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, summary: 'Mark a notification read', params: IdParams, response: { 200: NotificationsUpdated } },
    },
    async (request) => markNotificationRead(deps.db, requireActor(request), request.params.id),
  );
}
