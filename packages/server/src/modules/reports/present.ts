import { isLateReport, type ReportView } from '@chuangcheng/core';
import type { AttachmentRow } from '../attachments/index.ts';
import type { ReportRow } from './repository.ts';

export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/** The calendar day of an instant in China (UTC+8). */
function dayInChina(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function presentReport(row: ReportRow, attachments: AttachmentRow[] = []): ReportView {
  return {
    id: row.id,
    taskId: row.task_id,
    orgUnit: { id: row.org_unit_id, name: row.org_unit_name },
    period: row.period,
    version: row.version,
    supersedesId: row.supersedes_id,
    status: row.status as ReportView['status'],
    narrative: row.narrative,
    measures: row.measures,
    figures: row.figures,
    completed: row.completed,
    milestonesDone: row.milestones_done,
    authorId: row.author_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    late: row.submitted_at ? isLateReport(row.period, dayInChina(row.submitted_at)) : false,
    attachments: attachments.filter((a) => a.owner_id === row.id).map(presentAttachment),
  };
}

/** The audit view of a report: its content and state, without joined names. */
export function auditView(row: ReportRow) {
  const { region_path: _path, org_unit_name: _name, created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}
