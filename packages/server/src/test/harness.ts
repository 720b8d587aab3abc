import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Role } from '@chuangcheng/core';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { userRepository } from '../modules/users/repository.ts';
import { databaseUrl, TEST_ADMIN_PASSWORD, testDbKind, testFileDbName, withAdminDatabase } from './databases.ts';

type InjectResponse = Awaited<ReturnType<Awaited<ReturnType<typeof buildApp>>['inject']>>;

/** A signed-in client: sends the session cookie, and the CSRF token on writes. */
export type Agent = {
  get: (url: string) => Promise<InjectResponse>;
  post: (url: string, body?: unknown) => Promise<InjectResponse>;
  put: (url: string, body?: unknown) => Promise<InjectResponse>;
  patch: (url: string, body?: unknown) => Promise<InjectResponse>;
  delete: (url: string) => Promise<InjectResponse>;
  cookie: string;
  csrfToken: string;
};

export type TestContext = {
  app: Awaited<ReturnType<typeof buildApp>>;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  config: Config;
  /** Signed in as the first administrator (province scope). */
  admin: Agent;
  loginAs: (username: string, password: string) => Promise<Agent>;
  /** A second app on the same database (its own pool on PostgreSQL), as a second server; closed with the context. */
  secondApp: () => Promise<TestContext['app']>;
  close: () => Promise<void>;
};

/** Opens a fresh copy of the bootstrapped test database (see global-setup.ts). */
async function openTestDatabase(): Promise<{
  handle: DatabaseHandle;
  drop: () => Promise<void>;
  /** Another connection pool to the same database, as a second server would hold (PGlite: the same handle). */
  reopen: () => Promise<{ handle: DatabaseHandle; close: () => Promise<void> }>;
}> {
  if (testDbKind() === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([dump]) });
    return { handle, drop: async () => undefined, reopen: async () => ({ handle, close: async () => undefined }) };
  }
  const name = testFileDbName(inject('pgTemplate'), crypto.randomBytes(6).toString('hex'));
  await withAdminDatabase((c) => c.query(`create database ${name} template ${inject('pgTemplate')}`));
  const open = () => openDatabase({ kind: 'postgres', url: databaseUrl(name), poolSize: 4 });
  const handle = await open();
  return {
    handle,
    drop: () => withAdminDatabase((c) => c.query(`drop database if exists ${name}`)).then(() => undefined),
    reopen: async () => {
      const second = await open();
      return { handle: second, close: () => second.close() };
    },
  };
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { handle, drop, reopen } = await openTestDatabase();
  const extra: { close: () => Promise<void> }[] = [];
  // A fixed key: tests must not create a key file in the repository's data directory.
  const config = { ...loadConfig({}), webDist: '/nonexistent', personalDataKeys: TEST_PERSONAL_DATA_KEY, ...overrides };
  const app = await buildApp({ config, database: handle, logger: false });
  await app.ready();

  async function loginAs(username: string, password: string): Promise<Agent> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
    const session = res.cookies.find((c) => c.name === 'cc_session');
    const cookie = `cc_session=${session!.value}`;
    const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body),
      put: (url, body) => send('PUT', url, body),
      patch: (url, body) => send('PATCH', url, body),
      delete: (url) => send('DELETE', url),
      cookie,
      csrfToken,
    };
  }

  const admin = await loginAs('admin', TEST_ADMIN_PASSWORD);
  return {
    app,
    database: handle,
    db: handle.db,
    config,
    admin,
    loginAs,
    secondApp: async () => {
      const second = await reopen();
      const other = await buildApp({ config, database: second.handle, logger: false });
      await other.ready();
      extra.push({ close: () => other.close() }, second);
      return other;
    },
    close: async () => {
      for (const item of extra.reverse()) await item.close();
      await app.close();
      await handle.close();
      await drop();
    },
  };
}

/**
 * The context a test file's tests share: opened before them (the file's first beforeAll) and closed
 * after them. The object stands for that context; reading it before it is open throws, so it is read
 * in hooks and tests only.
 */
export function fileTestContext(overrides: Partial<Config> = {}): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await createTestContext(overrides);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestContext, {
    get(_, key) {
      if (!current) throw new Error('the file test context opens in beforeAll: read it in a hook or a test');
      return current[key as keyof TestContext];
    },
  });
}

/** The personal-data key of every test app (32 bytes, hex). */
export const TEST_PERSONAL_DATA_KEY = '7e'.repeat(32);

let userCounter = 0;

/** Creates an account directly in the database and signs it in. */
export async function buildUser(
  ctx: TestContext,
  options: { role: Role; regionCode: string; orgUnitId?: string | null; username?: string; password?: string },
) {
  userCounter++;
  const username = options.username ?? `${options.role.replaceAll('_', '-')}-${process.pid}-${userCounter}`;
  const password = options.password ?? `password-${crypto.randomBytes(6).toString('hex')}`;
  const id = crypto.randomUUID();
  await userRepository.insert(ctx.db, {
    id,
    username,
    displayName: username,
    passwordHash: await hashPassword(password),
    role: options.role,
    regionCode: options.regionCode,
    orgUnitId: options.orgUnitId ?? null,
  });
  const agent = await ctx.loginAs(username, password);
  return { id, username, password, agent };
}

/** Creates an account of a role over a region (and unit, if given) and returns its signed-in agent. */
export async function buildAgent(ctx: TestContext, role: Role, regionCode: string, orgUnitId?: string): Promise<Agent> {
  return (await buildUser(ctx, { role, regionCode, orgUnitId })).agent;
}
