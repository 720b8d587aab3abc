import { describe, expect, it } from 'vitest';
import { deadlineBadge, trackingBadge } from './deadline.ts';
import { splitDuration } from './format.ts';

describe('deadline badge in the queues', () => {
  it('follows the server colour while the case is open', () => {
    expect(deadlineBadge({ status: 'handling', paused: false, colour: 'red' })).toBe('overdue');
    expect(deadlineBadge({ status: 'dispatched', paused: false, colour: 'yellow' })).toBe('dueSoon');
    expect(deadlineBadge({ status: 'submitted', paused: false, colour: 'green' })).toBe('onTime');
    expect(deadlineBadge({ status: 'handled', paused: false, colour: 'red' })).toBe('overdue');
  });

  it('says paused instead of a colour that no longer moves', () => {
    expect(deadlineBadge({ status: 'handling', paused: true, colour: 'red' })).toBe('paused');
  });

  it('has no badge once the case is finished', () => {
    for (const status of ['closed', 'rejected', 'duplicate'] as const) {
      expect(deadlineBadge({ status, paused: false, colour: 'red' })).toBe('none');
    }
  });
});

describe('deadline badge on the tracking page', () => {
  // The server measures "due soon" in working time (a Sunday before a Monday 09:00 deadline is
  // yellow); the page shows its colour and turns it red itself once the deadline passes.
  const tracked = {
    status: 'handling' as const,
    paused: false,
    deadline: '2026-03-09T01:00:00Z',
    colour: 'yellow' as const,
  };

  it("shows the server's working-time colour, red after the deadline", () => {
    expect(trackingBadge(tracked, new Date('2026-03-08T04:00:00Z'))).toBe('dueSoon');
    expect(trackingBadge({ ...tracked, colour: 'green' }, new Date('2026-03-06T06:00:00Z'))).toBe('onTime');
    expect(trackingBadge(tracked, new Date('2026-03-09T01:01:00Z'))).toBe('overdue');
  });

  it('has none when closed, and says paused while paused', () => {
    expect(trackingBadge({ ...tracked, status: 'closed' }, new Date('2026-03-11T00:00:00Z'))).toBe('none');
    expect(trackingBadge({ ...tracked, paused: true }, new Date('2026-03-11T00:00:00Z'))).toBe('paused');
  });
});

describe('splitDuration', () => {
  it('splits into whole days, hours and minutes, ignoring the sign', () => {
    const ms = ((2 * 24 + 3) * 60 + 7) * 60_000 + 59_000;
    expect(splitDuration(ms)).toEqual({ days: 2, hours: 3, minutes: 7 });
    expect(splitDuration(-ms)).toEqual({ days: 2, hours: 3, minutes: 7 });
    expect(splitDuration(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
