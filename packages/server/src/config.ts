import fs from 'node:fs';
import net from 'node:net';
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
  /** A session unused for this long ends, whatever its absolute lifetime left. */
  sessionIdleMinutes: number;
  /** Always mark the session cookie `Secure`; it is also marked whenever a request came over HTTPS. */
  cookieSecure: boolean;
  /**
   * Sign-in failures counted per (account, source address): after `maxFailures` the pair waits
   * `lockMinutes`, doubling with each further failure up to a day.
   */
  login: { maxFailures: number; lockMinutes: number };
  /** Addresses or CIDRs of reverse proxies whose X-Forwarded-* headers are believed; empty: none. */
  trustProxy: string[];
  /** Bearer token that opens `/metrics` on the main port; without it `/metrics` is not served there. */
  metricsToken: string | undefined;
  /** `host:port` of a separate listener serving only `/metrics` (e.g. 127.0.0.1:9464). */
  metricsAddress: { host: string; port: number } | undefined;
  /** Keys for personal data (base64 or hex, 32 bytes, newest first); else `dataDir/personal-data.key`. */
  personalDataKeys: string | undefined;
  bodyLimitBytes: number;
  /** Largest accepted attachment or photo. */
  uploadMaxBytes: number;
  /**
   * Where uploaded files are stored (storage/file-store.ts); unset means `dataDir/uploads`. With
   * several servers, a directory they all share.
   */
  uploadsDir: string | undefined;
  /** An S3-compatible object store for uploaded files (storage/file-store.ts); else the uploads directory. */
  s3: S3Config | undefined;
  logLevel: string;
  /** The data set manifest's name (data/datasets/<name>.yaml), loaded on first start. */
  dataset: string;
  /** Minutes between runs of the reminder and case jobs in `serve`; 0 turns them off. */
  jobsIntervalMinutes: number;
  /** Milliseconds between a server's looks for undelivered outbox events (it also looks after each write it answers). */
  outboxPollMs: number;
  /** Ed25519 private key (PEM, or PEM in base64) signing audit checkpoints; default: a key file in dataDir. */
  auditKey: string | undefined;
  /** shared_buffers of the embedded database (CHUANGCHENG_PGLITE_SHARED_BUFFERS, default 32MB). */
  pgliteSharedBuffers: string;
  /**
   * The Chinese font PDFs are set in, `path` or `path#PostScriptName` for a collection
   * (CHUANGCHENG_PDF_FONT); unset: Debian's fonts-noto-cjk (decision 0140).
   */
  pdfFont: string | undefined;
  /** An HTTP SMS gateway reminders are texted through (decision 0143); unset: the console sender. */
  smsGatewayUrl: string | undefined;
  /** Bearer token for the SMS gateway. */
  smsGatewayToken: string | undefined;
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

function listFromEnv(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export type S3Config = {
  endPoint: string;
  port: number;
  useSSL: boolean;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
};

/**
 * CHUANGCHENG_S3_URL (http(s)://host[:port]) with CHUANGCHENG_S3_BUCKET, CHUANGCHENG_S3_ACCESS_KEY and
 * CHUANGCHENG_S3_SECRET_KEY (CHUANGCHENG_S3_REGION, default us-east-1) put uploaded files in an
 * S3-compatible store; without CHUANGCHENG_S3_URL they stay in the uploads directory.
 */
function s3FromEnv(env: NodeJS.ProcessEnv): S3Config | undefined {
  const raw = env.CHUANGCHENG_S3_URL;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`CHUANGCHENG_S3_URL must be a URL like https://s3.example.com, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`CHUANGCHENG_S3_URL must start with http:// or https://, got "${raw}"`);
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new ConfigError(`${name} must be set when CHUANGCHENG_S3_URL is`);
    return value;
  };
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    bucket: required('CHUANGCHENG_S3_BUCKET'),
    region: env.CHUANGCHENG_S3_REGION || 'us-east-1',
    accessKey: required('CHUANGCHENG_S3_ACCESS_KEY'),
    secretKey: required('CHUANGCHENG_S3_SECRET_KEY'),
  };
}

function addressFromEnv(env: NodeJS.ProcessEnv, name: string): { host: string; port: number } | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(raw);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) throw new ConfigError(`${name} must be host:port, got "${raw}"`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

// proxy-addr's names for whole ranges, accepted besides addresses and CIDRs.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxies(env: NodeJS.ProcessEnv): string[] {
  const items = listFromEnv(env, 'CHUANGCHENG_TRUST_PROXY');
  for (const item of items) {
    const [address = '', bits, ...rest] = item.split('/');
    const validBits =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (net.isIPv6(address) ? 128 : 32));
    if (!PROXY_RANGE_NAMES.has(item) && (!net.isIP(address) || !validBits || rest.length > 0)) {
      throw new ConfigError(`CHUANGCHENG_TRUST_PROXY must list proxy addresses or CIDRs (or loopback), got "${item}"`);
    }
  }
  return items;
}

/**
 * The default data directory, `.data/` (ignored by git), apart from `data/`, which holds the
 * shipped data sets. An installation from before kept its database in `data/pgdata`; it goes on
 * using `data/` (never a second, empty database) until someone moves it, and is told how.
 */
/** CHUANGCHENG_PGLITE_SHARED_BUFFERS: PostgreSQL's shared_buffers for the embedded database (default 32MB). */
function sharedBuffersFromEnv(env: NodeJS.ProcessEnv): string {
  const value = env.CHUANGCHENG_PGLITE_SHARED_BUFFERS?.trim() || '32MB';
  if (!/^[1-9][0-9]*(kB|MB|GB)$/.test(value)) {
    throw new ConfigError(`CHUANGCHENG_PGLITE_SHARED_BUFFERS must be a size like 32MB, got "${value}"`);
  }
  return value;
}

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
    sessionIdleMinutes: intFromEnv(env, 'CHUANGCHENG_SESSION_IDLE_MINUTES', 60),
    cookieSecure: env.CHUANGCHENG_COOKIE_SECURE === 'true',
    login: {
      maxFailures: intFromEnv(env, 'CHUANGCHENG_LOGIN_MAX_FAILURES', 5),
      lockMinutes: intFromEnv(env, 'CHUANGCHENG_LOGIN_LOCK_MINUTES', 15),
    },
    trustProxy: trustedProxies(env),
    metricsToken: env.CHUANGCHENG_METRICS_TOKEN || undefined,
    metricsAddress: addressFromEnv(env, 'CHUANGCHENG_METRICS_ADDRESS'),
    personalDataKeys: env.CHUANGCHENG_PERSONAL_DATA_KEY || undefined,
    bodyLimitBytes: intFromEnv(env, 'CHUANGCHENG_BODY_LIMIT', 1024 * 1024),
    uploadMaxBytes: intFromEnv(env, 'CHUANGCHENG_UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    uploadsDir: env.CHUANGCHENG_UPLOADS_DIR ? path.resolve(env.CHUANGCHENG_UPLOADS_DIR) : undefined,
    s3: s3FromEnv(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataset: env.CHUANGCHENG_DATASET ?? 'heilongjiang',
    jobsIntervalMinutes: intFromEnv(env, 'CHUANGCHENG_JOBS_INTERVAL_MINUTES', 60),
    outboxPollMs: Math.max(100, intFromEnv(env, 'CHUANGCHENG_OUTBOX_POLL_MS', 1000)),
    auditKey: env.CHUANGCHENG_AUDIT_KEY || undefined,
    pgliteSharedBuffers: sharedBuffersFromEnv(env),
    pdfFont: env.CHUANGCHENG_PDF_FONT || undefined,
    smsGatewayUrl: env.CHUANGCHENG_SMS_GATEWAY_URL || undefined,
    smsGatewayToken: env.CHUANGCHENG_SMS_GATEWAY_TOKEN || undefined,
  };
}

/** The repository root, where `data/` holds the default data sets. */
export const REPO_ROOT = repoRoot;
