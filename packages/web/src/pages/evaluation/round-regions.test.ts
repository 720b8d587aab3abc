import { describe, expect, it } from 'vitest';
import { addRegions, defaultCityGroup, type PickedRegion } from './round-regions.ts';

describe('regions of a new round', () => {
  it('starts a region in its own group (哈尔滨 省会和副省级城市) when the framework covers it', () => {
    const harbin = { code: '2301', level: 2, name: '哈尔滨市' };
    const qiqihar = { code: '2302', level: 2, name: '齐齐哈尔市' };
    const daoli = { code: '230102', level: 3, name: '道里区' };
    const shangzhi = { code: '230183', level: 3, name: '尚志市' };
    expect(defaultCityGroup(harbin, ['capital', 'prefecture'])).toBe('capital');
    expect(defaultCityGroup(qiqihar, ['capital', 'prefecture'])).toBe('prefecture');
    expect(defaultCityGroup(daoli, ['prefecture', 'county', 'district'])).toBe('district');
    expect(defaultCityGroup(shangzhi, ['prefecture', 'county'])).toBe('county');
  });

  it('falls back to the group of its level, then the first group of the framework', () => {
    const harbin = { code: '2301', level: 2, name: '哈尔滨市' };
    const daoli = { code: '230102', level: 3, name: '道里区' };
    expect(defaultCityGroup(harbin, ['prefecture'])).toBe('prefecture');
    expect(defaultCityGroup(daoli, ['prefecture', 'county'])).toBe('county');
    expect(defaultCityGroup(daoli, ['prefecture'])).toBe('prefecture');
    expect(defaultCityGroup(harbin, ['county', 'district'])).toBe('county');
    expect(defaultCityGroup({ code: '23', level: 1, name: '黑龙江省' }, [])).toBe('prefecture');
  });

  it('adds only regions not yet picked', () => {
    const harbin: PickedRegion = { code: '2301', name: '哈尔滨市', level: 2, cityGroup: 'capital' };
    const qiqihar: PickedRegion = { code: '2302', name: '齐齐哈尔市', level: 2, cityGroup: 'prefecture' };
    const again: PickedRegion = { ...harbin, cityGroup: 'prefecture' };
    expect(addRegions([harbin], [again, qiqihar])).toEqual([harbin, qiqihar]);
  });
});
