import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileTestContext } from '../../test/harness.ts';
import { countTitlesUnder, titleRepository, titleStatesUnder } from './titles-repository.ts';

const ctx = fileTestContext();
beforeAll(async () => {
  const event = (
    regionCode: string,
    title: string,
    change: string,
    effectiveOn: string,
    endsOn: string | null = null,
  ) =>
    titleRepository.insert(ctx.db, {
      id: crypto.randomUUID(),
      region_code: regionCode,
      prefecture_code: regionCode.slice(0, 4),
      title,
      change,
      effective_on: effectiveOn,
      ends_on: endsOn,
      reason: `${title} ${change} on ${effectiveOn}`,
      source_kind: 'decision',
      source_id: '测试〔2020〕1号',
      recorded_by: null,
      recorded_by_name: 'system',
    });
  // 哈尔滨 national civilized city since 2015, suspended for a year from 2019-03-01.
  await event('2301', 'national_civilized', 'awarded', '2015-02-28');
  await event('2301', 'national_civilized', 'suspended', '2019-03-01', '2020-02-29');
  // 伊春 since 2017; 大庆 nominated in 2018; 道里区 (a district of 哈尔滨) provincial civilized in 2019.
  await event('2307', 'national_civilized', 'awarded', '2017-11-14');
  await event('2306', 'national_nominated', 'awarded', '2018-01-01');
  await event('230102', 'provincial_civilized', 'awarded', '2019-06-01');
});

describe('title state over a region subtree', () => {
  it('derives each region’s titles at a date from the stored history', async () => {
    const states = await titleStatesUnder(ctx.db, '23', '2019-12-31');
    const harbin = states.find((s) => s.regionCode === '2301')!;
    expect(harbin.titles.find((t) => t.title === 'national_civilized')).toMatchObject({
      status: 'suspended',
      until: '2020-02-29',
    });
    expect(states.map((s) => s.regionCode).sort()).toEqual(['2301', '230102', '2306', '2307']);
    // under 哈尔滨 only 哈尔滨 and its district
    expect((await titleStatesUnder(ctx.db, '23/2301', '2019-12-31')).map((s) => s.regionCode).sort()).toEqual([
      '2301',
      '230102',
    ]);
  });

  it('counts titles held per title and per level, ignoring events after the date', async () => {
    const in2019 = await countTitlesUnder(ctx.db, '23', '2019-12-31');
    expect(in2019.held.national_civilized).toBe(1);
    expect(in2019.suspended.national_civilized).toBe(1);
    expect(in2019.held.national_nominated).toBe(1);
    expect(in2019.heldByLevel['3']!.provincial_civilized).toBe(1);
    expect(in2019.regionsByLevel['2']).toBe(13);
    const in2020 = await countTitlesUnder(ctx.db, '23', '2020-06-30');
    expect(in2020.held.national_civilized).toBe(2);
    const in2016 = await countTitlesUnder(ctx.db, '23', '2016-01-01');
    expect(in2016.held).toMatchObject({ national_civilized: 1, national_nominated: 0, provincial_civilized: 0 });
  });
});
