import { describe, expect, it } from 'vitest';
import { addRegions, defaultCityGroup, type PickedRegion } from './round-regions.ts';

describe('regions of a new round', () => {
  it('starts a region in the group of its level when the framework covers it', () => {
    expect(defaultCityGroup(2, ['capital', 'prefecture'])).toBe('prefecture');
    expect(defaultCityGroup(3, ['prefecture', 'county'])).toBe('county');
    expect(defaultCityGroup(3, ['prefecture'])).toBe('prefecture');
    expect(defaultCityGroup(2, ['county', 'district'])).toBe('county');
    expect(defaultCityGroup(1, [])).toBe('prefecture');
  });

  it('adds only regions not yet picked', () => {
    const harbin: PickedRegion = { code: '2301', name: '哈尔滨市', level: 2, cityGroup: 'capital' };
    const qiqihar: PickedRegion = { code: '2302', name: '齐齐哈尔市', level: 2, cityGroup: 'prefecture' };
    const again: PickedRegion = { ...harbin, cityGroup: 'prefecture' };
    expect(addRegions([harbin], [again, qiqihar])).toEqual([harbin, qiqihar]);
  });
});
