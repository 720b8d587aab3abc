import { TITLE_NAMES, type TitleStatus } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ListExport } from '../../http/list-export.ts';
import { collectPages, type ExportColumn } from '../../http/xlsx.ts';
import type { Actor } from '../auth/index.ts';
import { listTitleStates } from './titles.ts';

const STATUS: Record<TitleStatus, string> = {
  held: '保留',
  suspended: '暂停',
  revoked: '已撤销',
  expired: '已到期',
  none: '无',
};

type Row = Awaited<ReturnType<typeof listTitleStates>>['items'][number]['titles'][number] & { regionName: string };

const COLUMNS: ExportColumn<Row>[] = [
  { header: '地区', width: 16, value: (r) => r.regionName },
  { header: '称号', width: 24, value: (r) => TITLE_NAMES[r.title] },
  { header: '状态', width: 10, value: (r) => STATUS[r.status] },
  { header: '起始日期', width: 12, value: (r) => r.since },
  { header: '截止日期', width: 12, value: (r) => r.until },
  { header: '限制申报至', width: 12, value: (r) => r.barredUntil },
  { header: '原因', width: 48, value: (r) => r.reason },
];

/** The title list (one row per region and title) as Excel, with the list's scope and date. */
export async function titlesExport(
  db: Kysely<Database>,
  actor: Actor,
  query: { under?: string; at?: string },
): Promise<ListExport<Row>> {
  let at = query.at;
  const { rows, truncated } = await collectPages(async (cursor, limit) => {
    const page = await listTitleStates(db, actor, { ...query, cursor, limit });
    at = page.at;
    return page;
  });
  const flat = rows.flatMap((region) => region.titles.map((t) => ({ ...t, regionName: region.regionName })));
  return {
    sheet: '称号',
    title: `文明城市称号（截至 ${at}）`,
    columns: COLUMNS,
    file: { name: `文明城市称号-${at}.xlsx`, ascii: `titles-${at}.xlsx` },
    rows: flat,
    truncated,
  };
}
