import type { Card, NoticeStatus, StatusColour, SupervisionRules, TaskStatus } from '@chuangcheng/core';

// The shapes the supervision, report and attachment routes answer with. Domain text is shown
// exactly as the server sends it.

interface UnitRef {
  id: string;
  name: string;
}

export type { NoticeStatus };

export interface Notice {
  id: string;
  number: string;
  planId: string;
  task: { id: string; number: string; title: string } | null;
  actionItem: { id: string; title: string } | null;
  orgUnit: UnitRef;
  regionCode: string;
  reason: string;
  requiredAction: string;
  replyDue: string;
  status: NoticeStatus;
  overdue: boolean;
  issuedAt: string;
  acknowledgedAt: string | null;
  replyText: string | null;
  repliedAt: string | null;
  escalatedTo: UnitRef | null;
  escalatedAt: string | null;
  closedAt: string | null;
  closeNote?: string | null;
  signer: string | null;
  cc: string;
  level: 'general' | 'key' | 'urgent';
  source: 'leader_instruction' | 'meeting_decision' | 'higher_assignment' | null;
  ackDue: string | null;
  ackOverdue: boolean;
  reviewedAt: string | null;
  approvedAt: string | null;
  returnedCount: number;
  returnReason: string | null;
  extension: {
    requestedDue: string;
    reason: string;
    status: 'pending' | 'approved' | 'refused';
    note: string | null;
  } | null;
  attachments?: Attachment[];
}

export interface ActionItem {
  id: string;
  meetingId: string;
  title: string;
  description: string;
  owner: UnitRef;
  due: string;
  status: 'open' | 'done';
  derivedStatus: 'done' | 'on_track' | 'due_soon' | 'overdue';
  colour: StatusColour;
  daysLeft: number;
  completionNote: string | null;
  completedAt: string | null;
}

export interface MeetingSummary {
  id: string;
  planCode: string;
  regionCode: string;
  /** 联席会议 or 联络员例会. */
  kind: 'joint' | 'liaison';
  title: string;
  heldOn: string;
  location: string | null;
}

export interface MeetingDetail extends MeetingSummary {
  minutes: string;
  decisions: string;
  attendees: UnitRef[];
  actionItems: ActionItem[];
  attachments?: Attachment[];
}

export interface AppNotification {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  threshold: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt?: string;
}

export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export type ReportStatus = 'draft' | 'submitted' | 'superseded';

export interface Report {
  id: string;
  taskId: string;
  orgUnit: UnitRef;
  period: string;
  version: number;
  supersedesId: string | null;
  status: ReportStatus;
  narrative: string;
  measures: string;
  figures: Figure[];
  completed: boolean;
  milestonesDone: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Filed after its period's reporting deadline. */
  late: boolean;
  attachments: Attachment[];
}

/** A unit's derived status on a task. */
interface StatusFields {
  deadline: string;
  status: TaskStatus;
  colour: StatusColour;
  missingPeriods: string[];
  nextDue: string;
}

export interface MyTask extends StatusFields {
  taskId: string;
  planCode: string;
  programme: { code: string; title: string };
  number: string;
  title: string;
  role: string;
  latestReport: { id: string; period: string; submittedAt: string; completed: boolean; late: boolean } | null;
  draft: { id: string; period: string; updatedAt: string } | null;
}

export interface LedgerRow {
  programme: { code: string; title: string };
  taskId: string;
  taskNumber: string;
  taskTitle: string;
  orgUnit: UnitRef;
  role: string;
  deadline: string;
  status: TaskStatus;
  colour: StatusColour;
  missingPeriods: number;
  latePeriods: number;
  missedMilestones: { code: string; due: string }[];
  latestReport: { id: string; period: string; submittedAt: string; excerpt: string; late: boolean } | null;
  openNotices: number;
}

/** A meeting's action item overdue on the day asked. */
export interface OverdueActionItem {
  id: string;
  title: string;
  due: string;
  daysOverdue: number;
  meeting: { id: string; title: string; heldOn: string };
  orgUnit: UnitRef;
}

export interface Ledger {
  plan: { code: string; name: string };
  asOf: string;
  items: LedgerRow[];
  overdueActionItems: OverdueActionItem[];
}

type StatusCounts = Partial<Record<TaskStatus, number>>;

export interface Board {
  plan: { code: string; name: string };
  asOf: string;
  rules: SupervisionRules;
  total: number;
  counts: StatusCounts;
  byProgramme: { code: string; title: string; total: number; counts: StatusCounts }[];
  laggingUnits: (UnitRef & {
    behind: number;
    milestoneMissed: number;
    overdue: number;
    missingPeriods: number;
    overdueNotices: number;
    card: Card | null;
    tasks: string[];
  })[];
  overdueNotices: {
    id: string;
    number: string;
    status: string;
    replyDue: string;
    orgUnit: UnitRef;
    task: { id: string; number: string; title: string } | null;
  }[];
  overdueActionItems: OverdueActionItem[];
}
