import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  indicatorPeriodBounds,
  indicatorPeriodsBetween,
  periodTime,
  IndicatorPeriodType,
  seededRandom,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { loadCatalogue, type Catalogue, type IndicatorRow } from './catalogue.ts';
import { recordObservations, type ObservationInput } from './observations.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { demoRepository } from './demo-repository.ts';

/*
 * `chuangcheng demo`: plausible observations from 2016 to mid-2020 (and PM2.5 for 2015, its
 * baseline year) for every element and every reporting region, marked source 'demo', plus demo
 * title events, so that the cockpit shows every target of the seed plan with a status and a
 * forecast. Deterministic for a seed. Trends are chosen per indicator so that the province shows
 * every status, and vary per region so that maps and rankings differ.
 *
 * Demo data never mixes with real data: the command refuses a database holding any non-demo
 * observation (unless forced), real entries always take precedence over demo figures when both
 * exist, and `--remove` deletes every demo row.
 */

/** The demo campaign is seen at the end of June 2020, half a year before the plan's deadline. */
const DEMO_LAST = { year: '2019', quarter: '2020Q2', month: '2020-06' } as const;
const DEMO_FIRST = { year: '2016', quarter: '2016Q1', month: '2016-01' } as const;
const DEMO_TITLE_SOURCE = 'DEMO-演示数据';
/**
 * So that completeness and timeliness show (issue 16): every demo figure is written 10 days after
 * its period ends (on time), except 依兰县's, which come 40 days after (late); 通河县 reports
 * nothing for 2018 (a county with a gap in its series); and 木兰县 starts reporting only in 2019
 * (a late starter: no baseline, so no progress, and outside Harbin's fixed panel).
 */
const DEMO_LATE_REPORTER = '230123';
const DEMO_GAP_COUNTY = '230128';
const DEMO_LATE_STARTER = '230127';
const DEMO_ON_TIME_DAYS = 10;
const DEMO_LATE_DAYS = 40;

/**
 * Pace multipliers: 1 = exactly the pace that reaches the goal at the deadline. Above 1.5 the goal
 * is reached before mid-2020 (achieved); 1.1 on track; 0.9 at risk; 0.5 off track.
 */
const PACE: Record<string, number> = {
  'urban-sewage-treatment-rate': 1.7,
  'county-town-sewage-treatment-rate': 1.2,
  'good-people-board-rate': 1.6,
  'waste-harmless-treatment-rate': 1.7,
  'snow-clearing-mechanisation': 1.6,
  'central-heating-coverage': 1.15,
  'civilized-campus-participation': 1.15,
  'volunteer-team-mobilisation-rate': 1.2,
  'school-waste-sorting-knowledge': 1.15,
  'pm25-concentration': 1.2,
  'civilized-family-participation': 0.9,
  'rural-school-youth-palace-coverage': 0.9,
  'volunteer-hours-per-capita': 0.88,
  'waste-recycling-rate': 0.9,
  'green-building-share': 0.5,
  'volunteer-participation-rate': 0.5,
  'medical-waste-recycling-rate': 0.45,
};

/** Rough size of a reporting region's denominators (per county; prefectures × 8). */
const SIZE: Record<string, [number, number]> = {
  'civilized-units-total': [40, 160],
  'households-total': [60_000, 300_000],
  'schools-total': [40, 180],
  'youth-palace-townships-total': [6, 20],
  'volunteer-teams-registered': [80, 400],
  'volunteers-registered': [20_000, 120_000],
  'urban-building-area': [400, 3000],
  'sewage-discharged': [300, 2500],
  'new-building-area': [20, 160],
  'waste-generated': [60_000, 400_000],
  'waste-collected': [50_000, 380_000],
  'medical-waste-generated': [800, 6000],
  'schools-people-total': [25_000, 150_000],
  'county-town-sewage-discharged': [100, 600],
  'county-medical-community-expected': [1, 1],
  'snow-clearing-area': [300, 2000],
  'cases-filed': [40, 400],
};

/** 兰西县, 青冈县, 明水县: national poverty counties of 绥化 that report no youth palaces in the demo. */
const DEMO_SILENT_POVERTY_COUNTIES = new Set(['231222', '231223', '231225']);

function hashSeed(...parts: (string | number)[]): number {
  return crypto.createHash('sha256').update(parts.join('|')).digest().readUInt32LE(0);
}

/** The goal an indicator's demo trend aims at: its linked target's value, 90 % when none. */
function goalOf(catalogue: Catalogue, indicator: IndicatorRow): number {
  const link = catalogue.links.find((l) => l.indicatorCode === indicator.code);
  return link ? link.ref.value : 90;
}

type Region = { code: string; level: number; population: number | null };

/** Demo observations for every element and reporting region. */
function demoObservations(
  catalogue: Catalogue,
  regions: readonly Region[],
  groups: {
    pilots: ReadonlySet<string>;
    poverty: ReadonlySet<string>;
    cityUnits: ReadonlySet<string>;
    countyDomain: ReadonlySet<string>;
  },
  seed: number,
): ObservationInput[] {
  const rows: ObservationInput[] = [];
  for (const set of catalogue.dataSets) {
    const type = IndicatorPeriodType.parse(set.period_type);
    const first = set.code === 'air-quality-annual' ? '2015' : DEMO_FIRST[type];
    const periods = indicatorPeriodsBetween(first, DEMO_LAST[type]);
    const indicators = catalogue.indicators.filter((i) => set.elements.some((e) => e.code === i.numerator_code));
    for (const region of regions.filter((r) => r.level === set.region_level)) {
      const rnd = seededRandom(hashSeed(seed, set.code, region.code));
      // Waste sorting is reported by the pilot cities; youth palaces by the national poverty
      // counties only, except three of 绥化's five, so that 绥化 reads "insufficient data" (2 of 5).
      const skip = (element: string) =>
        (element.startsWith('waste-') || element.startsWith('medical-waste') || element.startsWith('schools-')) &&
        set.code === 'city-management-quarterly'
          ? !groups.pilots.has(region.code)
          : element.startsWith('youth-palace')
            ? !groups.poverty.has(region.code) || DEMO_SILENT_POVERTY_COUNTIES.has(region.code)
            : // City sewage by districts and county-level cities, county-town sewage by counties.
              element.startsWith('sewage-')
              ? !groups.cityUnits.has(region.code)
              : element.startsWith('county-town-sewage-')
                ? groups.cityUnits.has(region.code)
                : // County medical communities: counties and county-level cities only.
                  element.startsWith('county-medical-community-')
                  ? !groups.countyDomain.has(region.code)
                  : false;
      const scale = region.level === 2 ? 8 : 1;
      const sizes = new Map<string, number>();
      for (const e of set.elements) {
        const [lo, hi] = SIZE[e.code] ?? [0, 0];
        sizes.set(e.code, (lo + (hi - lo) * rnd()) * scale);
      }
      for (const indicator of indicators) {
        const pace = (PACE[indicator.code] ?? 1) * (0.75 + 0.5 * rnd());
        const noise = () => (rnd() - 0.5) * 0.04;
        const lowerBetter = indicator.direction === 'lower_is_better';
        for (const period of periods) {
          const t = periodTime(period);
          const growth = 1 + 0.02 * (t - 2017);
          if (lowerBetter) {
            // PM2.5: from a 2015 level of 35-75 μg/m³, down by 15 % × pace over five years.
            const start = 35 + 40 * (hashSeed(seed, 'pm', region.code) / 2 ** 32);
            const value = start * (1 - (0.15 * pace * Math.max(0, t - 2016)) / 5) * (1 + noise());
            rows.push({
              element: indicator.numerator_code,
              regionCode: region.code,
              period,
              value: round1(value),
              source: 'demo',
            });
            continue;
          }
          const goal = goalOf(catalogue, indicator);
          const span = Math.max(5, goal * 0.3);
          // From goal − span at the end of 2016, `pace` × the pace that reaches the goal at the end of 2020.
          let rate = goal - span + (span / 4) * pace * (t - 2017) + span * noise();
          if (indicator.factor === 100) rate = Math.min(100, Math.max(0, rate));
          const den = indicator.denominator_code!;
          if (skip(den) || skip(indicator.numerator_code)) continue;
          const denValue = roundFor(set, den, sizes.get(den)! * growth);
          const numValue = roundFor(set, indicator.numerator_code, (denValue * rate) / indicator.factor);
          rows.push({ element: den, regionCode: region.code, period, value: denValue, source: 'demo' });
          rows.push({
            element: indicator.numerator_code,
            regionCode: region.code,
            period,
            value: Math.min(numValue, indicator.factor === 100 ? denValue : Infinity),
            source: 'demo',
          });
        }
      }
    }
  }
  // One denominator can serve two indicators (registered volunteers): keep its first value.
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (r.regionCode === DEMO_GAP_COUNTY && r.period.startsWith('2018')) return false;
    if (r.regionCode === DEMO_LATE_STARTER && r.period < '2019') return false;
    const key = `${r.element}|${r.regionCode}|${r.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function roundFor(set: { elements: { code: string; is_integer: boolean }[] }, code: string, value: number): number {
  const element = set.elements.find((e) => e.code === code)!;
  return element.is_integer ? Math.round(value) : round1(value);
}

type TitleKindDemo = 'national_civilized' | 'national_nominated' | 'provincial_civilized' | 'provincial_nominated';

/**
 * Demo title history: a few prefecture cities nominated and then awarded national titles, a
 * growing share of county-level units holding provincial titles. Fictitious, marked as demo.
 */
function demoTitleEvents(regions: readonly Region[], seed: number) {
  const prefectures = regions.filter((r) => r.level === 2).map((r) => r.code);
  const counties = regions.filter((r) => r.level === 3).map((r) => r.code);
  const pick = (list: string[], salt: string) =>
    [...list].sort((a, b) => hashSeed(seed, salt, a) - hashSeed(seed, salt, b));
  const events: { region: string; title: TitleKindDemo; on: string }[] = [];
  const cities = pick(prefectures, 'national');
  // Nominated: 4 cities by 2015, 4 more in 2018, 3 more in 2019 (11 of the 12-15 goal).
  cities.slice(0, 11).forEach((c, i) =>
    events.push({
      region: c,
      title: 'national_nominated',
      on: i < 4 ? '2015-11-20' : i < 8 ? '2018-11-15' : '2019-11-15',
    }),
  );
  // National civilized: 2 by 2017, 4 by 2018 (on track for 5-7).
  cities
    .slice(0, 4)
    .forEach((c, i) =>
      events.push({ region: c, title: 'national_civilized', on: i < 2 ? '2017-11-14' : '2018-11-20' }),
    );
  const share = pick(counties, 'provincial');
  const n = (pct: number) => Math.round((counties.length * pct) / 100);
  share.slice(0, n(16)).forEach((c, i) =>
    events.push({
      region: c,
      title: 'provincial_nominated',
      on: i < n(6) ? '2016-12-20' : i < n(11) ? '2018-12-20' : '2019-12-20',
    }),
  );
  share.slice(0, n(9)).forEach((c, i) =>
    events.push({
      region: c,
      title: 'provincial_civilized',
      on: i < n(4) ? '2017-12-20' : i < n(7) ? '2018-12-20' : '2019-12-20',
    }),
  );
  return events;
}

export type DemoReport = { observations: number; titleEvents: number; asOf: string };

/** Replaces the demo data with a fresh set for `seed`. */
export async function generateDemo(
  db: Kysely<Database>,
  actor: Actor,
  options: { seed?: number; force?: boolean } = {},
): Promise<DemoReport> {
  const seed = options.seed ?? 2018;
  const real = await demoRepository.realObservations(db);
  if (real > 0 && !options.force) {
    throw conflict(
      `the database holds ${real} real (non-demo) observation(s); demo data is for demonstration databases only (use --force to add it anyway)`,
    );
  }
  const catalogue = await loadCatalogue(db);
  const regions = await demoRepository.regions(db);
  const members = await demoRepository.groupMembers(db, [
    'pilot-waste-sorting',
    'national-poverty-counties',
    'city-statistics-units',
    'county-domain-units',
  ]);
  const groupOf = (code: string) => new Set(members.filter((m) => m.group_code === code).map((m) => m.region_code));
  const rows = demoObservations(
    catalogue,
    regions,
    {
      pilots: groupOf('pilot-waste-sorting'),
      poverty: groupOf('national-poverty-counties'),
      cityUnits: groupOf('city-statistics-units'),
      countyDomain: groupOf('county-domain-units'),
    },
    seed,
  );
  const titles = demoTitleEvents(regions, seed);
  const prefectureOf = await demoRepository.prefectures(db);
  await db.transaction().execute(async (trx) => {
    await demoRepository.remove(trx, DEMO_TITLE_SOURCE);
    await recordObservations(trx, actor, rows, { audit: false });
    // When each demo figure became known, for timeliness: shortly after its period, or late.
    const knownAt = [...new Set(rows.map((r) => r.period))].map((period) => {
      const end = Date.parse(`${indicatorPeriodBounds(period).end}T12:00:00Z`);
      return { period, at: new Date(end + DEMO_ON_TIME_DAYS * 86_400_000) };
    });
    await demoRepository.stampKnownAt(trx, knownAt, DEMO_LATE_REPORTER, DEMO_LATE_DAYS - DEMO_ON_TIME_DAYS);
    await demoRepository.insertTitles(
      trx,
      DEMO_TITLE_SOURCE,
      titles.map((t) => ({
        region: t.region,
        prefecture: prefectureOf.get(t.region) ?? null,
        title: t.title,
        on: t.on,
      })),
    );
    await recordAudit(
      trx,
      { actor },
      {
        action: 'indicator.demo.generate',
        entityType: 'observation',
        entityId: 'demo',
        regionCode: actor.regionCode,
        after: { seed, observations: rows.length, titleEvents: titles.length },
      },
    );
    await emitEvent(trx, { name: 'demo-data.changed', payload: { action: 'generate' } });
  });
  return { observations: rows.length, titleEvents: titles.length, asOf: '2020-06-30' };
}

/** Deletes every demo observation and demo title event. */
export async function removeDemo(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ observations: number; titleEvents: number }> {
  return db.transaction().execute(async (trx) => {
    const report = await demoRepository.remove(trx, DEMO_TITLE_SOURCE);
    await recordAudit(
      trx,
      { actor },
      {
        action: 'indicator.demo.remove',
        entityType: 'observation',
        entityId: 'demo',
        regionCode: actor.regionCode,
        after: report,
      },
    );
    await emitEvent(trx, { name: 'demo-data.changed', payload: { action: 'remove' } });
    return report;
  });
}
