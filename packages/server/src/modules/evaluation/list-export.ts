import type { Kysely } from 'kysely';
import type { Incident, RoundKind, RoundStatus } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { ListExport } from '../../http/list-export.ts';
import { beijingTime, type ExportColumn } from '../../http/xlsx.ts';
import type { Actor } from '../auth/index.ts';
import { listIncidents } from './incidents.ts';
import { listRounds } from './rounds.ts';

const ROUND_KIND: Record<RoundKind, string> = { routine: '日常考核', year_end: '年终测评' };
const ROUND_STATUS: Record<RoundStatus, string> = {
  planned: '计划中',
  open: '材料申报',
  scoring: '评分中',
  under_review: '审核中',
  published: '已发布',
};

type RoundRow = Awaited<ReturnType<typeof listRounds>>['items'][number];

const ROUND_COLUMNS: ExportColumn<RoundRow>[] = [
  { header: '测评轮次', width: 30, value: (r) => r.name },
  { header: '类型', width: 10, value: (r) => ROUND_KIND[r.kind] },
  { header: '年度', width: 8, value: (r) => r.year },
  { header: '状态', width: 10, value: (r) => ROUND_STATUS[r.status] },
  { header: '测评期起', width: 12, value: (r) => r.periodStart },
  { header: '测评期止', width: 12, value: (r) => r.periodEnd },
  { header: '测评日期', width: 12, value: (r) => r.testDate },
  {
    header: '测评体系',
    width: 28,
    value: (r) => `${r.framework.name}（${r.framework.edition} 第${r.framework.version}版）`,
  },
  { header: '被测评地区数', width: 12, value: (r) => r.regionCount },
  { header: '暗访', width: 6, value: (r) => (r.unannounced ? '是' : '否') },
  { header: '发布时间', width: 17, value: (r) => beijingTime(r.publishedAt) },
];

const INCIDENT_COLUMNS: ExportColumn<Incident>[] = [
  { header: '发生日期', width: 12, value: (i) => i.occurredOn },
  { header: '地区', width: 14, value: (i) => i.regionName },
  { header: '负面清单类别', width: 24, value: (i) => i.categoryName },
  { header: '事件', width: 30, value: (i) => i.title },
  { header: '情况说明', width: 48, value: (i) => i.description },
  { header: '处理结果', width: 40, value: (i) => i.effects.map((e) => e.label).join('；') },
  { header: '记录人', width: 12, value: (i) => i.recordedBy },
  { header: '记录时间', width: 17, value: (i) => beijingTime(i.recordedAt) },
];

/** The rounds list as Excel, with the list's filters and scope (what GET /evaluation/rounds shows). */
export function roundsExport(
  db: Kysely<Database>,
  actor: Actor,
  query: { status?: RoundStatus; kind?: RoundKind; year?: number },
): ListExport<RoundRow> {
  const title = query.year ? `${query.year}年度测评轮次` : '测评轮次';
  return {
    sheet: '测评轮次',
    title,
    columns: ROUND_COLUMNS,
    file: { name: `${title}.xlsx`, ascii: 'evaluation-rounds.xlsx' },
    pages: (cursor, limit) => listRounds(db, actor, { ...query, cursor, limit }),
  };
}

/** The negative-list incidents as Excel, with the list's filter and scope (GET /evaluation/incidents). */
export function incidentsExport(
  db: Kysely<Database>,
  actor: Actor,
  query: { regionCode?: string },
): ListExport<Incident> {
  const title = '负面清单事件';
  return {
    sheet: title,
    title,
    columns: INCIDENT_COLUMNS,
    file: { name: `${title}.xlsx`, ascii: 'evaluation-incidents.xlsx' },
    pages: (cursor, limit) => listIncidents(db, actor, { ...query, cursor, limit }),
  };
}
