import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** Screenshots land here for a person to look at; the folder is ignored by git. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

/**
 * A real server on a new database and a browser page, as each browser test file needs them.
 * `env` adds settings for the server's first start, e.g. CHUANGCHENG_DEMO=1 for demo data.
 */
export async function openSuite(kind: 'pglite' | 'postgres', env: Record<string, string> = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer(kind, env);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
  return {
    server,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Signs in through the login form and waits for the shell. */
export async function signIn(page: Page, server: RunningServer, username: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}
