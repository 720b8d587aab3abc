/** The 工作台 as GET /api/v1/workbench answers it (packages/server/src/modules/workbench/schema.ts). */
type WorkbenchSectionKey = 'tasks' | 'notices' | 'instructions' | 'actionItems' | 'cases' | 'approvals' | 'rounds';
type WorkbenchFigureKey =
  | 'tasksToReport'
  | 'tasksLagging'
  | 'noticesToAnswer'
  | 'noticesOverdue'
  | 'instructionsToDo'
  | 'instructionsToReview'
  | 'actionItemsOpen'
  | 'casesInQueue'
  | 'casesOverdue'
  | 'approvalsWaiting'
  | 'roundsActive';

export interface WorkbenchItem {
  id: string;
  reference: string;
  title: string;
  detail: string | null;
  due: string | null;
  overdue: boolean;
  link: string;
}

export interface WorkbenchSection {
  key: WorkbenchSectionKey;
  total: number;
  capped: boolean;
  link: string;
  items: WorkbenchItem[];
}

interface WorkbenchFigure {
  key: WorkbenchFigureKey;
  value: number;
  capped: boolean;
  alert: boolean;
  link: string;
}

export interface Workbench {
  asOf: string;
  role: string;
  figures: WorkbenchFigure[];
  sections: WorkbenchSection[];
}
