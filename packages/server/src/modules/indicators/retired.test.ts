import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueView, EntryView, IndicatorSeries, IndicatorView } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';
import { systemActor } from '../auth/actor.ts';
import { importCatalogueFile } from './catalogue.ts';
import { recordObservations } from './observations.ts';

// Issue 16: a catalogue re-import that no longer lists a data element does not delete it. The
// element (and the indicator computed from it) is kept, marked retired, with its observations and
// series readable; forms stop asking for it; listing it again brings it back.

const SEED_CATALOGUE = path.resolve(import.meta.dirname, '../../../../../data/indicators/heilongjiang.yaml');
const SET = 'urban-environment-quarterly';
const DROPPED = ['county-town-sewage-treated', 'county-town-sewage-discharged'];
const INDICATOR = 'county-town-sewage-treatment-rate';
const actor = systemActor('23', '23');

const ctx = fileTestContext();

beforeAll(async () => {
  await ctx.db.transaction().execute((trx) =>
    recordObservations(trx, actor, [
      { element: DROPPED[0]!, regionCode: '230123', period: '2019Q4', value: 80, source: 'demo' },
      { element: DROPPED[1]!, regionCode: '230123', period: '2019Q4', value: 100, source: 'demo' },
    ]),
  );
});

/** The seed catalogue without the county-town sewage elements and their indicator. */
function withoutCountyTownSewage(): string {
  const doc = parseYaml(fs.readFileSync(SEED_CATALOGUE, 'utf8')) as {
    dataSets: { code: string; elements: { code: string }[] }[];
    indicators: { code: string }[];
  };
  const set = doc.dataSets.find((s) => s.code === SET)!;
  set.elements = set.elements.filter((e) => !DROPPED.includes(e.code));
  doc.indicators = doc.indicators.filter((i) => i.code !== INDICATOR);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-retire-')), 'catalogue.yaml');
  fs.writeFileSync(file, stringifyYaml(doc));
  return file;
}

const catalogue = async () => (await ctx.admin.get('/api/v1/indicators/catalogue')).json() as CatalogueView;

describe('retired data elements', () => {
  it('keeps and marks what a re-import no longer lists; its history stays readable; listing it again restores it', async () => {
    const report = await importCatalogueFile(ctx.db, actor, withoutCountyTownSewage());
    // Two elements and the indicator computed from them.
    expect(report.retired).toBe(3);

    const set = (await catalogue()).dataSets.find((s) => s.code === SET)!;
    expect(set.elements.map((e) => e.code)).not.toContain(DROPPED[0]);
    expect(set.retiredElements.map((e) => e.code).sort()).toEqual([...DROPPED].sort());
    expect(set.retiredElements[0]!.retiredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await catalogue()).indicators.map((i) => i.code)).not.toContain(INDICATOR);

    // The rows are still there and the series still reads them.
    const rows = await ctx.db
      .selectFrom('observation')
      .select('value')
      .where('data_element_code', 'in', DROPPED)
      .execute();
    expect(rows).toHaveLength(2);
    const indicator = (await ctx.admin.get(`/api/v1/indicators/${INDICATOR}`)).json() as IndicatorView;
    expect(indicator.retiredAt).not.toBeNull();
    const series = (
      await ctx.admin.get(`/api/v1/indicators/${INDICATOR}/series?region=230123`)
    ).json() as IndicatorSeries;
    expect(series.regions[0]!.points.find((p) => p.period === '2019Q4')?.value).toBeCloseTo(80);

    // The form no longer asks for it.
    const entry = (await ctx.admin.get(`/api/v1/data-sets/${SET}/entries/230123/2020Q1`)).json() as EntryView;
    expect(entry.values.map((v) => v.element)).not.toContain(DROPPED[0]);

    // Listed again: in use again, nothing retired.
    expect((await importCatalogueFile(ctx.db, actor, SEED_CATALOGUE)).retired).toBe(0);
    const back = (await catalogue()).dataSets.find((s) => s.code === SET)!;
    expect(back.retiredElements).toEqual([]);
    expect(back.elements.map((e) => e.code)).toContain(DROPPED[0]);
    expect(((await ctx.admin.get(`/api/v1/indicators/${INDICATOR}`)).json() as IndicatorView).retiredAt).toBeNull();
  });
});
