import { isOpenStatus, type CaseStatus } from '@chuangcheng/core';

/** How a case stands against its deadline, as the queues and the tracking page show it. */
export type DeadlineBadge = 'overdue' | 'dueSoon' | 'onTime' | 'paused' | 'none';

type Colour = 'green' | 'yellow' | 'red';

const byColour: Record<Colour, DeadlineBadge> = { red: 'overdue', yellow: 'dueSoon', green: 'onTime' };

/**
 * A finished case (closed, rejected, merged) has no deadline to watch; a paused clock says so
 * rather than a colour that no longer moves; otherwise the server's colour (red overdue, yellow
 * in the last quarter of the working time allowed, green in time).
 */
export function deadlineBadge(c: { status: CaseStatus; paused: boolean; colour: Colour }): DeadlineBadge {
  if (!isOpenStatus(c.status)) return 'none';
  if (c.paused) return 'paused';
  return byColour[c.colour];
}

/**
 * The same for the public tracking page: the server's colour (measured in working time, with the
 * holiday calendar the browser does not have), turned red live once the deadline passes.
 */
export function trackingBadge(
  c: { status: CaseStatus; paused: boolean; deadline: string; colour: Colour },
  now: Date,
): DeadlineBadge {
  const colour = !c.paused && now.getTime() > Date.parse(c.deadline) ? 'red' : c.colour;
  return deadlineBadge({ status: c.status, paused: c.paused, colour });
}

/** Tag colours per badge: solid fills deep enough for white text at 4.5:1 (antd's red, gold and green are not). */
export const badgeColour: Record<DeadlineBadge, string> = {
  overdue: '#cf1322',
  dueSoon: '#874d00',
  onTime: '#237804',
  paused: 'default',
  none: 'default',
};
