import { z } from 'zod';

/*
 * The domain event catalogue: every event a module writes to the outbox, with its version and the
 * schema of its payload. A payload is checked with its schema when it is written (emitEvent) and
 * parsed with it again when it is delivered, so a subscriber never reads an unchecked cast. An
 * incompatible change of a payload is a new version; `prefectureCode`, where a payload carries one,
 * is also stored beside the event so that a distributed deployment can route by it.
 */

const Code = z.string().min(1);
const Id = z.string().min(1);

/** A problem case an event is about: its id, its number and its prefecture. */
const CaseRef = z.object({
  caseId: Id,
  caseNumber: z.string(),
  prefectureCode: Code.nullable(),
});

/** A notification-worthy step of a problem case, sent to the unit in charge of it. */
const CaseUnitEvent = z.object({
  caseId: Id,
  caseNumber: z.string(),
  unitId: Id,
  prefectureCode: Code.nullable(),
});

export const eventCatalogue = {
  /** cases: a case was dispatched to a unit (派遣). */
  'case.dispatched': {
    emittedBy: 'cases',
    version: 1,
    payload: CaseUnitEvent.extend({ dispatchedAt: z.iso.datetime() }),
  },
  /** cases: the inspector did not pass the handling; the unit must do it again (返工). */
  'case.rework-required': {
    emittedBy: 'cases',
    version: 1,
    payload: CaseUnitEvent.extend({ rework: z.number().int().positive() }),
  },
  /** cases: an overdue case was escalated to the unit's superior (逾期督办). */
  'case.escalated': {
    emittedBy: 'cases',
    version: 1,
    payload: CaseUnitEvent.extend({
      unitName: z.string(),
      superior: z.object({ id: Id, name: z.string() }).nullable(),
    }),
  },
  /** cases: a desk or inspector stage (受理, 派遣, 核查) ran past its own deadline (超时督办). */
  'case.stage-escalated': {
    emittedBy: 'cases',
    version: 1,
    payload: CaseRef.extend({
      stage: z.enum(['accept', 'dispatch', 'verify']),
      /** The creation office (文明办) told; null when the case has none above it. */
      office: z.object({ id: Id, name: z.string() }).nullable(),
    }),
  },
  /** cases: a case's deadlines fall in years without a holiday calendar (节假日日历缺失). */
  'case.calendar-missing': {
    emittedBy: 'cases',
    version: 1,
    payload: CaseRef.extend({
      years: z.array(z.number().int()),
      /** The creation offices of the case's city and province. */
      officeIds: z.array(Id),
    }),
  },
  /**
   * cases: a case was filed or changed in a way the statistics count (acceptance, dispatch or return,
   * merge, handling, verification, rating, reopening); the report time, region and category name the
   * statistics roll-up's cell it is counted in (none of the three changes after intake).
   */
  'case.changed': {
    emittedBy: 'cases',
    version: 1,
    payload: z.object({
      caseId: Id,
      prefectureCode: Code,
      reportedAt: z.iso.datetime(),
      regionPath: z.string().min(1),
      categoryCode: Code,
    }),
  },
  /** indicators: figures were written to the observation store (any source). */
  'observation.recorded': {
    emittedBy: 'indicators',
    version: 1,
    payload: z.object({ count: z.number().int(), elements: z.array(Code), sources: z.array(z.string()) }),
  },
  /** indicators: values of one data entry were saved (form or Excel). */
  'data-entry.saved': {
    emittedBy: 'indicators',
    version: 1,
    payload: z.object({ dataSetCode: Code, regionCodes: z.array(Code), period: z.string() }),
  },
  /** indicators: data entries were submitted, approved or returned. */
  'data-entry.transitioned': {
    emittedBy: 'indicators',
    version: 1,
    payload: z.object({
      action: z.enum(['submit', 'approve', 'return']),
      entries: z.array(z.object({ dataSetCode: Code, regionCode: Code, period: z.string() })),
    }),
  },
  /** indicators: a new indicator catalogue was imported. */
  'indicator-catalogue.imported': {
    emittedBy: 'indicators',
    version: 1,
    payload: z.object({ fileName: z.string() }),
  },
  /** indicators: the demo data were generated or removed. */
  'demo-data.changed': {
    emittedBy: 'indicators',
    version: 1,
    payload: z.object({ action: z.enum(['generate', 'remove']) }),
  },
  /** plans: a new version of a plan was imported (its targets, tasks, milestones or header changed). */
  'plan.imported': {
    emittedBy: 'plans',
    version: 1,
    payload: z.object({ planCode: z.string(), version: z.number().int().positive() }),
  },
  /** regions: a region group was created, deleted, or its name, kind or members changed (a target's units, issue 16). */
  'region-group.written': {
    emittedBy: 'regions',
    version: 1,
    payload: z.object({ groupCode: z.string() }),
  },
  /** evaluation: a title event (award, suspension, revocation, …) was recorded for a region. */
  'title-event.recorded': {
    emittedBy: 'evaluation',
    version: 1,
    payload: z.object({ titleEventId: Id, regionCode: Code, prefectureCode: Code.nullable() }),
  },
  /**
   * evaluation: what a round is computed from changed (a result, a finding, a city's material, the
   * indicator values filled in, its regions); the computed round kept for reading is stale.
   */
  'evaluation-round.changed': {
    emittedBy: 'evaluation',
    version: 1,
    payload: z.object({ roundId: Id, prefectureCode: Code.nullable() }),
  },
  /** evaluation: a negative-list incident (负面清单事件) was recorded for a region under a framework. */
  'incident.recorded': {
    emittedBy: 'evaluation',
    version: 1,
    payload: z.object({ incidentId: Id, regionCode: Code, frameworkId: Id, prefectureCode: Code.nullable() }),
  },
  /** supervision: a 督办单 moved along the 办结 chain or its extension was asked or decided (sup, issue 18). */
  'notice.transitioned': {
    emittedBy: 'supervision',
    version: 1,
    payload: z.object({
      noticeId: Id,
      number: z.string(),
      action: z.enum([
        'reply',
        'review',
        'approve',
        'return',
        'close',
        'request_extension',
        'approve_extension',
        'refuse_extension',
      ]),
      /** The unit the notice is addressed to, and the office that issued it (null before issue 18). */
      orgUnitId: Id,
      issuingOfficeId: Id.nullable(),
      /** What the unit or the office is told: the reason of a return or refusal, the new date. */
      detail: z.string(),
      /** Distinguishes repeated steps (the n-th return, the requested date) in notification keys. */
      round: z.string(),
      prefectureCode: Code.nullable(),
    }),
  },
  /** supervision: a 领导批示 was recorded, signed for, reported on, accepted or returned (sup3, issue 18). */
  'instruction.transitioned': {
    emittedBy: 'supervision',
    version: 1,
    payload: z.object({
      instructionId: Id,
      action: z.enum(['create', 'sign', 'report', 'accept', 'return']),
      /** The leader and post, as the notification names the instruction (e.g. 省委副书记张三). */
      title: z.string(),
      leadOrgUnitId: Id,
      assistingOrgUnitIds: z.array(Id),
      issuingOfficeId: Id,
      /** The return's reason, the report's first words, the reply date. */
      detail: z.string(),
      /** Distinguishes repeated steps (the n-th report or return) in notification keys. */
      round: z.string(),
      prefectureCode: Code.nullable(),
    }),
  },
  /** supervision: the reminder job wrote a new reminder for a unit; SMS senders relay it (sup5, issue 18). */
  'notification.reminder-created': {
    emittedBy: 'supervision',
    version: 1,
    payload: z.object({
      notificationId: Id,
      /**
       * The notification's prefecture (its distribution column, decision 0200); absent in events
       * written before it, whose subscriber reads it by the notification's id.
       */
      prefectureCode: Code.optional(),
      recipientOrgUnitId: Id,
      /** The reminder's Chinese text, as the SMS carries it. */
      text: z.string(),
    }),
  },
} as const;

export type EventName = keyof typeof eventCatalogue;
export type EventPayload<N extends EventName> = z.infer<(typeof eventCatalogue)[N]['payload']>;
/** One event as a module emits it: its name and its payload. */
export type DomainEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

/** Whether a name is in the catalogue (stored rows are strings). */
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventCatalogue, name);
}
