import { defineSubscriber } from '../../outbox/subscriber.ts';
import { STAGE_ESCALATION_TEXT } from '../cases/index.ts';
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

/*
 * The 办结 chain of a 督办单 (notice-closure.ts): the issuing office hears of a reply (申请办结) and
 * an extension request; the unit hears of a return (退回重办), the decision on its extension and
 * the closing (销号). Review and approval stay inside the office.
 */
const TO_OFFICE = new Set(['reply', 'request_extension']);
const NOTICE_TEXT: Record<string, (number: string, detail: string) => string> = {
  reply: (n) => `${n}：责任单位已反馈，申请办结，请审核`,
  request_extension: (n, d) => `${n}：责任单位申请延期至 ${d}`,
  return: (n, d) => `${n}：反馈被退回重办：${d}`,
  approve_extension: (n, d) => `${n}：延期申请已同意，反馈时限延至 ${d}`,
  refuse_extension: (n, d) => `${n}：延期申请未同意：${d}`,
  close: (n) => `${n}：已办结销号`,
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
        title: text(e.number, e.detail).slice(0, 500),
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
const INSTRUCTION_TEXT: Record<string, (title: string, detail: string) => string> = {
  create: (t, d) => `新领导批示：${t}，请于 ${d} 前报送办理情况`,
  report: (t, d) => `${t}：主办单位报送了办理情况：${d}`,
  return: (t, d) => `${t}：办理情况报告被退回：${d}`,
  accept: (t) => `${t}：已办结`,
};

export const instructionSubscriber = defineSubscriber('supervision.instructions', {
  'instruction.transitioned': async (trx, e) => {
    const text = INSTRUCTION_TEXT[e.action];
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
        title: text(e.title, e.detail).slice(0, 500),
        link: `/supervision/instructions?id=${e.instructionId}`,
      })),
    );
  },
});
