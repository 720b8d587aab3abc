import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { CaseList, IntakeResponse } from '@chuangcheng/core';
import { apiSession } from './support/api-session.ts';
import { databaseKinds, type RunningServer } from './support/server.ts';
import { openSuite, SCREENSHOTS, signIn, signOut } from './support/walk.ts';

const OFFICER = { username: 'ng-cgj-officer', password: 'officer-password-1' };
const INSPECTOR = { username: 'hrb-inspector', password: 'inspector-password-1' };
/** 哈尔滨市南岗区, inside the Harbin outline of data/geo/23.json. */
const NANGANG = { latitude: 45.757, longitude: 126.668, accuracy: 20 };
const DESCRIPTION = '西大直街公交站亭上贴满了办证小广告，已经有一个多星期。';

/** A small, real PNG (a screenshot of a page), as a phone's photo would be a real image. */
async function photo(page: Page, name: string) {
  await page.setContent(`<div style="width:160px;height:120px;background:linear-gradient(#c33,#36c)"></div>`);
  const buffer = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
  return { name, mimeType: 'image/png', buffer };
}

/** Picks a category in the open cascader by searching its name (steadier than walking the menus). */
async function pickCategory(page: Page, group: string, category: string) {
  await page.keyboard.type(category);
  await page
    .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: `${group} / ${category}` })
    .click();
}

/** Picks an option of an antd select by its text. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The open case drawer, once its status tag shows `status`. */
async function drawerAt(page: Page, status: string) {
  const drawer = page.getByTestId('case-drawer');
  await drawer.locator(`.ant-drawer-extra [data-status="${status}"]`).waitFor();
  return drawer;
}

/** Clicks an action in the drawer; `fill` completes the modal, which is then confirmed and awaited. */
async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  await page.getByTestId('case-action-ok').waitFor();
  await fill?.();
  await page.getByTestId('case-action-ok').click();
  await page.getByTestId('case-action-ok').waitFor({ state: 'hidden' });
}

/** Closes the case drawer and signs out. */
async function leave(page: Page) {
  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('case-drawer').waitFor({ state: 'hidden' });
  await signOut(page);
}

/** Follows an entry of the 问题案件 menu group, opening the group unless it is open already. */
async function navigate(page: Page, entry: string) {
  if (!(await page.getByTestId(entry).isVisible())) await page.getByTestId('nav-cases').click();
  await page.getByTestId(entry).click();
}

/** Opens a case queue and the case in it. */
async function openFromQueue(page: Page, entry: string, number: string) {
  await navigate(page, entry);
  await page.getByTestId(`case-open-${number}`).click();
}

describe.each(databaseKinds())('a resident reports an illegal poster, the city fixes it (%s)', (kind) => {
  let suite: Awaited<ReturnType<typeof openSuite>> | undefined;
  let server: RunningServer;
  let page: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let admin: Awaited<ReturnType<typeof apiSession>>;
  let number = '';
  let duplicate = '';

  beforeAll(async () => {
    suite = await openSuite(kind);
    ({ server, page } = suite);
    admin = await apiSession(server.url, 'admin', server.adminPassword);
    // The district's city management bureau (城市管理局), the default unit for posters in 南岗区.
    const unit = await admin.call<{ id: string }>('POST', '/api/v1/org-units', {
      code: 'hrb-ng-cgj',
      name: '南岗区城市管理局',
      kind: 'department',
      regionCode: '230103',
    });
    await admin.call('POST', '/api/v1/users', {
      username: OFFICER.username,
      displayName: '南岗区城管局办事员',
      password: OFFICER.password,
      role: 'unit_officer',
      regionCode: '230103',
      orgUnitId: unit.id,
    });
    await admin.call('POST', '/api/v1/users', {
      username: INSPECTOR.username,
      displayName: '哈尔滨市监督员',
      password: INSPECTOR.password,
      role: 'inspector',
      regionCode: '2301',
    });
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser behind the page');
    phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: NANGANG,
      permissions: ['geolocation'],
    });
    phone = await phoneContext.newPage();
  });

  // A failed step leaves both screens behind for a person to look at.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = `case-failed-${kind}-${Date.now()}`;
    await page?.screenshot({ path: path.join(SCREENSHOTS, `${name}-staff.png`), fullPage: true }).catch(() => {});
    await phone?.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true }).catch(() => {});
  });

  afterAll(async () => {
    await phoneContext?.close();
    await suite?.close();
  });

  it('on a phone, a resident reports a poster with a photo and gets a case number and deadline, once despite a retry', async () => {
    await phone.goto(`${server.url}/public`);
    await phone.getByTestId('public-report').click();
    await phone.getByTestId('report-category').click();
    await pickCategory(phone, '宣传广告', '广告乱贴');
    await phone.getByText('处置时限 1 个工作日').waitFor();
    await phone.getByTestId('report-description').fill(DESCRIPTION);
    await phone.getByTestId('report-photos-camera').setInputFiles(await photoOnSide(phone, 'poster.png'));
    await phone.getByTestId('report-photos').locator('[data-status="done"]').waitFor();

    await phone.getByTestId('report-locate').click();
    await phone.getByTestId('report-located').waitFor();
    await choose(phone, 'report-region-0', '哈尔滨市');
    await choose(phone, 'report-region-1', '南岗区');
    await choose(phone, 'report-region-2', '花园街道');
    await phone.getByTestId('report-address').fill('西大直街 92 号公交站');
    await phone.getByTestId('report-contact-phone').fill('13800000000');
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'case-report-phone.png'), fullPage: true });

    // The first answer is lost on the way back: the case exists, the phone does not know.
    let dropped = false;
    await phone.route('**/api/v1/public/cases', async (route) => {
      if (dropped || route.request().method() !== 'POST') return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await phone.getByTestId('report-submit').click();
    await phone.getByTestId('report-lost-answer').waitFor();
    await phone.getByTestId('report-submit').click();

    number = (await phone.getByTestId('report-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d{8,20}$/);
    expect(await phone.getByTestId('report-deadline').textContent()).toMatch(
      /^责任单位应于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前处置完毕$/,
    );
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'case-reported-phone.png'), fullPage: true });

    // The retry answered with the same case: there is exactly one.
    const found = await admin.call<CaseList>('GET', `/api/v1/cases?q=${encodeURIComponent('西大直街公交站亭')}`);
    expect(found.items.map((item) => item.number)).toEqual([number]);
    expect(found.items[0]?.regionName).toBe('花园街道');
    expect(found.items[0]?.categoryName).toBe('广告乱贴');
  });

  it('answers two submissions with one key with the same case number', async () => {
    const body = JSON.stringify({
      categoryCode: 'event-garbage',
      description: '花园街道某小区门口垃圾堆放三天无人清运。',
      regionCode: '230103001',
      address: '花园街 1 号',
    });
    const send = () =>
      fetch(`${server.url}/api/v1/public/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-double-tap-0001-aaaa' },
        body,
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const [a, b] = [(await first.json()) as IntakeResponse, (await second.json()) as IntakeResponse];
    expect(b.number).toBe(a.number);
    expect(b.replayed).toBe(true);
  });

  it('a second report of the same poster is suggested as a duplicate; the dispatcher merges it', async () => {
    await phone.goto(`${server.url}/report`);
    await phone.getByTestId('report-category').click();
    await pickCategory(phone, '宣传广告', '广告乱贴');
    await phone.getByTestId('report-locate').click();
    const similar = phone.getByTestId('report-similar');
    await similar.getByText(number).waitFor();
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'case-similar-phone.png'), fullPage: true });
    // The neighbour reports it anyway, from the point alone (the region comes from the map).
    await phone.getByTestId('report-description').fill('公交站亭小广告很多，影响市容。');
    await phone.getByTestId('report-photos-gallery').setInputFiles(await photoOnSide(phone, 'same-poster.png'));
    await phone.getByTestId('report-photos').locator('[data-status="done"]').waitFor();
    await phone.getByTestId('report-submit').click();
    duplicate = (await phone.getByTestId('report-number').textContent())?.trim() ?? '';
    expect(duplicate).not.toBe(number);

    await signIn(page, server, 'admin', server.adminPassword);
    await openFromQueue(page, 'nav-case-dispatch', duplicate);
    await drawerAt(page, 'submitted');
    await act(page, 'merge', async () => {
      await choose(page, 'case-merge-target', number);
    });
    const drawer = await drawerAt(page, 'duplicate');
    expect(await drawer.textContent()).toContain(`此问题已与案件 ${number} 合并办理`);
    await leave(page);

    await phone.goto(`${server.url}/track/${duplicate}`);
    await phone.getByText(`此问题已与案件 ${number} 合并办理`).waitFor();
  });

  it('the dispatcher accepts the case and dispatches it to the district unit', async () => {
    await signIn(page, server, 'admin', server.adminPassword);
    await openFromQueue(page, 'nav-case-dispatch', number);
    let drawer = await drawerAt(page, 'submitted');
    // The merged report's photo joined the survivor's.
    await expect(drawer.getByTestId('photos-before').locator('img').count()).resolves.toBe(2);
    // Staff may open the originals, kept as evidence; the public page offers only display versions.
    const original = drawer.getByTestId('photos-before').getByText('原图（证据）').first();
    const evidence = await fetch(`${server.url}${await original.getAttribute('href')}`);
    expect(evidence.status).toBe(401);
    expect(await drawer.textContent()).toContain('13800000000');
    await act(page, 'accept');
    drawer = await drawerAt(page, 'accepted');
    await act(page, 'dispatch', async () => {
      await page.locator('.ant-modal').getByText('按派遣规则默认为：南岗区城市管理局').waitFor();
    });
    drawer = await drawerAt(page, 'dispatched');
    expect(await drawer.textContent()).toContain('南岗区城市管理局');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-dispatched.png'), fullPage: true });
    await leave(page);
  });

  it('the unit starts, handles it with an after photo; the inspector sends it back once, then closes it', async () => {
    const handle = async (note: string) => {
      await act(page, 'handle', async () => {
        await page.getByTestId('case-action-note').fill(note);
        await page.getByTestId('case-action-photos-gallery').setInputFiles(await photoOnSide(page, 'after.png'));
        await page.getByTestId('case-action-photos').locator('[data-status="done"]').waitFor();
      });
      await drawerAt(page, 'handled');
    };

    await signIn(page, server, OFFICER.username, OFFICER.password);
    await navigate(page, 'nav-case-unit');
    const row = page.getByTestId('case-table').locator('tr', { hasText: number });
    await row.locator('[data-badge="onTime"], [data-badge="dueSoon"], [data-badge="overdue"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-unit-queue.png'), fullPage: true });
    // The unit was notified of the dispatch; the notification opens the case.
    await page.getByTestId('notifications').click();
    await page.getByTestId('notifications-list').locator('.ant-list-item', { hasText: number }).first().click();
    await drawerAt(page, 'dispatched');
    await act(page, 'start');
    let drawer = await drawerAt(page, 'handling');
    // The unit asks for one more working day; the dispatcher agrees and the deadline moves.
    const deadlineBefore = await drawer.locator('[data-badge] > span').first().textContent();
    await act(page, 'request_extension', async () => {
      await page.getByTestId('case-action-reason').fill('站亭广告层层叠贴，需专用清洗设备。');
    });
    await drawer.getByText('申请延期 1 工作日').waitFor();
    await leave(page);

    await signIn(page, server, 'admin', server.adminPassword);
    await openFromQueue(page, 'nav-case-all', number);
    drawer = await drawerAt(page, 'handling');
    await act(page, 'decide_extension');
    await drawer.getByTestId('case-timeline').getByText('同意延期').waitFor();
    const deadlineAfter = await drawer.locator('[data-badge] > span').first().textContent();
    expect(deadlineAfter! > deadlineBefore!).toBe(true);
    await leave(page);

    await signIn(page, server, OFFICER.username, OFFICER.password);
    await openFromQueue(page, 'nav-case-unit', number);
    await drawerAt(page, 'handling');
    await handle('已清除站亭上的小广告，并张贴“禁止乱贴”提示。');
    await leave(page);

    await signIn(page, server, INSPECTOR.username, INSPECTOR.password);
    await openFromQueue(page, 'nav-case-verify', number);
    await drawerAt(page, 'handled');
    await act(page, 'verify', async () => {
      await page.getByTestId('case-action-passed').getByText('未通过，返工').click();
      await page.getByTestId('case-action-note').fill('站亭背面仍有残留广告。');
    });
    drawer = await drawerAt(page, 'handling');
    await drawer.getByTestId('case-timeline').getByText('核查未通过，返工').waitFor();
    await leave(page);

    await signIn(page, server, OFFICER.username, OFFICER.password);
    await openFromQueue(page, 'nav-case-unit', number);
    await drawerAt(page, 'handling');
    await handle('站亭背面残留广告已清除干净。');
    await leave(page);

    await signIn(page, server, INSPECTOR.username, INSPECTOR.password);
    await openFromQueue(page, 'nav-case-verify', number);
    await drawerAt(page, 'handled');
    await act(page, 'verify');
    const closed = await drawerAt(page, 'closed');
    await expect(closed.getByTestId('photos-after').locator('img').count()).resolves.toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-closed.png'), fullPage: true });
    await leave(page);
  });

  it('the resident follows the case on the phone, sees before and after, and rates it', async () => {
    await phone.goto(`${server.url}/public`);
    await phone.getByTestId(`my-report-${number}`).click();
    await phone.getByTestId('track-card').locator('[data-status="closed"]').waitFor();
    await expect(phone.getByTestId('photos-before').locator('img').count()).resolves.toBe(2);
    await expect(phone.getByTestId('photos-after').locator('img').count()).resolves.toBe(2);
    const timeline = phone.getByTestId('track-timeline');
    await timeline.getByText('核查未通过，返工').waitFor();
    // The public page names no person and shows no contact.
    const text = (await phone.locator('body').textContent()) ?? '';
    expect(text).not.toContain('原图');
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('南岗区城管局办事员');
    expect(text).not.toContain('哈尔滨市监督员');

    await phone.getByTestId('rate-comment').fill('清理得很干净，谢谢！');
    await phone.getByTestId('rate-submit').click();
    await phone.getByTestId('track-rating').getByText('已解决').waitFor();
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'case-rated-phone.png'), fullPage: true });
    // The same page in English.
    await phone.getByTestId('language-switch').getByText('English').click();
    await phone.getByTestId('track-card').getByText('Deadline').waitFor();
    expect(await phone.getByTestId('track-card').locator('[data-status="closed"]').textContent()).toBe('Closed');
    await phone.getByTestId('track-rating').getByText('Fixed').waitFor();
    await phone.getByTestId('language-switch').getByText('中文').click();

    const found = await admin.call<CaseList>('GET', `/api/v1/cases?q=${number}`);
    expect(found.items[0]?.status).toBe('closed');
    expect(found.items[0]?.reworkCount).toBe(1);
  });
  it('statistics and the map count the cases by area, category and unit', async () => {
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-case-stats');
    const table = page.getByTestId('case-stats-table');
    const harbin = table.locator('tr', { hasText: '哈尔滨市' });
    await harbin.waitFor();
    // Three reports in 哈尔滨市, one merged: the poster is closed (after one rework), the garbage open.
    const cells = await harbin.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['哈尔滨市', '3', '2']);
    expect(cells[4]).toBe('1');
    expect(cells[7]).toBe('100.0%');
    await page.getByTestId('case-stats-chart').locator('svg').waitFor();
    await page.getByTestId('case-stats-group').getByText('按问题类型').click();
    await table.locator('tr', { hasText: '广告乱贴' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-stats.png'), fullPage: true });

    await navigate(page, 'nav-case-map');
    await page.getByTestId('case-map-chart').locator('svg').waitFor();
    await page.getByTestId('case-map').locator('tr', { hasText: '哈尔滨市' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-map.png'), fullPage: true });
    await signOut(page);
  });
  it('a hotline operator files a caller report in the workbench; the dispatcher rejects it with a reason', async () => {
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-case-all');
    await page.getByTestId('case-file').click();
    const modal = page.locator('.ant-modal', { has: page.getByTestId('intake-photos') });
    await modal.locator('.ant-cascader').first().click();
    await pickCategory(page, '街面秩序', '摊位乱摆');
    await modal.locator('textarea').first().fill('来电反映：花园街早市摊位占道，车辆无法通行。');
    await choose(page, 'report-region-0', '哈尔滨市');
    await choose(page, 'report-region-1', '南岗区');
    await modal.getByTestId('report-address').fill('花园街早市');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    const drawer = await drawerAt(page, 'submitted');
    expect(await drawer.textContent()).toContain('热线电话');
    await act(page, 'reject', async () => {
      await page.getByTestId('case-action-reason').fill('经核实为经批准的临时便民市场，不予立案。');
    });
    await drawerAt(page, 'rejected');
    expect(await drawer.textContent()).toContain('经批准的临时便民市场');
    await page.locator('.ant-drawer-close').click();

    // The province shortens the time limit of street stalls to three working hours.
    await navigate(page, 'nav-case-config');
    await page.getByRole('tab', { name: '分类与时限' }).click();
    await page.getByTestId('case-category-edit-event-stall').click();
    const edit = page.locator('.ant-modal:visible');
    await edit.locator('.ant-input-number-input').fill('3');
    await edit.locator('.ant-btn-primary').click();
    await edit.waitFor({ state: 'hidden' });
    await page.locator('tr', { hasText: '摊位乱摆' }).getByText('3 个工作时').waitFor();
    await signOut(page);
  });
});

/**
 * A photo made on a scratch page of the same browser, so that the page under test keeps its
 * state (the open drawer and modal).
 */
async function photoOnSide(page: Page, name: string) {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser behind the page');
  const scratch = await browser.newPage();
  try {
    return await photo(scratch, name);
  } finally {
    await scratch.close();
  }
}
