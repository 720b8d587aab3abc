import { message, type LocalizedMessage, type ServerMessageId } from '@chuangcheng/core';
import { defineSubscriber } from '../../outbox/subscriber.ts';
import { notificationRepository, type NewNotification } from './notification-repository.ts';

/*
 * Organisation notifications for problem cases: the cases module says what happened (dispatch,
 * rework, overdue and stage escalation, a missing holiday calendar); supervision, which owns the notifications, tells the units. Each
 * notification has a unique key (recipient, subject, threshold), so a redelivered event adds nothing.
 */
/** A notification to `recipient` about a case, unique per `threshold`. */
const aboutCase = (caseId: string, recipient: string, threshold: string, title: LocalizedMessage): NewNotification => ({
  recipient,
  kind: 'case',
  subjectType: 'problem_case',
  subjectId: caseId,
  threshold,
  title,
  link: `/cases/${caseId}`,
});

export const caseNotificationSubscriber = defineSubscriber('supervision.case-notifications', {
  'case.dispatched': async (trx, e) => {
    await notificationRepository.insertOnce(trx, [
      aboutCase(
        e.caseId,
        e.unitId,
        `dispatched:${e.dispatchedAt}`,
        message('notification.caseDispatched', { number: e.caseNumber }),
      ),
    ]);
  },
  'case.rework-required': async (trx, e) => {
    await notificationRepository.insertOnce(trx, [
      aboutCase(e.caseId, e.unitId, `rework:${e.rework}`, message('notification.caseRework', { number: e.caseNumber })),
    ]);
  },
  'case.escalated': async (trx, e) => {
    await notificationRepository.insertOnce(trx, [
      aboutCase(e.caseId, e.unitId, 'overdue', message('notification.caseOverdue', { number: e.caseNumber })),
      ...(e.superior
        ? [
            aboutCase(
              e.caseId,
              e.superior.id,
              'overdue',
              message('notification.caseOverdueSuperior', { number: e.caseNumber, unit: e.unitName }),
            ),
          ]
        : []),
    ]);
  },
  'case.stage-escalated': async (trx, e) => {
    if (!e.office) return;
    await notificationRepository.insertOnce(trx, [
      aboutCase(
        e.caseId,
        e.office.id,
        `overdue:${e.stage}`,
        message(`notification.caseStageOverdue.${e.stage}`, { number: e.caseNumber }),
      ),
    ]);
  },
  'case.calendar-missing': async (trx, e) => {
    await notificationRepository.insertOnce(
      trx,
      e.years.flatMap((year) =>
        e.officeIds.map((office) =>
          aboutCase(
            e.caseId,
            office,
            `calendar-missing:${year}`,
            message('notification.calendarMissing', { year, number: e.caseNumber }),
          ),
        ),
      ),
    );
  },
});

/*
 * The 办结 chain of a 督办单 (notice-closure.ts): the issuing office hears of a reply (申请办结) and
 * an extension request; the unit hears of a return (退回重办), the decision on its extension and
 * the closing (销号). Review and approval stay inside the office.
 */
const TO_OFFICE = new Set(['reply', 'request_extension']);
const NOTICE_TEXT: Record<string, ServerMessageId> = {
  reply: 'notification.noticeReply',
  request_extension: 'notification.noticeExtensionRequested',
  return: 'notification.noticeReturned',
  approve_extension: 'notification.noticeExtensionApproved',
  refuse_extension: 'notification.noticeExtensionRefused',
  close: 'notification.noticeClosed',
};

export const noticeChainSubscriber = defineSubscriber('supervision.notice-chain', {
  'notice.transitioned': async (trx, e) => {
    const text = NOTICE_TEXT[e.action];
    if (!text) return;
    const recipient = TO_OFFICE.has(e.action) ? e.issuingOfficeId : e.orgUnitId;
    if (!recipient) return;
    await notificationRepository.insertOnce(trx, [
      {
        recipient,
        kind: 'notice',
        subjectType: 'supervision_notice',
        subjectId: e.noticeId,
        threshold: `${e.action}:${e.round}`,
        title: message(text, { number: e.number, detail: e.detail }),
        link: `/notices/${e.noticeId}`,
      },
    ]);
  },
});

/*
 * 领导批示 (sup3): the lead and assisting units hear of a new instruction; the issuing office hears
 * of each report (interim or final: the detail page says which); the lead unit hears of a return
 * (with the reason) and of the acceptance (办结).
 */
const INSTRUCTION_TEXT = {
  create: 'notification.instructionCreate',
  report: 'notification.instructionReport',
  return: 'notification.instructionReturn',
  accept: 'notification.instructionAccept',
} as const;

export const instructionSubscriber = defineSubscriber('supervision.instructions', {
  'instruction.transitioned': async (trx, e) => {
    const text = INSTRUCTION_TEXT[e.action as keyof typeof INSTRUCTION_TEXT];
    if (!text) return;
    const recipients =
      e.action === 'create'
        ? [e.leadOrgUnitId, ...e.assistingOrgUnitIds]
        : e.action === 'report'
          ? [e.issuingOfficeId]
          : [e.leadOrgUnitId];
    await notificationRepository.insertOnce(
      trx,
      recipients.map((recipient) => ({
        recipient,
        kind: 'instruction' as const,
        subjectType: 'leader_instruction' as const,
        subjectId: e.instructionId,
        threshold: e.round,
        title: message(text, { title: e.title, detail: e.detail }),
        link: `/supervision/instructions?id=${e.instructionId}`,
      })),
    );
  },
});
