import { defineSubscriber } from '../../outbox/subscriber.ts';
import { STAGE_ESCALATION_TEXT } from '../cases/clocks.ts';
import { notificationRepository } from './notification-repository.ts';

/*
 * Organisation notifications for problem cases: the cases module says what happened (dispatch,
 * rework, overdue and stage escalation, a missing holiday calendar); supervision, which owns the notifications, tells the units. Each
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
  'case.stage-escalated': async (trx, e) => {
    if (!e.office) return;
    const text = STAGE_ESCALATION_TEXT[e.stage];
    await notificationRepository.insertOnce(trx, [
      {
        ...ofCase(e.caseId),
        recipient: e.office.id,
        threshold: `overdue:${e.stage}`,
        title: `案件 ${e.caseNumber} ${text.event}，请${text.office}立即办理`,
      },
    ]);
  },
  'case.calendar-missing': async (trx, e) => {
    await notificationRepository.insertOnce(
      trx,
      e.years.flatMap((year) =>
        e.officeIds.map((office) => ({
          ...ofCase(e.caseId),
          recipient: office,
          threshold: `calendar-missing:${year}`,
          title: `节假日日历缺少 ${year} 年：案件 ${e.caseNumber} 的时限只按周一至周五计算，请导入国务院办公厅 ${year} 年节假日安排`,
        })),
      ),
    );
  },
});
