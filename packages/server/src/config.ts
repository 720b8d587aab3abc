import fs from 'node:fs';
import path from 'node:path';

/** Runtime settings, all from the environment so that one build serves every deployment. */
export type Config = {
  port: number;
  host: string;
  /** Where PGlite keeps its files, uploads live and the lock file sits. */
  dataDir: string;
  /** Set when the data directory is the one of an older installation, with how to move it. */
  dataDirNotice: string | undefined;
  /** When set, PostgreSQL is used instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** Directory of the built web app; served at `/` when it exists. */
  webDist: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  login: { maxFailures: number; lockMinutes: number };
  bodyLimitBytes: number;
  /** Largest accepted attachment; uploads are stored under `dataDir/uploads`. */
  uploadMaxBytes: number;
  logLevel: string;
  /** Minutes between runs of the reminder job in `serve`; 0 turns it off. */
  jobsIntervalMinutes: number;
};

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/**
 * The default data directory, `.data/` (ignored by git), apart from `data/`, which holds the
 * shipped data sets. An installation from before kept its database in `data/pgdata`; it goes on
 * using `data/` (never a second, empty database) until someone moves it, and is told how.
 */
function defaultDataDir(): { dataDir: string; dataDirNotice: string | undefined } {
  const dataDir = path.join(repoRoot, '.data');
  const old = path.join(repoRoot, 'data');
  if (fs.existsSync(dataDir) || !fs.existsSync(path.join(old, 'pgdata'))) return { dataDir, dataDirNotice: undefined };
  return {
    dataDir: old,
    dataDirNotice:
      `the database is in ${old}/pgdata, beside the shipped data sets; the default is now ${dataDir}. ` +
      `Stop the server, run \`mkdir -p .data && mv data/pgdata .data/ && (mv data/uploads .data/ 2>/dev/null || true)\` ` +
      `in ${repoRoot}, and start again (or set CHUANGCHENG_DATA_DIR=${old} to keep it where it is).`,
  };
}

/** A configuration the process cannot start with; its message says what to fix. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 3000);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got ${port}`);
  const data = env.CHUANGCHENG_DATA_DIR
    ? { dataDir: path.resolve(env.CHUANGCHENG_DATA_DIR), dataDirNotice: undefined }
    : defaultDataDir();
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    ...data,
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.CHUANGCHENG_ADMIN_PASSWORD || undefined,
    webDist: path.resolve(env.CHUANGCHENG_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    sessionTtlHours: intFromEnv(env, 'CHUANGCHENG_SESSION_HOURS', 12),
    cookieSecure: env.CHUANGCHENG_COOKIE_SECURE === 'true',
    login: {
      maxFailures: intFromEnv(env, 'CHUANGCHENG_LOGIN_MAX_FAILURES', 5),
      lockMinutes: intFromEnv(env, 'CHUANGCHENG_LOGIN_LOCK_MINUTES', 15),
    },
    bodyLimitBytes: intFromEnv(env, 'CHUANGCHENG_BODY_LIMIT', 1024 * 1024),
    uploadMaxBytes: intFromEnv(env, 'CHUANGCHENG_UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
    jobsIntervalMinutes: intFromEnv(env, 'CHUANGCHENG_JOBS_INTERVAL_MINUTES', 60),
  };
}

/** The repository root, where `data/` holds the default data sets. */
export const REPO_ROOT = repoRoot;
