import { describe, expect, it } from 'vitest';
import type { Role } from '@chuangcheng/core';
import { AppError } from '../../http/problem.ts';
import type { Actor } from '../auth/actor.ts';
import { userPolicy } from './policy.ts';

const actor = (role: Role, regionPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role,
  regionCode: regionPath.split('/').pop()!,
  regionPath,
  orgUnitId: null,
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

const DAQING = '23/2306';
const HARBIN = '23/2301';
const DAOLI = '23/2301/230102';

describe('userPolicy.canBindOrgUnit', () => {
  it.each([
    ['大庆 admin, a 大庆 unit, a 大庆 account', actor('city_admin', DAQING), DAQING, DAQING, 'ok'],
    ['大庆 admin, 哈尔滨市精神文明办', actor('city_admin', DAQING), HARBIN, DAQING, 'OUT_OF_SCOPE'],
    ['大庆 admin, 省委宣传部', actor('city_admin', DAQING), '23', DAQING, 'OUT_OF_SCOPE'],
    ['province admin, 哈尔滨市精神文明办 for a 哈尔滨 account', actor('province_admin', '23'), HARBIN, HARBIN, 'ok'],
    ['province admin, a district unit for a 哈尔滨 account', actor('province_admin', '23'), DAOLI, HARBIN, 'ok'],
    ['province admin, 省委宣传部 for a 大庆 account', actor('province_admin', '23'), '23', DAQING, 'VALIDATION_FAILED'],
    [
      'province admin, a 哈尔滨 unit for a 大庆 account',
      actor('province_admin', '23'),
      HARBIN,
      DAQING,
      'VALIDATION_FAILED',
    ],
    ['哈尔滨 admin, a district unit for a district account', actor('city_admin', HARBIN), DAOLI, DAOLI, 'ok'],
  ])('%s → %s', (_name, who, unitPath, accountPath, expected) => {
    expect(outcome(() => userPolicy.canBindOrgUnit(who, { regionPath: unitPath }, { regionPath: accountPath }))).toBe(
      expected,
    );
  });
});
