import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { CaseList, CaseStats, IntakeResponse } from '@chuangcheng/core';
import { apiSession } from './support/api-session.ts';
import {
  apiAnswer,
  closeDrawer,
  confirmModal,
  openModal,
  openModalBy,
  pickCascade,
  pickOption,
} from './support/antd.ts';
import { browserWalk, navigate, SCREENSHOTS, signIn, signOut } from './support/walk.ts';

const walk = browserWalk(import.meta.filename);
const OFFICER = { username: 'ng-cgj-officer', password: 'Nangang-Officer-2019!' };
const INSPECTOR = { username: 'hrb-inspector', password: 'Harbin-Inspector-2019!' };
/** 哈尔滨市南岗区, inside the Harbin outline of data/geo/23.json. */
const NANGANG = { latitude: 45.757, longitude: 126.668, accuracy: 20 };
const DESCRIPTION = '西大直街公交站亭上贴满了办证小广告，已经有一个多星期。';

/** A small, real PNG (a screenshot of a page), as a phone's photo would be a real image. */
async function photo(page: Page, name: string) {
  await page.setContent(`<div style="width:160px;height:120px;background:linear-gradient(#c33,#36c)"></div>`);
  const buffer = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
  return { name, mimeType: 'image/png', buffer };
}

/** Whether the sticky submit bar is what the phone shows at the bar's place (not a field through it). */
async function submitBarOnTop(phone: Page): Promise<boolean> {
  return phone.getByTestId('report-submit').evaluate((button) => {
    const bar = button.parentElement!;
    const box = bar.getBoundingClientRect();
    const points = [0.1, 0.5, 0.9].map((x) => [box.left + box.width * x, box.top + 2] as const);
    return points.every(([x, y]) => bar.contains(bar.ownerDocument.elementFromPoint(x, y)));
  });
}

/** The open case drawer, once its status tag shows `status`. */
async function drawerAt(page: Page, status: string) {
  const drawer = page.getByTestId('case-drawer');
  await drawer.locator(`.ant-drawer-extra [data-status="${status}"]`).waitFor();
  return drawer;
}

/** The resident's phone: a small touch screen that shares its position. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  geolocation: NANGANG,
  permissions: ['geolocation'],
};

/**
 * Clicks an action in the drawer; `fill` completes its dialog, which is then confirmed: returns
 * once the server answered the action and the dialog is gone.
 */
async function act(page: Page, action: string, fill?: () => Promise<void>) {
  const modal = await openModalBy(page, page.getByTestId(`case-action-${action}`));
  await page.getByTestId('case-action-ok').waitFor();
  await fill?.();
  const answered = page.waitForResponse(apiAnswer('POST', /^\/api\/v1\/cases\/[^/]+\/actions$/));
  await page.getByTestId('case-action-ok').click();
  const answer = await answered;
  if (!answer.ok()) throw new Error(`case action ${action}: ${answer.status()} ${await answer.text()}`);
  await modal.waitFor({ state: 'hidden' });
}

/** Closes the case drawer and signs out. */
async function leave(page: Page) {
  await closeDrawer(page, page.getByTestId('case-drawer'));
  await signOut(page);
}

/** Opens a case queue and the case in it. */
async function openFromQueue(page: Page, entry: string, number: string) {
  await navigate(page, 'nav-cases', entry);
  await page.getByTestId(`case-open-${number}`).click();
}

describe(`a resident reports an illegal poster, the city fixes it (${walk.kind})`, () => {
  let admin: Awaited<ReturnType<typeof apiSession>>;
  let number = '';
  let duplicate = '';
  /** What the resident's phone remembers (their reports) from one test to the next. */
  let phoneState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  /** The resident's phone, with what it remembered at the end of the last test that used it. */
  const openPhone = async () => (await walk.newContext({ ...PHONE, storageState: phoneState })).newPage();
  const keepPhone = async (phone: Page) => {
    phoneState = await phone.context().storageState();
  };

  beforeAll(async () => {
    const { server } = walk;
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
  });

  it('on a phone, a resident reports a poster with a photo and gets a case number and deadline, once despite a retry', async () => {
    const { server } = walk;
    const phone = await openPhone();
    await phone.goto(`${server.url}/public`);
    // The page says whose it is (data/public/heilongjiang.yaml): office, hotline, privacy statement.
    const footer = phone.getByTestId('public-footer');
    await footer.getByTestId('public-hotline').filter({ hasText: '12345' }).waitFor();
    expect(await footer.textContent()).toContain('主办：黑龙江省精神文明建设委员会办公室');
    await expect.poll(() => phone.title()).toBe('首页 · 创城随手拍 · 黑龙江省精神文明建设委员会办公室');
    await footer.getByTestId('public-privacy-link').click();
    await phone.getByTestId('public-privacy').getByText('加密保存', { exact: false }).waitFor();
    await phone.goto(`${server.url}/public`);
    await phone.getByTestId('public-report').click();
    // Every field has a visible label; the resident's own word finds the category (a keyword).
    for (const label of ['问题类型', '问题描述', '所在区域', '详细地址', '称呼', '手机号码']) {
      await phone.getByLabel(label, { exact: true }).first().waitFor({ state: 'attached' });
    }
    await pickCascade(phone, 'report-category', '小广告', '宣传广告 / 广告乱贴', '广告乱贴');
    await phone.getByText('处置时限 1 个工作日').waitFor();
    await phone.getByTestId('report-description').fill(DESCRIPTION);
    await phone.getByTestId('report-photos-camera').setInputFiles(await photoOnSide(phone, 'poster.png'));
    await phone.getByTestId('report-photos').locator('[data-status="done"]').waitFor();

    // The phone's position places the report in city and district (the outlines in data/geo/);
    // the resident only adds the street.
    await phone.getByTestId('report-locate').click();
    await phone.getByTestId('report-located').getByText('哈尔滨市 南岗区').waitFor();
    await phone.getByTestId('report-region-0').filter({ hasText: '哈尔滨市' }).waitFor();
    await phone.getByTestId('report-region-1').filter({ hasText: '南岗区' }).waitFor();
    await pickOption(phone, 'report-region-2', '花园街道');
    // The sticky submit bar is drawn above the fields it passes over: nothing shows through it.
    await phone.getByTestId('report-description').scrollIntoViewIfNeeded();
    expect(await submitBarOnTop(phone)).toBe(true);
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
    await keepPhone(phone);
  });

  it('answers two submissions with one key with the same case number', async () => {
    const body = JSON.stringify({
      categoryCode: 'event-garbage',
      description: '花园街道某小区门口垃圾堆放三天无人清运。',
      regionCode: '230103001',
      address: '花园街 1 号',
    });
    const send = () =>
      fetch(`${walk.server.url}/api/v1/public/cases`, {
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
    const { page, server } = walk;
    const phone = await openPhone();
    await phone.goto(`${server.url}/report`);
    await pickCascade(phone, 'report-category', '广告乱贴', '宣传广告 / 广告乱贴');
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
      await pickOption(page, 'case-merge-target', number);
    });
    const drawer = await drawerAt(page, 'duplicate');
    expect(await drawer.textContent()).toContain(`此问题已与案件 ${number} 合并办理`);
    await leave(page);

    await phone.goto(`${server.url}/track/${duplicate}`);
    await phone.getByText(`此问题已与案件 ${number} 合并办理`).waitFor();
    await keepPhone(phone);
  });

  it('the dispatcher accepts the case and dispatches it to the district unit', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await openFromQueue(page, 'nav-case-dispatch', number);
    let drawer = await drawerAt(page, 'submitted');
    // The merged report's photo joined the survivor's.
    await expect(drawer.getByTestId('photos-before').locator('img').count()).resolves.toBe(2);
    // Staff may open the originals, kept as evidence; the public page offers only display versions.
    const original = drawer.getByTestId('photos-before').getByText('原图（证据）').first();
    const evidence = await fetch(`${server.url}${await original.getAttribute('href')}`);
    expect(evidence.status).toBe(401);
    // The reporter's phone is personal data: masked in the case, shown in full only on an audited reveal.
    expect(await drawer.textContent()).toContain('138****0000');
    expect(await drawer.textContent()).not.toContain('13800000000');
    await act(page, 'accept');
    drawer = await drawerAt(page, 'accepted');
    await act(page, 'dispatch', async () => {
      await openModal(page).getByText('按派遣规则默认为：南岗区城市管理局').waitFor();
    });
    drawer = await drawerAt(page, 'dispatched');
    expect(await drawer.textContent()).toContain('南岗区城市管理局');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-dispatched.png'), fullPage: true });
    await leave(page);
  });

  it('the unit starts, handles it with an after photo; the inspector sends it back once, then closes it', async () => {
    const { page, server } = walk;
    const handle = async (note: string) => {
      await act(page, 'handle', async () => {
        await page.getByTestId('case-action-note').fill(note);
        await page.getByTestId('case-action-photos-gallery').setInputFiles(await photoOnSide(page, 'after.png'));
        await page.getByTestId('case-action-photos').locator('[data-status="done"]').waitFor();
      });
      await drawerAt(page, 'handled');
    };

    await signIn(page, server, OFFICER.username, OFFICER.password);
    await navigate(page, 'nav-cases', 'nav-case-unit');
    const row = page.getByTestId('case-table').locator('tr', { hasText: number });
    await row.locator('[data-badge="onTime"], [data-badge="dueSoon"], [data-badge="overdue"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-unit-queue.png'), fullPage: true });
    // The unit was notified of the dispatch; the notification opens the case.
    await page.getByTestId('notifications').click();
    const notifications = page.getByTestId('notifications-list');
    await notifications.locator('.ant-list-item', { hasText: number }).first().click();
    await notifications.waitFor({ state: 'hidden' });
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
    const { server } = walk;
    const phone = await openPhone();
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
    const { page, server } = walk;
    // The statistics are a roll-up that the outbox keeps: the garbage report's intake answered before
    // its event was delivered (intake does not wait for it). Wait for the state, as a user would
    // reload, before the page reads it.
    const harbinCases = async () => {
      const stats = await admin.call<CaseStats>('GET', '/api/v1/cases/stats?groupBy=region');
      return stats.rows.find((row) => row.name === '哈尔滨市')?.cases;
    };
    await expect.poll(harbinCases, { timeout: 30_000 }).toBe(3);
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-cases', 'nav-case-stats');
    const table = page.getByTestId('case-stats-table');
    const harbin = table.locator('tr', { hasText: '哈尔滨市' });
    await harbin.waitFor();
    // Three reports in 哈尔滨市, one merged: the poster is closed (after one rework), the garbage open.
    // 立案 counts cases the desk accepted: the poster only (the merged one is not a case of its own,
    // and the garbage report was never reviewed).
    const cells = await harbin.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['哈尔滨市', '3', '1']);
    expect(cells[4]).toBe('1');
    expect(cells[7]).toBe('100.0%');
    await page.getByTestId('case-stats-chart').locator('svg').waitFor();
    await page.getByTestId('case-stats-group').getByText('按问题类型').click();
    await table.locator('tr', { hasText: '广告乱贴' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-stats.png'), fullPage: true });

    await navigate(page, 'nav-cases', 'nav-case-map');
    await page.getByTestId('case-map-chart').locator('svg').waitFor();
    await page.getByTestId('case-map').locator('tr', { hasText: '哈尔滨市' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-map.png'), fullPage: true });
  });

  it("a 大庆 city administrator opens the case map: his city's counties, his open case, a legend that matches", async () => {
    const { server } = walk;
    const DAQING_OFFICE = { username: 'dq-office', password: 'Daqing-Office-2019!' };
    await admin.call('POST', '/api/v1/users', {
      username: DAQING_OFFICE.username,
      displayName: '大庆市创城办',
      password: DAQING_OFFICE.password,
      role: 'city_admin',
      regionCode: '2306',
    });
    // One open case in 萨尔图区, reported with the phone's position.
    const reported = await fetch(`${server.url}/api/v1/public/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-daqing-map-0001-aaaa' },
      body: JSON.stringify({
        categoryCode: 'event-garbage',
        description: '萨尔图区中央大街东侧绿地内垃圾堆放，无人清运。',
        lat: 46.6291,
        lng: 125.1356,
        regionCode: '230602',
      }),
    });
    expect(reported.status, await reported.clone().text()).toBe(201);

    const page = await (await walk.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, server, DAQING_OFFICE.username, DAQING_OFFICE.password);
    // His city's map, county by county (data/geo/2306.json), not the province's and not tiles.
    const outlines = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/geo/2306');
    await navigate(page, 'nav-cases', 'nav-case-map');
    expect((await outlines).status()).toBe(200);
    const chart = page.getByTestId('case-map-chart');
    await chart.locator('svg').waitFor();
    const table = page.getByTestId('case-map');
    const saertu = table.locator('tr', { hasText: '萨尔图区' });
    await saertu.waitFor();
    expect(await saertu.locator('td').allTextContents()).toEqual(['萨尔图区', '1', '0']);
    expect(await table.locator('tr', { hasText: '哈尔滨市' }).count()).toBe(0);
    // The legend's ends are numbers; one open case is not painted in the top colour ("5 件").
    await expect
      .poll(() => chart.locator('svg text').allTextContents())
      .toEqual(expect.arrayContaining(['5 件', '0 件']));
    // The areas are the paths drawn with the map's border colour (the legend's bar and handles are not).
    const areas = await chart
      .locator('svg path')
      .evaluateAll((paths) =>
        paths
          .filter((p) => /^(#8c9bb5|rgb\(140,\s*155,\s*181\))$/i.test(p.getAttribute('stroke') ?? ''))
          .map((p) => (p.getAttribute('fill') ?? '').replace(/\s/g, '').toLowerCase()),
      );
    // 大庆's nine county-level areas; only 萨尔图区 (one case) differs from the empty ones, and not in red.
    expect(areas.length, JSON.stringify(areas)).toBeGreaterThanOrEqual(9);
    const counted = new Map<string, number>();
    for (const fill of areas) counted.set(fill, (counted.get(fill) ?? 0) + 1);
    expect([...counted.values()].sort((a, b) => a - b)[0], JSON.stringify([...counted])).toBe(1);
    expect(areas.filter((fill) => fill === '#c0392b' || fill === 'rgb(192,57,43)')).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-map-daqing.png'), fullPage: true });
    await page.context().close();
  });

  it('a hotline operator files a caller report in the workbench; the dispatcher rejects it with a reason', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-cases', 'nav-case-all');
    const modal = await openModalBy(page, page.getByTestId('case-file'));
    await modal.getByTestId('intake-photos').waitFor();
    await pickCascade(page, modal.locator('.ant-cascader').first(), '摊位乱摆', '街面秩序 / 摊位乱摆');
    await modal.locator('textarea').first().fill('来电反映：花园街早市摊位占道，车辆无法通行。');
    await pickOption(page, 'report-region-0', '哈尔滨市');
    await pickOption(page, 'report-region-1', '南岗区');
    await modal.getByTestId('report-address').fill('花园街早市');
    await confirmModal(page, apiAnswer('POST', '/api/v1/cases'));
    const drawer = await drawerAt(page, 'submitted');
    expect(await drawer.textContent()).toContain('热线电话');
    await act(page, 'reject', async () => {
      await page.getByTestId('case-action-reason').fill('经核实为经批准的临时便民市场，不予立案。');
    });
    await drawerAt(page, 'rejected');
    expect(await drawer.textContent()).toContain('经批准的临时便民市场');
    await closeDrawer(page, drawer);

    // The province shortens the time limit of street stalls to three working hours.
    await navigate(page, 'nav-cases', 'nav-case-config');
    await page.getByRole('tab', { name: '分类与时限' }).click();
    const edit = await openModalBy(page, page.getByTestId('case-category-edit-event-stall'));
    await edit.locator('.ant-input-number-input').fill('3');
    await confirmModal(page);
    await page.locator('tr', { hasText: '摊位乱摆' }).getByText('3 个工作时').waitFor();
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
