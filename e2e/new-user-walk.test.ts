import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAnswer, confirmModal, openModalBy, pickOption } from './support/antd.ts';
import { browserWalk, SCREENSHOTS, signIn, signOut } from './support/walk.ts';

const walk = browserWalk(import.meta.filename);
const DAQING_ADMIN = { username: 'daqing-admin', password: 'Daqing-Office-2019!' };

describe(`a new user walks the foundation (${walk.kind})`, () => {
  it('refuses a wrong password on the sign-in page', async () => {
    const { page, server } = walk;
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
  });

  it('signs in as the first administrator and finds 哈尔滨 and its districts', async () => {
    const { page, server, kind } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('黑龙江省');
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-search').fill('哈尔滨');
    await page.getByTestId('region-search').press('Enter');
    await page.getByTestId('region-search-results').getByText('哈尔滨市', { exact: true }).first().click();
    const children = page.getByTestId('region-children');
    await children.getByText('道里区').waitFor();
    await expect(children.textContent()).resolves.toContain('南岗区');
    // The census figure is shown, formatted; a district without one says so instead of 0.
    await page.getByTestId('region-detail').getByText('10,009,854').waitFor();
    await expect(children.textContent()).resolves.toContain('暂无数据');
    // At 1440 px the page does not scroll sideways, the table stays inside its card, and no
    // heading breaks mid-word (人口 / 年份 on two lines).
    await page.setViewportSize({ width: 1440, height: 900 });
    const layout = await page.evaluate<{ pageOverflow: number; cardOverflow: number; wrapped: string[] }>(`(() => {
      const card = document.querySelector('[data-testid="region-detail"]');
      const headings = [...document.querySelectorAll('[data-testid="region-children"] th')];
      const lineHeight = parseFloat(getComputedStyle(headings[0]).lineHeight) || 22;
      return {
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        cardOverflow: card.scrollWidth - card.clientWidth,
        wrapped: headings
          .filter((th) => th.getBoundingClientRect().height > lineHeight * 2.5)
          .map((th) => th.textContent),
      };
    })()`);
    expect(layout).toEqual({ pageOverflow: 0, cardOverflow: 0, wrapped: [] });
    await page.screenshot({ path: path.join(SCREENSHOTS, `regions-${kind}.png`), fullPage: true });
  });

  it('creates a city administrator for 大庆', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-users').click();
    await openModalBy(page, page.getByTestId('user-create'));
    await page.getByTestId('user-username').fill(DAQING_ADMIN.username);
    await page.getByTestId('user-display-name').fill('大庆市创城办管理员');
    await page.getByTestId('user-password').fill(DAQING_ADMIN.password);
    await pickOption(page, 'user-role', /^市级管理员$/);
    await pickOption(page, 'user-region', '大庆市 · ', { search: '大庆', remote: true });
    await confirmModal(page);
    await page.getByTestId('user-table').getByText(DAQING_ADMIN.username).waitFor();
  });

  it('signs in as the 大庆 administrator, who cannot see 哈尔滨', async () => {
    const { page, server } = walk;
    await signIn(page, server, DAQING_ADMIN.username, DAQING_ADMIN.password);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('大庆市');
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-tree').getByText('大庆市').first().waitFor();
    await expect(page.getByTestId('region-tree').textContent()).resolves.not.toContain('哈尔滨');
    await page.getByTestId('region-search').fill('道里');
    const searched = page.waitForResponse(apiAnswer('GET', '/api/v1/regions/search'));
    await page.getByTestId('region-search').press('Enter');
    await searched;
    await page.getByTestId('region-search-results').waitFor();
    await expect(page.getByTestId('region-search-results').textContent()).resolves.not.toContain('道里区');
    // The API behind the page refuses 哈尔滨's records outright.
    const status = await page.evaluate(async () => (await fetch('/api/v1/regions/2301')).status);
    expect(status).toBe(403);
    expect(await page.getByTestId('nav-users').count()).toBe(1);
    await signOut(page);
  });

  it('shows every one of those changes in the audit trail', async () => {
    const { page, server, kind } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    // Actions read as words (新建用户, 登录), the code stays on the tag for whoever needs it.
    await table.locator('[data-action="user.create"]').getByText('新建用户').first().waitFor();
    const text = await table.textContent();
    expect(text).toContain('daqing-admin');
    expect(text).toContain('登录');
    expect(text).not.toContain('session.create');
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-result').getByText(/完整/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `audit-${kind}.png`), fullPage: true });
  });
});
