import { describe, expect, it } from 'vitest';
import type { Role } from '@chuangcheng/core';
import type { Actor } from '../auth/actor.ts';
import { entryFormRefusal } from './policy.ts';

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

const DAOLI = '23/2301/230102';

describe('entryFormRefusal: whose data-entry form an actor may open and fill in', () => {
  it.each([
    ['a county officer, their county', actor('unit_officer', DAOLI), DAOLI, true],
    ['a county officer, the neighbouring county', actor('unit_officer', DAOLI), '23/2301/230103', false],
    ['a city officer, their city (a city-level set)', actor('unit_officer', '23/2301'), '23/2301', true],
    ['a city officer, a county of their city', actor('unit_officer', '23/2301'), DAOLI, false],
    ['a provincial department liaison, any county', actor('unit_officer', '23', 'unit-housing'), DAOLI, false],
    ['the city office, a county of the city', actor('city_admin', '23/2301'), DAOLI, true],
    ['the province office, any county', actor('province_admin', '23'), DAOLI, true],
    ['an inspector in scope', actor('inspector', '23'), DAOLI, true],
  ])('%s → allowed: %s', (_name, who, regionPath, allowed) => {
    expect(entryFormRefusal(who, regionPath) === null).toBe(allowed);
  });
});
