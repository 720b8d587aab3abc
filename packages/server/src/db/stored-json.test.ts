import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StageLimits, TimeLimit } from '@chuangcheng/core';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { migrate } from './migrate.ts';
import { checkStored, parseStored, StoredJsonError } from './stored-json.ts';
import { caseRepository } from '../modules/cases/repository.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(handle.db);
});
afterAll(() => handle.close());

describe('stored JSON is parsed with its schema on the way out', () => {
  it('returns the value a good row holds, typed', async () => {
    const settings = await caseRepository.settings(handle.db);
    expect(StageLimits.safeParse(settings.stage_limits).success).toBe(true);
    expect(settings.stage_limits.accept.unit).toMatch(/^(hours|days)$/);
  });

  it('refuses a bad stored value with an error naming the column and the field, not a wrong shape', async () => {
    await sql`update case_setting set stage_limits = ${JSON.stringify({ accept: { amount: 2, unit: 'weeks' } })}::jsonb`.execute(
      handle.db,
    );
    const error = await caseRepository.settings(handle.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredJsonError);
    expect((error as StoredJsonError).column).toBe('case_setting.stage_limits');
    expect((error as Error).message).toMatch(/^stored JSON in case_setting\.stage_limits does not match its schema: /);
    expect((error as Error).message).toMatch(/accept\.unit/);
  });

  it('parseStored passes a valid value through and names the path of an invalid one', () => {
    const limits = {
      accept: { amount: 1, unit: 'days' },
      dispatch: { amount: 2, unit: 'hours' },
      verify: { amount: 3, unit: 'days' },
    };
    expect(parseStored(StageLimits, limits, 't.c')).toEqual(limits);
    expect(() => parseStored(StageLimits, null, 't.c')).toThrow(
      /stored JSON in t\.c does not match its schema: \(value\)/,
    );
  });

  it('checkStored returns a frozen value as stored (a key the schema does not list stays), parseStored drops it', () => {
    const stored = { amount: 2, unit: 'days', note: 'kept' };
    expect(checkStored(TimeLimit, stored, 't.c')).toBe(stored);
    expect(parseStored(TimeLimit, stored, 't.c')).toEqual({ amount: 2, unit: 'days' });
    expect(() => checkStored(TimeLimit, { amount: 2 }, 't.c')).toThrow(StoredJsonError);
  });
});
