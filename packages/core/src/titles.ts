import { TitleKind, type TitleChange, type TitleSourceKind, type TitleStatus } from './evaluation.ts';
import { message, type LocalizedMessage } from './server-messages.ts';

/**
 * Titles are never stored as a "current title": each region has a history of dated events
 * (awarded, suspended, reinstated, revoked, expired, barred), each with a reason and the
 * round, incident or decision behind it. This module derives the state of every title at
 * any date from that history, says which changes are possible from a state, and checks
 * eligibility for an award in words. Pure: no I/O.
 */

export type TitleEventInput = {
  id: string;
  title: TitleKind;
  change: TitleChange;
  effectiveOn: string;
  endsOn: string | null;
  reason: string;
  sourceKind?: TitleSourceKind;
  /** Orders events of the same day: the one recorded later applies later. */
  recordedAt?: string;
};

export type TitleState = {
  title: TitleKind;
  status: TitleStatus;
  /** When the title was (last) awarded; for revoked/expired, when that happened. */
  since: string | null;
  /** A suspension's last day (null: until reinstated or not suspended). */
  until: string | null;
  /** An award of this title is barred until this day (inclusive). */
  barredUntil: string | null;
  lastEventId: string | null;
  reason: string | null;
};

const emptyState = (title: TitleKind): TitleState => ({
  title,
  status: 'none',
  since: null,
  until: null,
  barredUntil: null,
  lastEventId: null,
  reason: null,
});

/** Events in the order they apply: by effective date, then by when they were recorded. */
export function orderEvents<E extends TitleEventInput>(events: readonly E[]): E[] {
  return [...events].sort(
    (a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''),
  );
}

/** A suspension whose last day is before `at` has lapsed: the title is held again. */
function settle(state: TitleState, at: string): TitleState {
  if (state.status === 'suspended' && state.until !== null && state.until < at) {
    return { ...state, status: 'held', until: null };
  }
  return state;
}

/**
 * Why an event cannot apply to a state, or null when it can. Used both to validate a new
 * event before it is recorded and (leniently) when folding a history.
 */
export function refuseChange(state: TitleState, change: TitleChange): string | null {
  switch (change) {
    case 'awarded':
      return state.status === 'held' || state.status === 'suspended'
        ? `the region already holds ${state.title} (${state.status})`
        : null;
    case 'suspended':
      return state.status === 'held' ? null : `only a held title can be suspended; ${state.title} is ${state.status}`;
    case 'reinstated':
      return state.status === 'suspended'
        ? null
        : `only a suspended title can be reinstated; ${state.title} is ${state.status}`;
    case 'revoked':
    case 'expired':
      return state.status === 'held' || state.status === 'suspended'
        ? null
        : `${state.title} is ${state.status}; there is nothing to ${change === 'revoked' ? 'revoke' : 'expire'}`;
    case 'barred':
      return null;
  }
}

function apply(state: TitleState, event: TitleEventInput): TitleState {
  const base = { ...state, lastEventId: event.id, reason: event.reason };
  switch (event.change) {
    case 'awarded':
      return { ...base, status: 'held', since: event.effectiveOn, until: null };
    case 'suspended':
      return { ...base, status: 'suspended', until: event.endsOn };
    case 'reinstated':
      return { ...base, status: 'held', until: null };
    case 'revoked':
      return { ...base, status: 'revoked', since: event.effectiveOn, until: null };
    case 'expired':
      return { ...base, status: 'expired', since: event.effectiveOn, until: null };
    case 'barred': {
      const until = event.endsOn;
      const barredUntil = state.barredUntil && until && state.barredUntil > until ? state.barredUntil : until;
      return { ...base, barredUntil };
    }
  }
}

/**
 * The state of one title at a date (inclusive) from a region's events. Events that do not fit
 * the state they meet (e.g. a reinstatement of a title that is not suspended) are skipped,
 * as the server refuses to record them in the first place.
 */
export function titleStateAt(events: readonly TitleEventInput[], title: TitleKind, at: string): TitleState {
  let state = emptyState(title);
  for (const event of orderEvents(events)) {
    if (event.title !== title || event.effectiveOn > at) continue;
    state = settle(state, event.effectiveOn);
    if (refuseChange(state, event.change) !== null) continue;
    state = apply(state, event);
  }
  state = settle(state, at);
  if (state.barredUntil !== null && state.barredUntil < at) state = { ...state, barredUntil: null };
  return state;
}

/** Every title's state at a date, in the order of `TitleKind`. */
export function titleStatesAt(events: readonly TitleEventInput[], at: string): TitleState[] {
  return TitleKind.options.map((title) => titleStateAt(events, title, at));
}

/** Counts of titles held and suspended per title across many regions' states. */
export function countTitles(states: readonly (readonly TitleState[])[]) {
  const held = Object.fromEntries(TitleKind.options.map((t) => [t, 0])) as Record<TitleKind, number>;
  const suspended = { ...held };
  for (const regionStates of states) {
    for (const s of regionStates) {
      if (s.status === 'held') held[s.title]++;
      if (s.status === 'suspended') suspended[s.title]++;
    }
  }
  return { held, suspended };
}

// ---- Eligibility -------------------------------------------------------------------

/**
 * The title a region must hold before it can be awarded another: a civilized city is first
 * a nominated city (提名城市) at the same level, and works through a whole cycle as one.
 */
export const titlePrerequisite: Record<TitleKind, TitleKind | null> = {
  provincial_nominated: null,
  provincial_civilized: 'provincial_nominated',
  national_nominated: null,
  national_civilized: 'national_nominated',
};

export type EligibilityFacts = {
  /** Years in an evaluation cycle (from the framework's data, e.g. 3). */
  cycleYears: number;
  /** Whether the cycle ending in the award year has every annual test scored; null when not known. */
  cycleComplete: boolean | null;
  /** The latest minors' work evaluation against its gate; null when none was scored. */
  minorsGatePassed: boolean | null;
};

/** One eligibility rule's outcome, explained as a catalogue message (rendered in the reader's language). */
export type EligibilityCheck = { rule: string; met: boolean; explanation: LocalizedMessage };
export type EligibilityResult = { title: TitleKind; at: string; eligible: boolean; checks: EligibilityCheck[] };

const titleName = (title: TitleKind) => message(`titleKind.${title}`);

/**
 * Whether a region may be awarded a title at a date, with one check per rule:
 * 1. it does not already hold the title;
 * 2. it is not barred (loss of eligibility after an incident);
 * 3. it holds the prerequisite title, not suspended;
 * 4. it held the prerequisite since the start of the cycle that ends in the award year
 *    (a cycle of `cycleYears` years: awarded in 2020, nominated by 2018-01-01);
 * 5. every annual test of that cycle was scored;
 * 6. its minors' work evaluation passed the gate.
 * Unknown facts (5, 6) do not block an award but are said so.
 */
export function checkEligibility(
  events: readonly TitleEventInput[],
  title: TitleKind,
  at: string,
  facts: EligibilityFacts,
): EligibilityResult {
  const checks: EligibilityCheck[] = [];
  const own = titleStateAt(events, title, at);
  const held = own.status === 'held' || own.status === 'suspended';
  checks.push({
    rule: 'not_already_held',
    met: !held,
    explanation: held
      ? message(own.status === 'suspended' ? 'eligibility.alreadyHeldSuspended' : 'eligibility.alreadyHeld', {
          since: own.since ?? '',
          title: titleName(title),
        })
      : message('eligibility.notHeld', { title: titleName(title) }),
  });
  checks.push({
    rule: 'not_barred',
    met: own.barredUntil === null,
    explanation:
      own.barredUntil === null
        ? message('eligibility.notBarred')
        : message('eligibility.barred', { until: own.barredUntil, reason: own.reason ?? '' }),
  });
  const prerequisite = titlePrerequisite[title];
  if (prerequisite) {
    const pre = titleStateAt(events, prerequisite, at);
    checks.push({
      rule: 'holds_prerequisite',
      met: pre.status === 'held',
      explanation:
        pre.status === 'held'
          ? message('eligibility.holdsPrerequisite', { since: pre.since ?? '', title: titleName(prerequisite) })
          : message('eligibility.lacksPrerequisite', {
              title: titleName(prerequisite),
              status: message(`titleStatus.${pre.status}`),
            }),
    });
    const cycleStart = `${Number(at.slice(0, 4)) - facts.cycleYears + 1}-01-01`;
    const sinceOk = pre.status === 'held' && pre.since !== null && pre.since <= cycleStart;
    const cycle = { title: titleName(prerequisite), years: facts.cycleYears, start: cycleStart };
    checks.push({
      rule: 'completed_cycle',
      met: sinceOk,
      explanation: sinceOk
        ? message('eligibility.cycleCompleted', { ...cycle, since: pre.since! })
        : pre.since
          ? message('eligibility.cycleIncompleteSince', { ...cycle, since: pre.since })
          : message('eligibility.cycleIncompleteNever', cycle),
    });
  }
  checks.push({
    rule: 'cycle_scored',
    met: facts.cycleComplete !== false,
    explanation: message(
      facts.cycleComplete === null
        ? 'eligibility.cycleUnknown'
        : facts.cycleComplete
          ? 'eligibility.cycleScored'
          : 'eligibility.cycleUnscored',
    ),
  });
  checks.push({
    rule: 'minors_gate',
    met: facts.minorsGatePassed !== false,
    explanation: message(
      facts.minorsGatePassed === null
        ? 'eligibility.minorsUnknown'
        : facts.minorsGatePassed
          ? 'eligibility.minorsPassed'
          : 'eligibility.minorsFailed',
    ),
  });
  return { title, at, eligible: checks.every((c) => c.met), checks };
}

/** The last day of a period of whole months starting on a date (a one-year suspension from 2019-03-01 ends 2020-02-29). */
export function monthsLater(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // Rolled past the month's end (31 Jan + 1 month): clamp to the month's last day.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
