import path from 'node:path';

/** Runtime settings, all from the environment so that one build serves every deployment. */
export type Config = {
  port: number;
  host: string;
  /** Where PGlite keeps its files, uploads live and the lock file sits. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** Directory of the built web app; served at `/` when it exists. */
  webDist: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  login: { maxFailures: number; lockMinutes: number };
  bodyLimitBytes: number;
  /** Largest accepted attachment or photo. */
  uploadMaxBytes: number;
  /**
   * Where uploaded files are stored (storage/file-store.ts); unset means `dataDir/uploads`. With
   * several servers, a directory they all share.
   */
  uploadsDir: string | undefined;
  logLevel: string;
  /** Minutes between runs of the reminder and case jobs in `serve`; 0 turns them off. */
  jobsIntervalMinutes: number;
  /** Milliseconds between a server's looks for undelivered outbox events (it also looks after each write it answers). */
  outboxPollMs: number;
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

/** A configuration the process cannot start with; its message says what to fix. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 3000);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got ${port}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.CHUANGCHENG_DATA_DIR ?? path.join(repoRoot, 'data')),
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
    uploadsDir: env.CHUANGCHENG_UPLOADS_DIR ? path.resolve(env.CHUANGCHENG_UPLOADS_DIR) : undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    jobsIntervalMinutes: intFromEnv(env, 'CHUANGCHENG_JOBS_INTERVAL_MINUTES', 60),
    outboxPollMs: Math.max(100, intFromEnv(env, 'CHUANGCHENG_OUTBOX_POLL_MS', 1000)),
  };
}

/** The repository root, where `data/` holds the default data sets. */
export const REPO_ROOT = repoRoot;
