import { z } from 'zod';
import { BulletinPeriod } from '../bulletin.ts';
import { Card, SupervisionRules } from '../supervision-rules.ts';
import { StatusColour, TaskStatus } from '../supervision.ts';

const IsoDate = z.iso.date();
const Programme = z.object({ code: z.string(), title: z.string() });
const OrgUnitRef = z.object({ id: z.string(), name: z.string() });

export const LedgerQuery = z.strictObject({
  asOf: IsoDate.optional(),
  /** Programme code, e.g. `2`. */
  programme: z.string().max(20).optional(),
  status: TaskStatus.optional(),
  orgUnitId: z.uuid().optional(),
  /** Matches task number, task title or unit name. */
  q: z.string().max(100).optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/** One task × unit row of the ledger (台账). */
export const LedgerRow = z.object({
  programme: Programme,
  taskId: z.string(),
  taskNumber: z.string(),
  taskTitle: z.string(),
  orgUnit: OrgUnitRef,
  role: z.string(),
  deadline: IsoDate,
  status: TaskStatus,
  colour: StatusColour,
  missingPeriods: z.number(),
  /** Periods whose report in force was filed after its reporting deadline (迟报). */
  latePeriods: z.number(),
  /** Milestones passed without being reported delivered. */
  missedMilestones: z.array(z.object({ code: z.string(), due: IsoDate })),
  latestReport: z
    .object({ id: z.string(), period: z.string(), submittedAt: z.string(), excerpt: z.string(), late: z.boolean() })
    .nullable(),
  openNotices: z.number(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

/** A joint meeting's action item (会议议定事项) overdue on the ledger's or board's date. */
export const OverdueActionItem = z.object({
  id: z.string(),
  title: z.string(),
  due: IsoDate,
  daysOverdue: z.number(),
  meeting: z.object({ id: z.string(), title: z.string(), heldOn: IsoDate }),
  orgUnit: OrgUnitRef,
});

export type OverdueActionItem = z.infer<typeof OverdueActionItem>;

export const Ledger = z.object({
  plan: z.object({ code: z.string(), name: z.string() }),
  asOf: IsoDate,
  items: z.array(LedgerRow),
  /** Overdue action items of the plan's meetings, for the units the ledger shows. */
  overdueActionItems: z.array(OverdueActionItem),
});
export type Ledger = z.infer<typeof Ledger>;

const StatusCounts = z.record(TaskStatus, z.number());

export const Board = z.object({
  plan: z.object({ code: z.string(), name: z.string() }),
  asOf: IsoDate,
  /** The plan's lights and cadence (decision 0133): due-soon and grace days, card tiers. */
  rules: SupervisionRules,
  total: z.number(),
  counts: StatusCounts,
  byProgramme: z.array(Programme.extend({ total: z.number(), counts: StatusCounts })),
  /** Units with behind, missed-milestone or overdue rows or an overdue notice, most lagging first. */
  laggingUnits: z.array(
    OrgUnitRef.extend({
      behind: z.number(),
      milestoneMissed: z.number(),
      overdue: z.number(),
      missingPeriods: z.number(),
      /** 督办单 whose reply was overdue on the board's date. */
      overdueNotices: z.number(),
      /** 黄牌 or 红牌 by the plan's tiers, or none. */
      card: Card.nullable(),
      tasks: z.array(z.string()),
    }),
  ),
  overdueNotices: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      replyDue: IsoDate,
      orgUnit: OrgUnitRef,
      task: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
    }),
  ),
  overdueActionItems: z.array(OverdueActionItem),
});
export type Board = z.infer<typeof Board>;

export const BoardQuery = z.strictObject({ asOf: IsoDate.optional() });

export const BulletinQuery = z.strictObject({
  /** The month (`2019-05`) or ISO week (`2019-W21`) the 督查通报 covers; figures as of its last day. */
  period: BulletinPeriod,
  /** The region the bulletin covers (GB/T 2260 code); the actor's own region by default. */
  region: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
export type BulletinQuery = z.infer<typeof BulletinQuery>;
