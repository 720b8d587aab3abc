import { describe, expect, it } from 'vitest';
import type { Role } from '@chuangcheng/core';
import { AppError } from '../../http/problem.ts';
import type { Actor } from '../auth/actor.ts';
import { reportPolicy } from './policy.ts';

const UNIT = 'unit-housing';
const actor = (role: Role, regionPath: string, orgUnitId: string | null = null): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role,
  regionCode: regionPath.split('/').pop()!,
  regionPath,
  orgUnitId,
  via: 'token',
});

/** The problem code a policy call throws, or 'ok'. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('reportPolicy', () => {
  it.each([
    ['the unit officer of an assigned unit', actor('unit_officer', '23', UNIT), true, 'ok'],
    ['the unit officer of an unassigned unit', actor('unit_officer', '23', UNIT), false, 'FORBIDDEN'],
    ['an officer of another unit', actor('unit_officer', '23', 'unit-education'), true, 'FORBIDDEN'],
    ['an officer without a unit', actor('unit_officer', '23'), true, 'FORBIDDEN'],
    ['the province administrator', actor('province_admin', '23'), true, 'FORBIDDEN'],
    ['an auditor', actor('auditor', '23'), true, 'FORBIDDEN'],
  ])('canFile: %s → %s', (_name, who, assigned, expected) => {
    expect(outcome(() => reportPolicy.canFile(who, { orgUnitId: UNIT, assigned }))).toBe(expected);
  });

  it.each([
    ['the unit itself', actor('unit_officer', '23', UNIT), '23', 'ok'],
    ['another unit', actor('unit_officer', '23', 'other'), '23', 'FORBIDDEN'],
    ['the province administrator, a city unit', actor('province_admin', '23'), '23/2301', 'ok'],
    ['the city administrator, their own city', actor('city_admin', '23/2306'), '23/2306', 'ok'],
    ['the city administrator, another city', actor('city_admin', '23/2306'), '23/2301', 'OUT_OF_SCOPE'],
    ['the city administrator, a provincial unit', actor('city_admin', '23/2306'), '23', 'OUT_OF_SCOPE'],
    ['an auditor in scope', actor('auditor', '23'), '23/2301', 'ok'],
    ['a resident', actor('resident', '23'), '23', 'FORBIDDEN'],
  ])('canRead: %s → %s', (_name, who, regionPath, expected) => {
    expect(outcome(() => reportPolicy.canRead(who, { orgUnitId: UNIT, regionPath }))).toBe(expected);
  });

  it('limits the ledger of a unit officer to their unit and of an administrator to their scope', () => {
    expect(reportPolicy.ledgerFilter(actor('unit_officer', '23', UNIT))).toEqual({ orgUnitId: UNIT });
    expect(reportPolicy.ledgerFilter(actor('city_admin', '23/2306'))).toEqual({ scopePath: '23/2306' });
    expect(outcome(() => reportPolicy.ledgerFilter(actor('resident', '23')))).toBe('FORBIDDEN');
  });
});
