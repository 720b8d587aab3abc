import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession } from './support/api-session.ts';
import { browserWalk, SCREENSHOTS, signIn } from './support/walk.ts';

const walk = browserWalk(import.meta.filename);
const CITY_ADMIN = { username: 'hrb-office', password: 'Harbin-Office-2019!' };
const LIAISON = { username: 'zjt-liaison', password: 'Housing-Liaison-2019!' };
const HANDLER = { username: 'dl-cgj-handler', password: 'Daoli-Handler-2019!' };
const INSPECTOR = { username: 'sheng-inspector', password: 'Province-Inspector-2019!' };
const DESCRIPTION = '中央大街路口电线杆上贴满小广告，影响市容。';

/** Signs in and waits for the 工作台, where everyone lands; returns the page's main area. */
async function landOnWorkbench(page: Page, username: string, password: string) {
  await signIn(page, walk.server, username, password);
  const home = page.getByTestId('home');
  await home.waitFor();
  expect(new URL(page.url()).pathname).toBe('/home');
  return home;
}

/** The page fits 1440 px: nothing scrolls sideways. */
async function noHorizontalScroll(page: Page) {
  // The function runs in the page, where `document` exists (the e2e project has no DOM types).
  const widths = await page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  );
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe(`each role lands on its 工作台 with its real to-dos (${walk.kind})`, () => {
  let caseId = '';
  let caseNumber = '';
  let noticeNumber = '';

  beforeAll(async () => {
    const { server } = walk;
    const admin = await apiSession(server.url, 'admin', server.adminPassword);
    const unitId = async (name: string) => {
      const found = await admin.call<{ items: { id: string; name: string }[] }>(
        'GET',
        `/api/v1/org-units?q=${encodeURIComponent(name)}`,
      );
      const unit = found.items.find((item) => item.name === name);
      if (!unit) throw new Error(`no org unit ${name}`);
      return unit.id;
    };
    const daoli = await admin.call<{ id: string }>('POST', '/api/v1/org-units', {
      code: 'hrb-dl-cgj',
      name: '道里区城市管理局',
      kind: 'department',
      regionCode: '230102',
    });
    const housing = await unitId('省住建厅');
    for (const [account, displayName, role, regionCode, orgUnitId] of [
      [CITY_ADMIN, '哈尔滨市创城办', 'city_admin', '2301', null],
      [LIAISON, '省住建厅联络员', 'unit_officer', '23', housing],
      [HANDLER, '道里区城管局办事员', 'unit_officer', '230102', daoli.id],
    ] as const) {
      await admin.call('POST', '/api/v1/users', { ...account, displayName, role, regionCode, orgUnitId });
    }
    // A resident's report in 道里区, waiting for the city office's dispatch.
    const reported = await fetch(`${server.url}/api/v1/public/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        categoryCode: 'event-poster',
        description: DESCRIPTION,
        lat: 45.7735,
        lng: 126.6171,
        address: '道里区中央大街与西十二道街交口',
        regionCode: '230102001',
      }),
    });
    if (reported.status !== 201) throw new Error(`report: ${reported.status} ${await reported.text()}`);
    ({ id: caseId, number: caseNumber } = (await reported.json()) as { id: string; number: string });
    // A notice to 省住建厅 about task 2.1, to be answered.
    const plans = await admin.call<{ items: { code: string }[] }>('GET', '/api/v1/plans');
    const plan = await admin.call<{ programmes: { tasks: { id: string; number: string }[] }[] }>(
      'GET',
      `/api/v1/plans/${plans.items[0]!.code}`,
    );
    const task = plan.programmes.flatMap((p) => p.tasks).find((item) => item.number === '2.1')!;
    const notice = await admin.call<{ number: string }>('POST', '/api/v1/notices', {
      taskId: task.id,
      orgUnitId: housing,
      reason: '未按月报送任务 2.1 的进展。',
      requiredAction: '请补报供热管网改造进展并说明原因。',
      replyDue: '2030-06-30',
    });
    noticeNumber = notice.number;
  });

  it('the provincial administrator sees the plan as of its end, the lagging tasks and the case to dispatch', async () => {
    const { page } = walk;
    await page.setViewportSize({ width: 1440, height: 900 });
    const home = await landOnWorkbench(page, 'admin', walk.server.adminPassword);
    // The 2018-2020 plan has ended: the session reads it as of its end date, shown in the header.
    expect(await page.getByTestId('session-as-of').inputValue()).toBe('2020-12-31');
    await home.getByTestId('home-figure-tasksLagging').waitFor();
    const cases = home.getByTestId('home-section-cases');
    await cases.getByText(caseNumber).waitFor();
    expect(await cases.textContent()).toContain(DESCRIPTION);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, `home-province-${walk.kind}.png`), fullPage: true });
    // The item opens where it is acted on: the case, in its drawer over the list of cases.
    await cases.getByText(caseNumber).click();
    await page.getByTestId('case-drawer').getByText(DESCRIPTION).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(caseId);
  });

  it("the city office sees its city's case to dispatch, and the as-of date it picks holds on the board", async () => {
    const { page } = walk;
    const home = await landOnWorkbench(page, CITY_ADMIN.username, CITY_ADMIN.password);
    await home.getByTestId('home-section-cases').getByText(caseNumber).waitFor();
    await home.getByTestId('home-section-approvals').waitFor();
    const lagging = home.getByTestId('home-figure-tasksLagging');
    await lagging.waitFor();
    // One date for the session: picked in the header, the supervision board reads it too.
    const reloaded = page.waitForResponse((r) => new URL(r.url()).searchParams.get('asOf') === '2019-06-30');
    await page.getByTestId('session-as-of').fill('2019-06-30');
    await reloaded;
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('board').waitFor();
    expect(await page.getByTestId('board-as-of').inputValue()).toBe('2019-06-30');
    // The grouped menu and the breadcrumb say where the board is: 工作台 / 督查督办 / 督办看板.
    expect(await page.getByTestId('breadcrumb').textContent()).toBe('工作台/督查督办/督办看板');
    for (const group of [
      'nav-group-supervision',
      'nav-group-indicators',
      'nav-evaluation',
      'nav-cases',
      'nav-group-system',
    ])
      await page.getByTestId(group).waitFor();
    expect(await page.getByTestId('session-as-of').inputValue()).toBe('2019-06-30');
  });

  it('the department liaison sees its tasks to report and the notice to answer, and opens the notice', async () => {
    const { page } = walk;
    const home = await landOnWorkbench(page, LIAISON.username, LIAISON.password);
    const tasks = home.getByTestId('home-section-tasks');
    await tasks.getByText('2.1', { exact: true }).waitFor();
    const notices = home.getByTestId('home-section-notices');
    await notices.getByText(noticeNumber).waitFor();
    expect(await notices.textContent()).toContain('请补报供热管网改造进展并说明原因。');
    await page.screenshot({ path: path.join(SCREENSHOTS, `home-liaison-${walk.kind}.png`), fullPage: true });
    await notices.getByText(noticeNumber).click();
    await page.getByTestId('notice-timeline').waitFor();
    expect(new URL(page.url()).pathname).toBe('/supervision/notices');
  });

  it('the unit handler sees the case once the city dispatches it to the unit', async () => {
    const { page, server } = walk;
    let home = await landOnWorkbench(page, HANDLER.username, HANDLER.password);
    const cases = home.getByTestId('home-section-cases');
    await cases.getByText('队列中没有案件').waitFor();
    const office = await apiSession(server.url, CITY_ADMIN.username, CITY_ADMIN.password);
    await office.call('POST', `/api/v1/cases/${caseId}/actions`, { action: 'accept' });
    const units = await office.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/org-units?q=${encodeURIComponent('道里区城市管理局')}`,
    );
    await office.call('POST', `/api/v1/cases/${caseId}/actions`, {
      action: 'dispatch',
      orgUnitId: units.items.find((unit) => unit.name === '道里区城市管理局')!.id,
    });
    await page.reload();
    home = page.getByTestId('home');
    await home.getByTestId('home-section-cases').getByText(caseNumber).waitFor();
    expect(await home.getByTestId('home-figure-casesInQueue').textContent()).toContain('1');
    await page.screenshot({ path: path.join(SCREENSHOTS, `home-handler-${walk.kind}.png`), fullPage: true });
  });

  it('the inspector sees the handled case to verify and the round to score, and opens the scoring sheet', async () => {
    const { page, server } = walk;
    const admin = await apiSession(server.url, 'admin', server.adminPassword);
    const inspector = await admin.call<{ id: string }>('POST', '/api/v1/users', {
      ...INSPECTOR,
      displayName: '省创城办督查员',
      role: 'inspector',
      regionCode: '23',
    });
    // The unit handles the case it was dispatched (the test before), with a photo of the result.
    const handler = await apiSession(server.url, HANDLER.username, HANDLER.password);
    await handler.call('POST', `/api/v1/cases/${caseId}/actions`, { action: 'start' });
    await page.setContent('<div style="width:160px;height:120px;background:linear-gradient(#3a3,#36c)"></div>');
    const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
    const uploaded = (await handler.upload('/api/v1/cases/photos?kind=after', picture, 'after.png', 'image/png')) as {
      id: string;
    };
    await handler.call('POST', `/api/v1/cases/${caseId}/actions`, {
      action: 'handle',
      note: '已清除电线杆上的小广告。',
      photoIds: [uploaded.id],
    });
    // A round in scoring with the inspector assigned to its field visits.
    const { items: frameworks } = await admin.call<{ items: { id: string }[] }>('GET', '/api/v1/evaluation/frameworks');
    const round = await admin.call<{ id: string }>('POST', '/api/v1/evaluation/rounds', {
      name: '2019年度第三季度实地考察',
      kind: 'routine',
      frameworkId: frameworks[0]!.id,
      year: 2019,
      periodStart: '2019-07-01',
      periodEnd: '2019-09-30',
      testDate: '2019-10-15',
      ownerRegionCode: '23',
      regions: [{ code: '2302', cityGroup: 'prefecture' }],
    });
    await admin.call('PUT', `/api/v1/evaluation/rounds/${round.id}/assignments`, {
      assignments: [{ userId: inspector.id, method: 'field', regionCodes: [] }],
    });
    for (const to of ['open', 'scoring'])
      await admin.call('POST', `/api/v1/evaluation/rounds/${round.id}/transition`, { to });

    const home = await landOnWorkbench(page, INSPECTOR.username, INSPECTOR.password);
    await home.getByTestId('home-section-cases').getByText(caseNumber).waitFor();
    const rounds = home.getByTestId('home-section-rounds');
    await rounds.getByText('2019年度第三季度实地考察').waitFor();
    // The round's state reads as a word, not as its code.
    expect(await rounds.textContent()).toContain('评分中');
    expect(await rounds.textContent()).not.toContain('scoring');
    // Nothing of the offices: no approvals, no notices.
    expect(await home.getByTestId('home-section-approvals').count()).toBe(0);
    expect(await home.getByTestId('home-section-notices').count()).toBe(0);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, `home-inspector-${walk.kind}.png`), fullPage: true });
    await rounds.getByText('2019年度第三季度实地考察').click();
    await page.getByTestId('scoring-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/evaluation/rounds/${round.id}/score`);
  });
});
