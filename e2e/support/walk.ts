import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, walkDatabase, type DatabaseKind, type RunningServer } from './server.ts';
import { saveFailureEvidence } from './evidence.ts';

/** Screenshots of passing walks land here for a person to look at; the folder is ignored by git. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

/**
 * No step may wait for time, so a step waits at most this long for the state it needs. It is
 * generous because the machine may be loaded; a state that never comes fails the step.
 */
const STEP_TIMEOUT = 45_000;

/** What every test context is: a desktop in Chinese that asked for no motion (antd then animates nothing). */
const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1366, height: 850 },
  locale: 'zh-CN',
  reducedMotion: 'reduce',
};

export interface Walk {
  /** The database this walk runs on (one per walk; see walkDatabase). */
  readonly kind: DatabaseKind;
  readonly server: RunningServer;
  /** The current test's own page, in its own browser context. */
  readonly page: Page;
  /** One more context for the current test (e.g. a phone), closed with the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the hooks of one browser walk (a test file): one real server on a new database and
 * one browser for the file; for every test a new browser context and page (so one failure stays
 * one failure), and on failure the evidence (screenshot, HTML, server log) of every page the
 * test had open. `env` adds settings for the server's first start, e.g. CHUANGCHENG_DEMO=1.
 */
export function browserWalk(file: string, env: Record<string, string> = {}): Walk {
  const name = path.basename(file).replace(/\.test\.ts$/, '');
  const kind = walkDatabase(name);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let page: Page | undefined;

  const newContext = async (options: BrowserContextOptions = {}) => {
    if (!browser) throw new Error('the walk has no browser: its beforeAll failed');
    const context = await browser.newContext({ ...DESKTOP, ...options });
    context.setDefaultTimeout(STEP_TIMEOUT);
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(kind, env);
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    page = await (await newContext()).newPage();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && server) {
      const pages = contexts.flatMap((c) => c.pages());
      await saveFailureEvidence(`${name}-${kind}`, context.task.name, pages, server.output());
    }
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    kind,
    get server() {
      if (!server) throw new Error('the walk has no server: its beforeAll failed');
      return server;
    },
    get page() {
      if (!page) throw new Error('no page outside a test');
      return page;
    },
    newContext,
  };
}

/** Signs in through the login form: waits for the sign-in's answer, then for the shell. */
export async function signIn(page: Page, server: RunningServer, username: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByTestId('login-submit').click();
  const response = await answered;
  if (response.status() !== 200) throw new Error(`sign-in of ${username}: ${response.status()}`);
  await page.getByTestId('current-user').waitFor();
}

/** Signs out and waits for the sign-in form. */
export async function signOut(page: Page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

/**
 * Follows an entry of a menu group (测评管理, 问题案件), opening the group first unless the menu
 * says it is open: the group's state is read from the menu, never guessed from what is visible.
 */
export async function navigate(page: Page, group: string, entry: string) {
  const submenu = page.locator('li.ant-menu-submenu', { has: page.getByTestId(group) });
  await submenu.waitFor();
  const open = (await submenu.getAttribute('class'))?.includes('ant-menu-submenu-open');
  if (!open) await page.getByTestId(group).click();
  await page.getByTestId(entry).click();
}
