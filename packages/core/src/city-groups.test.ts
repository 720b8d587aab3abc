import { describe, expect, it } from 'vitest';
import { CAPITAL_AND_SUB_PROVINCIAL_CITIES, naturalCityGroup } from './city-groups.ts';

describe('the ranking group of a region by what it is', () => {
  it('哈尔滨 is 省会和副省级城市, 齐齐哈尔 and 大庆 地级城市', () => {
    expect(naturalCityGroup({ code: '2301', level: 2, name: '哈尔滨市' })).toBe('capital');
    expect(naturalCityGroup({ code: '2302', level: 2, name: '齐齐哈尔市' })).toBe('prefecture');
    expect(naturalCityGroup({ code: '2306', level: 2, name: '大庆市' })).toBe('prefecture');
    // 副省级 without being a capital
    expect(naturalCityGroup({ code: '2102', level: 2, name: '大连市' })).toBe('capital');
  });

  it('county level: 市辖区 are districts, 县 and 县级市 county', () => {
    expect(naturalCityGroup({ code: '230102', level: 3, name: '道里区' })).toBe('district');
    expect(naturalCityGroup({ code: '230183', level: 3, name: '尚志市' })).toBe('county');
    expect(naturalCityGroup({ code: '230123', level: 3, name: '依兰县' })).toBe('county');
    expect(naturalCityGroup({ code: '23', level: 1, name: '黑龙江省' })).toBeUndefined();
  });

  it('lists 27 capitals and 5 sub-provincial cities that are not capitals', () => {
    expect(CAPITAL_AND_SUB_PROVINCIAL_CITIES.size).toBe(32);
  });
});
