import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { apiAnswer, confirmModal, fillDate, openModalBy } from './support/antd.ts';
import { browserWalk, SCREENSHOTS, signIn, type Walk } from './support/walk.ts';

/*
 * The 办结 chain of a 督办单 in the browser (issue 18): the unit asks for more time and the office
 * grants it; the unit replies and applies to close; the office reviews and sends it back with a
 * reason; the unit replies again; the office reviews, a leader (another administrator) approves,
 * the office closes (销号). Each step waits for the state the page shows, never for time.
 */
const walk = browserWalk(import.meta.filename);
const PASSWORD = 'Chain-Walk-2019!';

describe(`a 督办单 through 申请办结, 审核, 退回重办, 领导审批 and 销号 (${walk.kind})`, () => {
  let noticeId: string;
  let number: string;

  beforeAll(async () => {
    const { server } = walk;
    const admin = await apiSession(server.url, 'admin', server.adminPassword);
    const units = await admin.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/org-units?q=${encodeURIComponent('省住建厅')}`,
    );
    const housing = units.items.find((unit) => unit.name === '省住建厅')!.id;
    await admin.call('POST', '/api/v1/users', {
      username: 'zjt-chain',
      displayName: '省住建厅联络员',
      password: PASSWORD,
      role: 'unit_officer',
      regionCode: admin.regionCode,
      orgUnitId: housing,
    });
    await admin.call('POST', '/api/v1/users', {
      username: 'leader',
      displayName: '分管领导',
      password: PASSWORD,
      role: 'province_admin',
      regionCode: admin.regionCode,
    });
    const plans = await admin.call<{ items: { code: string }[] }>('GET', '/api/v1/plans');
    const plan = await admin.call<{ programmes: { tasks: { id: string; number: string }[] }[] }>(
      'GET',
      `/api/v1/plans/${plans.items[0]!.code}`,
    );
    const task = plan.programmes.flatMap((p) => p.tasks).find((item) => item.number === '2.1')!;
    const notice = await admin.call<{ id: string; number: string }>('POST', '/api/v1/notices', {
      taskId: task.id,
      orgUnitId: housing,
      reason: '集中供热普及率进展滞后于年度目标。',
      requiredAction: '请说明原因并报送整改措施和时间表。',
      replyDue: '2030-06-30',
    });
    noticeId = notice.id;
    number = notice.number;
  });

  /** Signs in as another user in the same page: the session cookie goes, the sign-in form comes back. */
  async function signInAnew(page: Page, server: Walk['server'], username: string, password: string) {
    await page.context().clearCookies();
    await signIn(page, server, username, password);
  }

  /** Opens the notice's drawer as the signed-in user and returns it. */
  async function openNotice(page: Page, server: Walk['server']) {
    await page.goto(`${server.url}/supervision/notices?id=${noticeId}`);
    const drawer = page.getByTestId('notice-drawer');
    await drawer.getByText(number).first().waitFor();
    return drawer;
  }

  /** Clicks a chain button and waits for the server's answer and the status the drawer then shows. */
  async function step(page: Page, button: string, path: string, status: string) {
    const drawer = page.getByTestId('notice-drawer');
    const answered = page.waitForResponse(apiAnswer('POST', `/api/v1/notices/${noticeId}/${path}`));
    await drawer.getByTestId(button).click();
    expect((await answered).status()).toBe(200);
    await drawer.locator('.ant-drawer-extra').getByText(status, { exact: true }).waitFor();
  }

  it('lets the unit ask for an extension, which the office grants', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'zjt-chain', PASSWORD);
    const drawer = await openNotice(page, server);
    await fillDate(drawer.getByTestId('notice-extension-due'), '2030-07-31');
    await drawer.getByTestId('notice-extension-reason').fill('需协调省财政厅下达资金。');
    const asked = page.waitForResponse(apiAnswer('POST', `/api/v1/notices/${noticeId}/extension`));
    await drawer.getByTestId('notice-extension-request').click();
    expect((await asked).status()).toBe(200);
    await drawer.getByText('待审批', { exact: false }).waitFor();

    await signInAnew(page, server, 'admin', server.adminPassword);
    await openNotice(page, server);
    await drawer.getByText('单位申请延期至 2030-07-31', { exact: false }).waitFor();
    const decided = page.waitForResponse(apiAnswer('POST', `/api/v1/notices/${noticeId}/extension/decision`));
    await drawer.getByTestId('notice-extension-approve').click();
    expect((await decided).status()).toBe(200);
    await drawer.getByText('2030-07-31 · 已同意', { exact: false }).waitFor();
  });

  it('lets the unit reply to apply for closing, and the office review it and send it back with a reason', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'zjt-chain', PASSWORD);
    const drawer = await openNotice(page, server);
    await openModalBy(page, drawer.getByTestId('notice-apply-close'));
    await page.getByTestId('notice-reply-text').fill('已制定整改方案，年底前完成老旧管网改造。');
    await confirmModal(page, apiAnswer('POST', `/api/v1/notices/${noticeId}/reply`));
    await drawer.locator('.ant-drawer-extra').getByText('已反馈', { exact: true }).waitFor();

    await signInAnew(page, server, 'admin', server.adminPassword);
    await openNotice(page, server);
    await step(page, 'notice-review', 'review', '已审核');
    await drawer.getByTestId('notice-note').fill('整改措施不具体，请补充分月时间表。');
    await step(page, 'notice-return', 'return', '退回重办');
    await drawer.getByTestId('notice-timeline').getByText('整改措施不具体', { exact: false }).waitFor();
  });

  it('lets the unit reply again, the office review, a leader approve and the office close (销号)', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'zjt-chain', PASSWORD);
    const drawer = await openNotice(page, server);
    await openModalBy(page, drawer.getByTestId('notice-apply-close'));
    await page.getByTestId('notice-reply-text').fill('补充时间表：10月完成60%，12月底全部完成。');
    await confirmModal(page, apiAnswer('POST', `/api/v1/notices/${noticeId}/reply`));
    await drawer.locator('.ant-drawer-extra').getByText('已反馈', { exact: true }).waitFor();

    await signInAnew(page, server, 'admin', server.adminPassword);
    await openNotice(page, server);
    await step(page, 'notice-review', 'review', '已审核');
    // The reviewer does not approve: the approve step is the leader's.
    await signInAnew(page, server, 'leader', PASSWORD);
    await openNotice(page, server);
    await drawer.getByTestId('notice-note').fill('同意办结。');
    await step(page, 'notice-approve', 'approve', '已审批');

    await signInAnew(page, server, 'admin', server.adminPassword);
    await openNotice(page, server);
    await step(page, 'notice-close', 'close', '已办结');
    const timeline = drawer.getByTestId('notice-timeline');
    for (const label of ['审核通过', '领导审批同意', '退回重办（第 1 次）', '办结']) {
      await timeline.getByText(label, { exact: false }).first().waitFor();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notice-chain.png'), fullPage: true });
  });
});
