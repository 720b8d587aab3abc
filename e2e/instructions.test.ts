import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { apiAnswer, confirmModal, fillDate, openModalBy, pickOption } from './support/antd.ts';
import { browserWalk, navigate, SCREENSHOTS, signIn, type Walk } from './support/walk.ts';

/*
 * A 领导批示 in the browser (issue 18): the 省文明办 records a leader's instruction for 省住建厅;
 * the unit's liaison signs for it and reports; the office returns the report once with a reason
 * and turns the instruction into a 督办单 to the unit (转督办);
 * the unit reports again; the office closes it. Each step waits for the state the page shows.
 */
const walk = browserWalk(import.meta.filename);
const PASSWORD = 'Instruction-Walk-2019!';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe(`a 领导批示 recorded, signed, reported, returned once and closed (${walk.kind})`, () => {
  let instructionId: string;

  beforeAll(async () => {
    const { server } = walk;
    const admin = await apiSession(server.url, 'admin', server.adminPassword);
    const units = await admin.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/org-units?q=${encodeURIComponent('省住建厅')}`,
    );
    await admin.call('POST', '/api/v1/users', {
      username: 'zjt-instruction',
      displayName: '省住建厅联络员',
      password: PASSWORD,
      role: 'unit_officer',
      regionCode: admin.regionCode,
      orgUnitId: units.items.find((unit) => unit.name === '省住建厅')!.id,
    });
  });

  async function signInAnew(page: Page, server: Walk['server'], username: string, password: string) {
    await page.context().clearCookies();
    await signIn(page, server, username, password);
  }

  async function openInstruction(page: Page, server: Walk['server']) {
    await page.goto(`${server.url}/supervision/instructions?id=${instructionId}`);
    const drawer = page.getByTestId('instruction-drawer');
    await drawer.getByText('省委副书记张三', { exact: false }).first().waitFor();
    return drawer;
  }

  /** Clicks a step's button, waits for the server's answer and the state the drawer then shows. */
  async function step(page: Page, button: string, action: string, state: string) {
    const drawer = page.getByTestId('instruction-drawer');
    const answered = page.waitForResponse(
      apiAnswer('POST', `/api/v1/supervision/instructions/${instructionId}/${action}`),
    );
    await drawer.getByTestId(button).click();
    expect((await answered).status()).toBe(200);
    await drawer.locator('.ant-drawer-extra').getByText(state, { exact: true }).waitFor();
  }

  it('lets the office record an instruction for a unit, which then waits to be signed for', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-group-supervision', 'nav-instructions');
    await openModalBy(page, page.getByTestId('instruction-record'));
    await page.getByTestId('instruction-leader-name').fill('张三');
    await page.getByTestId('instruction-leader-post').fill('省委副书记');
    await fillDate(page.getByTestId('instruction-date'), today);
    await page.getByTestId('instruction-document').fill('关于部分老旧小区供热不达标的情况反映');
    await page.getByTestId('instruction-content').fill('请省住建厅牵头，抓紧解决老旧小区集中供热问题，并报办理情况。');
    await pickOption(page, 'instruction-lead-unit', '省住建厅', { search: '省住建厅', remote: true });
    await fillDate(page.getByTestId('instruction-reply-due'), '2030-06-30');
    const created = await confirmModal(page, apiAnswer('POST', '/api/v1/supervision/instructions'));
    expect(created!.status()).toBe(201);
    instructionId = ((await created!.json()) as { id: string }).id;
    const row = page
      .getByTestId('instruction-table')
      .locator('tr', { has: page.getByTestId(`instruction-open-${instructionId}`) });
    await row.getByText('待签收', { exact: true }).waitFor();
  });

  it('lets the unit sign for it and send its handling report', async () => {
    const { page, server } = walk;
    await signInAnew(page, server, 'zjt-instruction', PASSWORD);
    const drawer = await openInstruction(page, server);
    await step(page, 'instruction-sign', 'sign', '办理中');
    await drawer.getByTestId('instruction-report-text').fill('已完成12个小区的管网改造。');
    await step(page, 'instruction-report', 'report', '已报告');
  });

  it('lets the office return the report once with a reason and turn the instruction into a 督办单 (转督办)', async () => {
    const { page, server } = walk;
    await signInAnew(page, server, 'admin', server.adminPassword);
    const drawer = await openInstruction(page, server);
    await drawer.getByTestId('instruction-note').fill('请补充剩余小区的改造时间表。');
    await step(page, 'instruction-return', 'return', '办理中');
    await drawer
      .getByTestId('instruction-timeline')
      .getByText('请补充剩余小区的改造时间表', { exact: false })
      .waitFor();

    // 转督办: a 督办单 to the lead unit, issued from the instruction and listed under it.
    const modal = await openModalBy(page, drawer.getByTestId('instruction-to-notice'));
    await modal.getByTestId('instruction-notice-action').fill('报送剩余小区改造时间表，逐项明确完成时限。');
    await fillDate(modal.getByTestId('instruction-notice-due'), '2030-05-31');
    const issued = page.waitForResponse(apiAnswer('POST', `/api/v1/supervision/instructions/${instructionId}/notices`));
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const answer = await issued;
    expect(answer.status(), await answer.text()).toBe(201);
    await modal.waitFor({ state: 'hidden' });
    const number = ((await answer.json()) as { number: string }).number;
    await drawer.getByTestId('instruction-notices').getByRole('link', { name: number }).waitFor();
  });

  it('lets the unit report again and the office close it (办结)', async () => {
    const { page, server } = walk;
    await signInAnew(page, server, 'zjt-instruction', PASSWORD);
    const drawer = await openInstruction(page, server);
    await drawer.getByTestId('instruction-report-text').fill('补充：其余小区12月底前完成改造。');
    await step(page, 'instruction-report', 'report', '已报告');

    await signInAnew(page, server, 'admin', server.adminPassword);
    await openInstruction(page, server);
    await drawer.getByTestId('instruction-note').fill('同意办结。');
    await step(page, 'instruction-accept', 'accept', '已办结');
    const timeline = drawer.getByTestId('instruction-timeline');
    for (const label of ['登记批示', '签收', '退回重办', '办结']) {
      await timeline.getByText(label, { exact: true }).first().waitFor();
    }
    expect(await timeline.getByText('报送办理情况报告', { exact: true }).count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'instructions.png'), fullPage: true });
  });
});
