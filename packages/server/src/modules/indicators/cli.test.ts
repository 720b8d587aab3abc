import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts';
import { databaseUrl, testDbKind, withAdminDatabase } from '../../test/databases.ts';
import { systemActorOfRoot } from '../../bootstrap.ts';
import { templateWorkbook } from './excel.ts';

const run = (args: string[], env: Record<string, string>) => runCli(args, env);

const createdDatabases: string[] = [];

/**
 * A fresh, empty database for the CLI: its own PGlite data directory, or its own database on the
 * TEST_DATABASE_URL server when TEST_DB_KIND=postgres. `open` reads it between commands.
 */
async function freshDatabase(
  dir: string,
): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle> }> {
  if (testDbKind() === 'postgres') {
    const name = `cc_cli_ind_${crypto.randomBytes(4).toString('hex')}`;
    await withAdminDatabase((client) => client.query(`create database ${name}`));
    createdDatabases.push(name);
    const url = databaseUrl(name);
    return { env: { DATABASE_URL: url }, open: () => openDatabase({ kind: 'postgres', url, poolSize: 1 }) };
  }
  return {
    env: { CHUANGCHENG_DATA_DIR: dir },
    open: () => openDatabase({ kind: 'pglite', dataDir: dir }),
  };
}

afterAll(async () => {
  for (const name of createdDatabases) {
    await withAdminDatabase((client) => client.query(`drop database if exists ${name} with (force)`));
  }
});

/** One province, one prefecture city, two counties. */
const REGIONS = 'code,name,parent_code\n99,测试省,\n9901,测试市,99\n990102,甲区,9901\n990103,乙县,9901\n';

/** A small catalogue: one yearly county form with two elements and one percentage indicator. */
const CATALOGUE = `dataSets:
  - code: test-family-annual
    name: 文明家庭年报
    periodType: year
    regionLevel: 3
    elements:
      - code: households-total
        name: 家庭总数
        unit: 户
        aggregation: sum
        integer: true
      - code: test-civilized-families
        name: 参与创建文明家庭的家庭数
        unit: 户
        aggregation: sum
        integer: true
indicators:
  - code: test-family-participation
    name: 文明家庭创建参与率
    unit: '%'
    direction: higher_is_better
    aggregation: ratio
    numerator: test-civilized-families
    denominator: households-total
    factor: 100
`;

type Counts = { dataSets: number; indicators: number; demo: number; real: number; demoTitles: number };

async function counts(open: () => Promise<DatabaseHandle>): Promise<Counts> {
  const handle = await open();
  try {
    const { db } = handle;
    const one = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n);
    const n = sql<string>`count(*)`.as('n');
    return {
      dataSets: await one(db.selectFrom('indicator_data_set').select(n).executeTakeFirstOrThrow()),
      indicators: await one(db.selectFrom('indicator').select(n).executeTakeFirstOrThrow()),
      demo: await one(
        db.selectFrom('observation').select(n).where('source_kind', '=', 'demo').executeTakeFirstOrThrow(),
      ),
      real: await one(
        db.selectFrom('observation').select(n).where('source_kind', '<>', 'demo').executeTakeFirstOrThrow(),
      ),
      demoTitles: await one(
        db
          .selectFrom('region_title_event')
          .select(n)
          .where('source_id', '=', 'DEMO-演示数据')
          .executeTakeFirstOrThrow(),
      ),
    };
  } finally {
    await handle.close();
  }
}

async function demoValues(open: () => Promise<DatabaseHandle>): Promise<string[]> {
  const handle = await open();
  try {
    const rows = await handle.db
      .selectFrom('observation')
      .select(['data_element_code', 'region_code', 'period', 'value'])
      .where('source_kind', '=', 'demo')
      .execute();
    return rows.map((r) => `${r.data_element_code}|${r.region_code}|${r.period}|${Number(r.value)}`).sort();
  } finally {
    await handle.close();
  }
}

// Each command starts Node and opens a database: slow when the machine is busy.
describe('chuangcheng indicators import | demo', { timeout: 600_000 }, () => {
  it('imports a catalogue and a filled Excel template all or nothing, naming file:line:field or the cell of a problem', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ind-cli-'));
    const { env, open } = await freshDatabase(dir);
    const regions = path.join(dir, 'regions.csv');
    fs.writeFileSync(regions, REGIONS);
    expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);

    // An indicator over an unknown element and a link to a target no plan has: both named, nothing written.
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(
      broken,
      CATALOGUE.replace('numerator: test-civilized-families', 'numerator: no-such-element') +
        'targets:\n  - plan: no-plan\n    target: no-target\n    indicator: test-family-participation\n',
    );
    const refused = run(['indicators', 'import', broken], env);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('IMPORT_FAILED');
    expect(refused.stderr).toContain('broken.yaml:23:indicators[0].numerator');
    expect(refused.stderr).toContain("no data element 'no-such-element'");
    expect(await counts(open)).toMatchObject({ dataSets: 0, indicators: 0 });

    // A target link to a plan target that does not exist is refused the same way, by its line.
    const unlinked = path.join(dir, 'unlinked.yaml');
    fs.writeFileSync(
      unlinked,
      `${CATALOGUE}targets:\n  - plan: no-plan\n    target: no-target\n    indicator: test-family-participation\n`,
    );
    const noTarget = run(['indicators', 'import', unlinked], env);
    expect(noTarget.code, noTarget.stderr).toBe(1);
    expect(noTarget.stderr).toContain('unlinked.yaml:28:targets[0].target');
    expect(noTarget.stderr).toContain('plan no-plan has no target');
    expect(await counts(open)).toMatchObject({ dataSets: 0, indicators: 0 });

    // A unit reporting through a parent must be a known region (issue 16).
    const unknownUnit = path.join(dir, 'unknown-unit.yaml');
    fs.writeFileSync(unknownUnit, `reportingThroughParent:\n  - region: '239999'\n    note: 不存在\n${CATALOGUE}`);
    const noRegion = run(['indicators', 'import', unknownUnit], env);
    expect(noRegion.code, noRegion.stderr).toBe(1);
    expect(noRegion.stderr).toContain('unknown-unit.yaml:2:reportingThroughParent[0].region');
    expect(noRegion.stderr).toContain("no region '239999'");
    expect(await counts(open)).toMatchObject({ dataSets: 0, indicators: 0 });

    const good = path.join(dir, 'catalogue.yaml');
    fs.writeFileSync(good, CATALOGUE);
    const imported = run(['indicators', 'import', good, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ dataSets: 1, elements: 2, indicators: 1, targets: 0, retired: 0 });
    // Upsert by code: importing it again changes no counts.
    const again = run(['indicators', 'import', good], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('imported 1 data sets, 2 data elements, 1 indicators, 0 target links');
    expect(await counts(open)).toMatchObject({ dataSets: 1, indicators: 1 });

    // The data set's 2019 template for the province, filled in as a county clerk would.
    const handle = await open();
    let template: Buffer;
    try {
      const actor = await systemActorOfRoot(handle.db);
      template = (await templateWorkbook(handle.db, actor, 'test-family-annual', '99', '2019')).buffer;
    } finally {
      await handle.close();
    }
    const { default: ExcelJS } = await import('exceljs');
    const fill = async (file: string, rows: Record<number, (string | number)[]>) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('数据')!;
      expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
        'region',
        'name',
        'households-total',
        'test-civilized-families',
      ]);
      for (const [r, values] of Object.entries(rows)) {
        values.forEach((v, i) => (sheet.getCell(Number(r), 3 + i).value = v));
      }
      fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    };

    // An .xlsx without its data set is a usage error.
    const filled = path.join(dir, 'filled.xlsx');
    await fill(filled, { 5: [1000, 400], 6: [800, 200] });
    const noDataSet = run(['indicators', 'import', filled], env);
    expect(noDataSet.code).toBe(2);
    expect(noDataSet.stderr).toContain('an .xlsx import needs --data-set <code>');

    // A text in a number cell and more participating families than families: both named by cell, nothing saved.
    const badSheet = path.join(dir, 'bad.xlsx');
    await fill(badSheet, { 5: ['很多', 400], 6: [800, 900] });
    const refusedSheet = run(['indicators', 'import', badSheet, '--data-set', 'test-family-annual'], env);
    expect(refusedSheet.code, refusedSheet.stderr).toBe(1);
    expect(refusedSheet.stderr).toContain("row 5.households-total: C5: '很多' is not a number");
    expect(refusedSheet.stderr).toMatch(/row 6\.test-civilized-families: D6: /);
    expect(await counts(open)).toMatchObject({ real: 0 });

    const sheetImported = run(['indicators', 'import', filled, '--data-set', 'test-family-annual', '--json'], env);
    expect(sheetImported.code, sheetImported.stderr).toBe(0);
    expect(JSON.parse(sheetImported.stdout)).toEqual({
      dataSet: 'test-family-annual',
      period: '2019',
      regions: 2,
      values: 4,
    });
    // Saved as drafts (entries), not demo figures.
    expect(await counts(open)).toMatchObject({ real: 4, demo: 0 });

    // The chain of audit rows written by the successful imports holds.
    const verified = run(['audit', 'verify', '--json'], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes demo data, replaces it on a second run, refuses real data without --force, and removes only demo rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-demo-cli-'));
    const { env, open } = await freshDatabase(dir);
    const regions = path.join(dir, 'regions.csv');
    fs.writeFileSync(regions, REGIONS);
    expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);
    const catalogue = path.join(dir, 'catalogue.yaml');
    fs.writeFileSync(catalogue, CATALOGUE);
    expect(run(['indicators', 'import', catalogue], env).code).toBe(0);

    // Years 2016-2019 × two counties × two elements; one nominated and one awarded prefecture city.
    const first = run(['demo', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ observations: 16, titleEvents: 2, asOf: '2020-06-30' });
    expect(await counts(open)).toMatchObject({ demo: 16, real: 0, demoTitles: 2 });
    const seeded = await demoValues(open);

    // A second run replaces the demo data with the same set for the same seed.
    const second = run(['demo'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('demo data: 16 observations and 2 title events');
    expect(await counts(open)).toMatchObject({ demo: 16, real: 0, demoTitles: 2 });
    expect(await demoValues(open)).toEqual(seeded);
    // Another seed gives other figures; a seed that is not a whole number is a usage error.
    expect(run(['demo', '--seed', '7'], env).code).toBe(0);
    expect(await demoValues(open)).not.toEqual(seeded);
    const badSeed = run(['demo', '--seed', 'abc'], env);
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain("--seed must be a whole number, not 'abc'");

    // One real (entered) observation: demo refuses and leaves everything as it was.
    const handle = await open();
    try {
      await handle.db
        .insertInto('observation')
        .values({
          data_set_code: 'test-family-annual',
          data_element_code: 'households-total',
          region_code: '990102',
          prefecture_code: '9901',
          period: '2018',
          value: 123_456,
          source: 'form',
          updated_at: new Date(),
        })
        .execute();
    } finally {
      await handle.close();
    }
    const refused = run(['demo'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the database holds 1 real (non-demo) observation(s)');
    expect(refused.stderr).toContain('--force');
    expect(await counts(open)).toMatchObject({ demo: 16, real: 1, demoTitles: 2 });

    // --force adds the demo data anyway, next to the real figure.
    const forced = run(['demo', '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await counts(open)).toMatchObject({ demo: 16, real: 1, demoTitles: 2 });

    // --remove deletes the demo observations and title events, and nothing else.
    const removed = run(['demo', '--remove', '--json'], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ observations: 16, titleEvents: 2 });
    expect(await counts(open)).toEqual({ dataSets: 1, indicators: 1, demo: 0, real: 1, demoTitles: 0 });
    const real = await open();
    try {
      const row = await real.db
        .selectFrom('observation')
        .select(['value', 'source'])
        .where('source_kind', '<>', 'demo')
        .executeTakeFirstOrThrow();
      expect({ value: Number(row.value), source: row.source }).toEqual({ value: 123_456, source: 'form' });
    } finally {
      await real.close();
    }
    expect(run(['audit', 'verify'], env).code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
