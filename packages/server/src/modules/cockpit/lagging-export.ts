import type { LaggingItem } from '@chuangcheng/core';
import type { ExportColumn } from '../../http/xlsx.ts';

const STATUS: Record<LaggingItem['status'], string> = { at_risk: '存在风险', off_track: '严重滞后' };

/** A figure with the target's unit, as the table shows it ("85.2%", "12 个"). */
const withUnit = (value: number | null, unit: string) =>
  value === null ? '' : `${Number(value.toFixed(2))}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

/** The columns of the lagging list's Excel export: the table's, the coverage included. */
export const LAGGING_COLUMNS: ExportColumn<LaggingItem>[] = [
  { header: '滞后起始', width: 12, value: (r) => r.laggingSince ?? '' },
  { header: '地区', width: 14, value: (r) => r.region.name },
  {
    header: '目标',
    width: 48,
    value: (r) => `${r.target.taskNumber ? `${r.target.taskNumber} ` : ''}${r.target.title}`,
  },
  { header: '最新值', width: 12, value: (r) => (r.latest ? withUnit(r.latest.value, r.target.unit) : '') },
  { header: '最新值期别', width: 12, value: (r) => r.latest?.period ?? '' },
  { header: '目标值', width: 12, value: (r) => withUnit(r.targetValue, r.target.unit) },
  { header: '到期预测', width: 12, value: (r) => withUnit(r.forecast, r.target.unit) },
  { header: '进度', width: 9, value: (r) => (r.progress === null ? '' : `${Math.round(r.progress)}%`) },
  {
    header: '报送情况',
    width: 18,
    value: (r) => (r.coverage ? `已报 ${r.coverage.reported}/${r.coverage.expected}，按时 ${r.coverage.timely}` : ''),
  },
  { header: '状态', width: 10, value: (r) => `${STATUS[r.status]}${r.provisional ? '（暂定）' : ''}` },
];
