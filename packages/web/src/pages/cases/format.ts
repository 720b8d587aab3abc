import type { Translate } from '../../i18n/I18nProvider.tsx';

const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO timestamp as "YYYY-MM-DD HH:mm" in China time, whatever the device's zone: deadlines
 * are counted in the province's working hours, so that is the clock they are shown on.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const part = Object.fromEntries(chinaTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** A share (0..1) as a percentage with one decimal; a dash when there is nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** Whole days, hours and minutes of a span (absolute value; the caller knows the sign). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  return {
    days: Math.floor(minutesTotal / (24 * 60)),
    hours: Math.floor((minutesTotal % (24 * 60)) / 60),
    minutes: minutesTotal % 60,
  };
}

/** A span in words at the two largest units that matter: "2 天 3 小时", "45 分钟". */
export function formatSpan(ms: number, t: Translate): string {
  const { days, hours, minutes } = splitDuration(ms);
  if (days > 0) return t('case.span.daysHours', { days, hours });
  if (hours > 0) return t('case.span.hoursMinutes', { hours, minutes });
  return t('case.span.minutes', { minutes });
}

/** "剩 2 天 3 小时" before the deadline, "超期 5 小时" after it. */
export function formatRemaining(deadline: string, now: Date, t: Translate): string {
  const left = Date.parse(deadline) - now.getTime();
  return left > 0
    ? t('case.deadline.left', { span: formatSpan(left, t) })
    : t('case.deadline.over', { span: formatSpan(-left, t) });
}
