import { defineSubscriber } from '../../outbox/subscriber.ts';
import { notificationRepository } from './notification-repository.ts';

/*
 * Organisation notifications for problem cases: the cases module says what happened (dispatch,
 * rework, overdue escalation); supervision, which owns the notifications, tells the units. Each
 * notification has a unique key (recipient, subject, threshold), so a redelivered event adds nothing.
 */
const ofCase = (caseId: string) => ({
  kind: 'case' as const,
  subjectType: 'problem_case' as const,
  subjectId: caseId,
  link: `/cases/${caseId}`,
});

export const caseNotificationSubscriber = defineSubscriber('supervision.case-notifications', {
  'case.dispatched': async (trx, e) => {
    await notificationRepository.insertOnce(trx, [
      {
        ...ofCase(e.caseId),
        recipient: e.unitId,
        threshold: `dispatched:${e.dispatchedAt}`,
        title: `新派遣案件 ${e.caseNumber}`,
      },
    ]);
  },
  'case.rework-required': async (trx, e) => {
    await notificationRepository.insertOnce(trx, [
      {
        ...ofCase(e.caseId),
        recipient: e.unitId,
        threshold: `rework:${e.rework}`,
        title: `案件 ${e.caseNumber} 核查未通过，请返工`,
      },
    ]);
  },
  'case.escalated': async (trx, e) => {
    const title = `案件 ${e.caseNumber} 已逾期`;
    await notificationRepository.insertOnce(trx, [
      { ...ofCase(e.caseId), recipient: e.unitId, threshold: 'overdue', title: `${title}，请立即处置` },
      ...(e.superior
        ? [
            {
              ...ofCase(e.caseId),
              recipient: e.superior.id,
              threshold: 'overdue',
              title: `${title}（${e.unitName}），请督促办理`,
            },
          ]
        : []),
    ]);
  },
});
