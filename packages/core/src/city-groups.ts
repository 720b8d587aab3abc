import type { CityGroup } from './evaluation.ts';

/**
 * 省会和副省级城市: the 27 provincial capitals (prefecture-level; the four municipalities are not
 * prefectures) and the sub-provincial cities that are not capitals (大连, 青岛, 宁波, 厦门, 深圳), by
 * GB/T 2260 code. They are ranked in their own group in the national evaluation.
 */
export const CAPITAL_AND_SUB_PROVINCIAL_CITIES: ReadonlySet<string> = new Set([
  '1301', // 石家庄
  '1401', // 太原
  '1501', // 呼和浩特
  '2101', // 沈阳
  '2102', // 大连
  '2201', // 长春
  '2301', // 哈尔滨
  '3201', // 南京
  '3301', // 杭州
  '3302', // 宁波
  '3401', // 合肥
  '3501', // 福州
  '3502', // 厦门
  '3601', // 南昌
  '3701', // 济南
  '3702', // 青岛
  '4101', // 郑州
  '4201', // 武汉
  '4301', // 长沙
  '4401', // 广州
  '4403', // 深圳
  '4501', // 南宁
  '4601', // 海口
  '5101', // 成都
  '5201', // 贵阳
  '5301', // 昆明
  '5401', // 拉萨
  '6101', // 西安
  '6201', // 兰州
  '6301', // 西宁
  '6401', // 银川
  '6501', // 乌鲁木齐
]);

/**
 * The ranking group a region belongs to by what it is: 省会和副省级城市 by the list above, other
 * prefecture-level cities 地级城市, county-level 市辖区 (names ending in 区) as districts and the
 * other county-level units (县, 县级市, 旗) 县级市和县. Undefined above the prefecture level.
 */
export function naturalCityGroup(region: { code: string; level: number; name: string }): CityGroup | undefined {
  if (region.level === 2) return CAPITAL_AND_SUB_PROVINCIAL_CITIES.has(region.code) ? 'capital' : 'prefecture';
  if (region.level === 3) return region.name.endsWith('区') ? 'district' : 'county';
  return undefined;
}
