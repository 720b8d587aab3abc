import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { databaseKinds, startServer, type RunningServer } from './support/server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../.tmp/screenshots');

describe.each(databaseKinds())('the provincial office reads the action plan (%s)', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(kind);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the only plan directly from the navigation', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('nav-plans').click();
    await expect(page.getByTestId('plan-name').textContent()).resolves.toContain('黑龙江省创建文明城市三年行动计划');
    await expect(page.getByTestId('plan-header').textContent()).resolves.toContain('2018-01-01');
    // Every target on one table, the seed's 5–7 cities among them.
    await expect(page.getByTestId('plan-all-targets').textContent()).resolves.toContain('5–7 个');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-overview.png'), fullPage: true });
  });

  it('shows task 2.1 with its lead and participating units and the heating target', async () => {
    await page.getByTestId('plan-tab-tasks').click();
    await page.getByTestId('plan-tree').waitFor();
    await page.getByTestId('plan-task-2.1').click();
    const detail = page.getByTestId('plan-task-detail');
    await detail.getByText('推进城市基础设施建设').first().waitFor();
    await expect(detail.getByTestId('plan-task-lead').textContent()).resolves.toBe('省住建厅');
    const participating = await detail.getByTestId('plan-task-participating').textContent();
    expect(participating).toContain('省发改委');
    expect(participating).toContain('省财政厅');
    const targets = await detail.getByTestId('plan-task-targets').textContent();
    expect(targets).toContain('集中供热普及率');
    expect(targets).toContain('≥ 87%');
    expect(targets).toContain('全省');
    expect(page.url()).toContain('task=2.1');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-task.png'), fullPage: true });
  });

  it('shows the work requirements as structured settings', async () => {
    await page.getByTestId('plan-tab-work').click();
    const work = await page.getByTestId('plan-work').textContent();
    expect(work).toContain('联席会议');
    expect(work).toContain('联络员例会');
    expect(work).toContain('全国文明城市测评体系');
    await expect(page.getByTestId('plan-veto').textContent()).resolves.toContain('安全生产');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-work.png'), fullPage: true });
  });
});
