import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '@chuangcheng/core';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { generationRepository } from '../../cache/generation.ts';
import { workingCalendar } from './calendar.ts';

// Two databases served from one process (two test contexts): each keeps its own calendar.
let first: TestContext;
let second: TestContext;
beforeAll(async () => {
  first = await createTestContext();
  second = await createTestContext();
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe('the kept working calendar', () => {
  it('is kept per database, shared by its transactions, and reloaded when its generation moves', async () => {
    // 2025-01-29 (a Wednesday) is Spring Festival in the shipped calendar.
    const kept = await workingCalendar(first.db);
    expect(isWorkingDay(kept, '2025-01-29')).toBe(false);
    expect(await first.db.transaction().execute((trx) => workingCalendar(trx))).toBe(kept);

    // The second database lost its 2025 days (as another data set would lack them), without a
    // generation move: it must still not be answered from the first database's copy.
    await second.db.deleteFrom('case_calendar_day').where('year', '=', 2025).execute();
    const other = await workingCalendar(second.db);
    expect(other).not.toBe(kept);
    expect(isWorkingDay(other, '2025-01-29')).toBe(true);
    expect(isWorkingDay(await workingCalendar(first.db), '2025-01-29')).toBe(false);

    // Restored and the generation moved (what an import does in its transaction): reloaded.
    await second.db
      .insertInto('case_calendar_day')
      .values({ day: '2025-01-29', year: 2025, kind: 'holiday' })
      .execute();
    expect(await workingCalendar(second.db)).toBe(other);
    await generationRepository.advance(second.db, 'case-calendar');
    expect(isWorkingDay(await workingCalendar(second.db), '2025-01-29')).toBe(false);
  });
});
