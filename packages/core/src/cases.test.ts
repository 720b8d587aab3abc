import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  buildWorkingCalendar,
  chinaDate,
  deadlineAfter,
  deadlineAfterPause,
  isWorkingDay,
  workingMinutesBetween,
  yearsMissing,
} from './working-time.ts';
import {
  allowedCaseActions,
  caseActionRules,
  checkCaseAction,
  nextCaseStatus,
  statusAfterRating,
  type WorkflowCase,
} from './case-workflow.ts';
import { boundingBox, caseRates, deadlineColour, distanceMetres, pointInGeometry } from './case-stats.ts';
import { CaseAction, CaseActionName, PublicCaseIntake } from './api/cases.ts';

// Excerpts of the State Council notices for 2024 (国办发明电〔2023〕7号) and 2025 (国办发明电〔2024〕12号).
const calendar = buildWorkingCalendar([
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    holidays: [
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ],
    workdays: ['2024-02-04', '2024-02-18'],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    holidays: [
      '2025-01-01',
      ...['28', '29', '30', '31'].map((d) => `2025-01-${d}`),
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ],
    workdays: ['2025-01-26', '2025-02-08'],
  },
]);

/** An instant given in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('working days', () => {
  it('Monday to Friday work, weekends rest, holidays rest, 调休 weekends work', () => {
    expect(isWorkingDay(calendar, '2025-01-24')).toBe(true); // Friday
    expect(isWorkingDay(calendar, '2025-01-25')).toBe(false); // Saturday
    expect(isWorkingDay(calendar, '2025-01-26')).toBe(true); // Sunday made a working day
    expect(isWorkingDay(calendar, '2025-01-29')).toBe(false); // Wednesday, Spring Festival
    expect(isWorkingDay(calendar, '2025-02-08')).toBe(true); // Saturday made a working day
    expect(isWorkingDay(calendar, '2024-02-09')).toBe(true); // 除夕 2024: only "encouraged" to rest
  });

  it('takes the China calendar day of an instant', () => {
    expect(chinaDate(new Date('2025-01-24T16:30:00Z'))).toBe('2025-01-25');
    expect(chinaDate(new Date('2025-01-24T15:59:00Z'))).toBe('2025-01-24');
  });

  it('3 working days from a Friday across the Spring Festival end on Wednesday 5 February at 17:30', () => {
    // Sat 25 rests, Sun 26 works (1), Mon 27 (2), 28 Jan – 4 Feb holiday, Wed 5 Feb (3).
    expect(addWorkingDays(calendar, cst('2025-01-24T16:30:00'), 3).toISOString()).toBe('2025-02-05T09:30:00.000Z');
  });

  it('counts days from the next day, whatever the hour of the report', () => {
    expect(addWorkingDays(calendar, cst('2025-03-03T08:00:00'), 1)).toEqual(cst('2025-03-04T17:30:00'));
    expect(addWorkingDays(calendar, cst('2025-03-03T23:00:00'), 1)).toEqual(cst('2025-03-04T17:30:00'));
  });

  it('4 working hours from Monday 27 January 16:00 end on Wednesday 5 February 11:00', () => {
    // 16:00–17:30 on the 27th is 1.5 h; then the holiday; 08:30–11:00 on the 5th is 2.5 h.
    expect(deadlineAfter(calendar, cst('2025-01-27T16:00:00'), { amount: 4, unit: 'hours' })).toEqual(
      cst('2025-02-05T11:00:00'),
    );
  });

  it('skips the lunch break and starts at 08:30 when reported at night', () => {
    expect(addWorkingMinutes(calendar, cst('2025-03-03T11:00:00'), 120)).toEqual(cst('2025-03-03T14:30:00'));
    expect(addWorkingMinutes(calendar, cst('2025-03-03T21:00:00'), 60)).toEqual(cst('2025-03-04T09:30:00'));
    expect(addWorkingMinutes(calendar, cst('2025-03-07T17:00:00'), 60)).toEqual(cst('2025-03-10T09:00:00'));
  });

  it('counts working minutes across the 2024 Spring Festival with both 调休 Sundays', () => {
    // Thu 8 Feb 17:00–17:30 (30) + Fri 9 Feb (450) + Sun 18 Feb works (450) + Mon 19 Feb 08:30–09:30 (60).
    expect(workingMinutesBetween(calendar, cst('2024-02-08T17:00:00'), cst('2024-02-19T09:30:00'))).toBe(990);
    expect(workingMinutesBetween(calendar, cst('2024-02-19T09:30:00'), cst('2024-02-08T17:00:00'))).toBe(0);
  });

  it('a paused clock moves the deadline by the working time it was paused', () => {
    // Due Monday 3 March 2025 16:00; paused Friday 28 Feb 17:00 to Monday 3 March 09:00 = 30 + 30 min.
    const moved = deadlineAfterPause(
      calendar,
      cst('2025-03-03T16:00:00'),
      cst('2025-02-28T17:00:00'),
      cst('2025-03-03T09:00:00'),
    );
    expect(moved).toEqual(cst('2025-03-03T17:00:00'));
    // A pause over a weekend only costs nothing.
    expect(
      deadlineAfterPause(calendar, cst('2025-03-03T16:00:00'), cst('2025-03-01T09:00:00'), cst('2025-03-02T20:00:00')),
    ).toEqual(cst('2025-03-03T16:00:00'));
  });

  it('names years the calendar has no data for', () => {
    expect(
      yearsMissing(calendar, [cst('2025-06-01T10:00:00'), cst('2026-06-01T10:00:00'), cst('2023-01-01T10:00:00')]),
    ).toEqual([2023, 2026]);
  });
});

const base: WorkflowCase = {
  status: 'submitted',
  paused: false,
  pendingExtension: false,
  orgUnitId: null,
  handledBy: null,
};
const dispatcher = { userId: 'd', role: 'city_admin' as const, orgUnitId: null };
const officer = { userId: 'o', role: 'unit_officer' as const, orgUnitId: 'unit-a' };
const otherOfficer = { userId: 'p', role: 'unit_officer' as const, orgUnitId: 'unit-b' };
const inspector = { userId: 'i', role: 'inspector' as const, orgUnitId: null };

describe('case workflow', () => {
  it('walks submitted → accepted → dispatched → handling → handled → (fail) handling → handled → closed', () => {
    let status = base.status;
    for (const [action, passed] of [
      ['accept'],
      ['dispatch'],
      ['start'],
      ['handle'],
      ['verify', false],
      ['handle'],
      ['verify', true],
    ] as const) {
      status = nextCaseStatus(status, action, passed);
    }
    expect(status).toBe('closed');
    expect(nextCaseStatus('handled', 'verify', false)).toBe('handling');
    expect(nextCaseStatus('handling', 'return')).toBe('accepted');
    expect(nextCaseStatus('handling', 'pause')).toBe('handling');
  });

  it('lets the dispatcher accept, reject, merge or dispatch a new case, and nobody else', () => {
    expect(allowedCaseActions(base, dispatcher)).toEqual(['accept', 'reject', 'merge', 'dispatch']);
    expect(allowedCaseActions(base, officer)).toEqual([]);
    expect(checkCaseAction(base, inspector, 'accept')).toMatchObject({ ok: false, reason: 'permission' });
  });

  it('lets only the officers of the unit it is dispatched to work on it', () => {
    const dispatched = { ...base, status: 'dispatched' as const, orgUnitId: 'unit-a' };
    expect(allowedCaseActions(dispatched, officer)).toEqual(['start', 'return', 'pause']);
    expect(checkCaseAction(dispatched, otherOfficer, 'start')).toMatchObject({ ok: false, reason: 'unit' });
    expect(allowedCaseActions({ ...dispatched, status: 'handling' }, officer)).toEqual([
      'return',
      'request_extension',
      'pause',
      'handle',
    ]);
  });

  it('keeps one extension request pending at a time and lets the dispatcher decide it', () => {
    const handling = { ...base, status: 'handling' as const, orgUnitId: 'unit-a', pendingExtension: true };
    expect(checkCaseAction(handling, officer, 'request_extension')).toMatchObject({ ok: false, reason: 'state' });
    expect(checkCaseAction(handling, dispatcher, 'decide_extension')).toEqual({ ok: true });
    expect(checkCaseAction({ ...handling, pendingExtension: false }, dispatcher, 'decide_extension').ok).toBe(false);
  });

  it('pauses and resumes once each, and refuses handling while paused', () => {
    const paused = { ...base, status: 'handling' as const, orgUnitId: 'unit-a', paused: true };
    expect(checkCaseAction(paused, officer, 'pause').ok).toBe(false);
    expect(checkCaseAction(paused, officer, 'resume').ok).toBe(true);
    expect(checkCaseAction(paused, officer, 'handle')).toMatchObject({ ok: false, reason: 'state' });
  });

  it('refuses verification to the account that handled the case', () => {
    const handled = { ...base, status: 'handled' as const, orgUnitId: 'unit-a', handledBy: 'i' };
    expect(checkCaseAction(handled, inspector, 'verify')).toMatchObject({ ok: false, reason: 'handler' });
    expect(checkCaseAction({ ...handled, handledBy: 'o' }, inspector, 'verify')).toEqual({ ok: true });
    expect(checkCaseAction({ ...handled, handledBy: 'o' }, officer, 'verify')).toMatchObject({ reason: 'permission' });
  });

  it('reopens a closed case for verification when the reporter says it is not fixed', () => {
    expect(statusAfterRating('closed', false)).toBe('handled');
    expect(statusAfterRating('closed', true)).toBe('closed');
  });
});

describe('distances, polygons, colours and rates', () => {
  it('measures 1 km of latitude as about 1112 m per 0.01 degree', () => {
    expect(distanceMetres({ lat: 45.75, lng: 126.63 }, { lat: 45.76, lng: 126.63 })).toBeCloseTo(1111.95, 0);
    const box = boundingBox({ lat: 45.75, lng: 126.63 }, 200);
    expect(distanceMetres({ lat: 45.75, lng: 126.63 }, { lat: box.maxLat, lng: 126.63 })).toBeCloseTo(200, 3);
    expect(distanceMetres({ lat: 45.75, lng: 126.63 }, { lat: 45.75, lng: box.maxLng })).toBeCloseTo(200, 0);
  });

  it('finds a point inside a polygon and outside its hole', () => {
    const square = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ];
    expect(pointInGeometry(2, 2, { type: 'Polygon', coordinates: [square, hole] })).toBe(true);
    expect(pointInGeometry(5, 5, { type: 'Polygon', coordinates: [square, hole] })).toBe(false);
    expect(pointInGeometry(12, 5, { type: 'MultiPolygon', coordinates: [[square]] })).toBe(false);
  });

  it('colours a deadline red when passed and yellow in its last quarter of working time', () => {
    // Monday 3 March 2025 08:30 to 16:30 China time: 7 working hours (lunch excluded).
    const created = cst('2025-03-03T08:30:00');
    const deadline = cst('2025-03-03T16:30:00');
    expect(deadlineColour(calendar, cst('2025-03-03T13:30:00'), created, deadline)).toBe('green');
    expect(deadlineColour(calendar, cst('2025-03-03T15:00:00'), created, deadline)).toBe('yellow');
    expect(deadlineColour(calendar, cst('2025-03-03T16:30:01'), created, deadline)).toBe('red');
  });

  it('computes 结案率 and 按期结案率 as in the Tianmen bulletin', () => {
    // 应结案 972, 结案 911, 按期结案 737 → 93.72 % and 75.82 %.
    const rates = caseRates({
      due: 972,
      closed: 911,
      closedOnTime: 737,
      verified: 911,
      reworked: 91,
      closedHoursSum: 911 * 20,
      closedWorkingMinutesSum: 911 * 600,
      ratingSum: 9,
      ratings: 2,
    });
    expect(rates).toEqual({
      closureRate: 0.9372,
      onTimeRate: 0.7582,
      reworkRate: 0.0999,
      avgHandlingHours: 20,
      avgHandlingWorkingHours: 10,
      satisfaction: 4.5,
    });
    expect(
      caseRates({
        due: 0,
        closed: 0,
        closedOnTime: 0,
        verified: 0,
        reworked: 0,
        closedHoursSum: 0,
        closedWorkingMinutesSum: 0,
        ratingSum: 0,
        ratings: 0,
      }),
    ).toEqual({
      closureRate: null,
      onTimeRate: null,
      reworkRate: null,
      avgHandlingHours: null,
      avgHandlingWorkingHours: null,
      satisfaction: null,
    });
  });
});

describe('request schemas', () => {
  it('names the field of a bad intake', () => {
    const parsed = PublicCaseIntake.safeParse({ categoryCode: 'Event Poster', description: '', lat: 200 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['categoryCode', 'description', 'lat']);
  });

  it('tells actions apart by name and refuses unknown fields', () => {
    expect(CaseAction.parse({ action: 'verify', passed: false })).toEqual({
      action: 'verify',
      passed: false,
      note: '',
      photoIds: [],
    });
    expect(CaseAction.safeParse({ action: 'handle', note: 'x', photoIds: [] }).success).toBe(false);
    expect(CaseAction.safeParse({ action: 'accept', colour: 'red' }).success).toBe(false);
  });

  it('names every workflow action once, as the rules know them', () => {
    expect([...CaseActionName.options].sort()).toEqual(Object.keys(caseActionRules).sort());
    expect(CaseActionName.safeParse('verify').success).toBe(true);
    expect(CaseActionName.safeParse('approve').success).toBe(false);
  });
});
