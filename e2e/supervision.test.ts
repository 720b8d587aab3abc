import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import {
  apiAnswer,
  closeDrawer,
  confirmModal,
  confirmPopover,
  fillDate,
  openModalBy,
  pickOption,
} from './support/antd.ts';
import { browserWalk, SCREENSHOTS, signIn, signOut } from './support/walk.ts';

/** A one-page PDF with the header, objects, cross-reference table and trailer a reader expects. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const walk = browserWalk(import.meta.filename);
const OFFICER_PASSWORD = 'Liaison-Officer-2019!';

describe(`a unit reports, the office supervises (${walk.kind})`, () => {
  let pdfPath: string;
  let admin: Awaited<ReturnType<typeof apiSession>>;

  beforeAll(async () => {
    pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pdf-')), '供热管网改造进展.pdf');
    fs.writeFileSync(pdfPath, minimalPdf());
    const { server } = walk;
    admin = await apiSession(server.url, 'admin', server.adminPassword);
    const unitId = async (name: string) => {
      const page = await admin.call<{ items: { id: string; name: string }[] }>(
        'GET',
        `/api/v1/org-units?q=${encodeURIComponent(name)}`,
      );
      const unit = page.items.find((item) => item.name === name);
      if (!unit) throw new Error(`no org unit ${name}`);
      return unit.id;
    };
    for (const [username, displayName, unit] of [
      ['zjt-officer', '省住建厅联络员', '省住建厅'],
      ['fgw-officer', '省发改委联络员', '省发改委'],
    ] as const) {
      await admin.call('POST', '/api/v1/users', {
        username,
        displayName,
        password: OFFICER_PASSWORD,
        role: 'unit_officer',
        regionCode: admin.regionCode,
        orgUnitId: await unitId(unit),
      });
    }
  });

  afterAll(() => {
    if (pdfPath) fs.rmSync(path.dirname(pdfPath), { recursive: true, force: true });
  });

  it('lets the officer of 省住建厅 file and submit a report with a PDF on task 2.1', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'zjt-officer', OFFICER_PASSWORD);
    await page.getByTestId('nav-workbench').click();
    const tasks = page.getByTestId('workbench-tasks');
    await tasks.getByText('推进城市基础设施建设').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench.png'), fullPage: true });

    await page.getByTestId('workbench-open-2.1').click();
    const drawer = page.getByTestId('report-drawer');
    await drawer.getByTestId('report-form').waitFor();
    await pickOption(page, drawer.getByTestId('report-period'), '2019-07', { search: '2019-07' });
    await drawer.getByTestId('report-narrative').fill('完成哈尔滨、大庆两市供热管网改造 120 公里。');
    await drawer.getByTestId('report-measures').fill('省住建厅牵头召开供热工作调度会。');
    await drawer.getByText('添加指标').click();
    await drawer.getByPlaceholder('指标名称').fill('集中供热普及率');
    await drawer.getByPlaceholder('数值').fill('86.5');
    await drawer.getByPlaceholder('单位').fill('%');
    await drawer.getByTestId('report-save').click();
    await drawer.getByText('编辑草稿（第 1 版）').waitFor();

    await drawer.locator('input[type=file]').setInputFiles(pdfPath);
    const attachments = drawer.getByTestId('report-attachments');
    await attachments.getByText('供热管网改造进展.pdf').waitFor();
    expect(await attachments.textContent()).toMatch(/SHA-256 [0-9a-f]{12}/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-report.png'), fullPage: true });

    await drawer.getByTestId('report-submit').click();
    await confirmPopover(page);
    const history = drawer.getByTestId('report-history');
    await history.getByText('已报送').waitFor();
    expect(await history.textContent()).toContain('供热管网改造进展.pdf');

    // A submitted report is corrected by a new version; the first stays, struck through.
    await drawer.getByTestId('report-correct-2019-07').click();
    await confirmPopover(page);
    await drawer.getByText('编辑草稿（第 2 版）').waitFor();
    await drawer.getByTestId('report-narrative').fill('完成哈尔滨、大庆两市供热管网改造 126 公里（更正）。');
    await drawer.getByTestId('report-submit').click();
    await confirmPopover(page);
    await history.getByText('已更正').waitFor();
    const superseded = history.locator('tr', { hasText: '已更正' });
    await expect(superseded.locator('del').count()).resolves.toBeGreaterThan(0);
    await history.getByText('126 公里（更正）', { exact: false }).waitFor();
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-history.png'), fullPage: true });
  });

  it('lets the office issue a notice to 省发改委 on task 2.1', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-notices').click();
    await openModalBy(page, page.getByTestId('notice-issue'));
    await pickOption(page, 'notice-task', '2.1 ', { search: '推进城市基础设施建设' });
    await pickOption(page, 'notice-unit', '省发改委');
    await page.getByTestId('notice-reason').fill('2019 年以来未报送任务 2.1 的推进情况。');
    await page.getByTestId('notice-required-action').fill('请补报进展并说明滞后原因。');
    await fillDate(page.getByTestId('notice-reply-due'), '2030-12-31');
    await page.getByTestId('notice-ack-working-days').fill('3');
    await confirmModal(page, apiAnswer('POST', '/api/v1/notices'));
    const table = page.getByTestId('notice-table');
    await table.getByText('省发改委').waitFor();
    expect(await table.textContent()).toContain('已下发');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notices.png'), fullPage: true });
  });

  it('lets the officer of 省发改委 acknowledge and reply', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'fgw-officer', OFFICER_PASSWORD);
    // The notice reached the unit as a notification under the bell.
    await page.getByTestId('notifications').click();
    const list = page.getByTestId('notifications-list');
    await list.locator('.ant-list-item').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notifications.png') });
    await page.getByTestId('notifications').click();
    await list.waitFor({ state: 'hidden' });
    await page.getByTestId('nav-workbench').click();
    const notices = page.getByTestId('workbench-notices');
    await notices.getByText('2019 年以来未报送任务 2.1 的推进情况。').waitFor();
    await notices.locator('[data-testid^="notice-ack-"]').click();
    await notices.getByText('已签收').waitFor();
    await openModalBy(page, notices.locator('[data-testid^="notice-reply-"]'));
    await page.getByTestId('notice-reply-text').fill('已补报 2019 年各月进展，滞后原因为资金拨付延迟。');
    await confirmModal(page);
    await notices.getByText('已反馈').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-notices.png'), fullPage: true });
  });

  it('shows the report and the notice on the board, the notice timeline and the ledger', async () => {
    const { page, server } = walk;
    // A second notice, to 省财政厅, that nobody answers: on the board as of after its reply date it is overdue.
    const plans = await admin.call<{ items: { code: string }[] }>('GET', '/api/v1/plans');
    const plan = await admin.call<{ programmes: { tasks: { id: string; number: string }[] }[] }>(
      'GET',
      `/api/v1/plans/${plans.items[0]!.code}`,
    );
    const task = plan.programmes.flatMap((p) => p.tasks).find((item) => item.number === '2.1')!;
    const units = await admin.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/org-units?q=${encodeURIComponent('省财政厅')}`,
    );
    const unanswered = await admin.call<{ number: string }>('POST', '/api/v1/notices', {
      taskId: task.id,
      orgUnitId: units.items.find((unit) => unit.name === '省财政厅')!.id,
      reason: '未报送任务 2.1 的资金保障情况。',
      requiredAction: '请报送资金拨付进度。',
      replyDue: '2030-06-30',
    });

    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-supervision').click();
    const board = page.getByTestId('board');
    await board.getByTestId('board-programmes').getByText('城乡环境综合治理', { exact: false }).first().waitFor();
    const total = Number(
      (await board.getByTestId('board-total').locator('.ant-statistic-content').textContent())?.replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(0);
    await fillDate(page.getByTestId('board-as-of'), '2030-07-15');
    const overdue = board.getByTestId('board-overdue-notices');
    await overdue.getByText(unanswered.number).waitFor();
    expect(await overdue.textContent()).toContain('省财政厅');
    expect(await overdue.textContent()).not.toContain('省发改委');
    // The plan's lights in words, and the 督查通报 of the board's month (decision 0132, 0133).
    await board.getByTestId('board-rules').getByText('每期结束后10日内', { exact: false }).waitFor();
    expect(await board.getByTestId('board-bulletin').getAttribute('href')).toContain('bulletin.docx?period=2030-07');
    expect(await board.getByTestId('board-bulletin-pdf').getAttribute('href')).toContain('bulletin.pdf?period=2030-07');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'board.png'), fullPage: true });

    await page.getByTestId('nav-notices').click();
    await page.getByTestId('notice-table').locator('tr', { hasText: '省发改委' }).locator('a').first().click();
    const timeline = page.getByTestId('notice-timeline');
    await timeline.getByText('单位反馈').waitFor();
    expect(await timeline.textContent()).toContain('单位签收');
    expect(await timeline.textContent()).toContain('资金拨付延迟');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notice-drawer.png'), fullPage: true });

    await page.goto(`${server.url}/supervision/ledger`);
    const ledger = page.getByTestId('ledger-table');
    await ledger.waitFor();
    await page.getByTestId('ledger-search').fill('2.1');
    const searched = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/ledger') && new URL(r.url()).searchParams.get('q') === '2.1',
    );
    await page.getByTestId('ledger-search').press('Enter');
    await searched;
    // Task 2.1 has three units: one row each once the search has been answered and shown.
    await ledger.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await ledger.locator('tbody tr.ant-table-row').nth(2).waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(3);
    await ledger.getByText('126 公里（更正）', { exact: false }).waitFor();
    expect(await ledger.textContent()).toContain('省发改委');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ledger.png'), fullPage: true });

    const href = await page.getByTestId('ledger-export').getAttribute('href');
    expect(href).toContain('ledger.xlsx');
    expect(href).toContain('q=2.1');
    const xlsx = await fetch(`${server.url}${href}`, { headers: { cookie: admin.cookie } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('shows each unit of task 2.1 with its status and latest report on the plan page', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-tab-tasks').click();
    await page.getByTestId('plan-task-2.1').click();
    const section = page.getByTestId('plan-task-supervision');
    await section.getByText('省住建厅').first().waitFor();
    await section.getByText('2019-07').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-task-supervision.png'), fullPage: true });
  });

  it('records a joint meeting whose action item the officer of 省住建厅 completes', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await page.getByTestId('nav-meetings').click();
    await openModalBy(page, page.getByTestId('meeting-create'));
    await page.getByTestId('meeting-title').fill('2019 年第三次创城工作联席会议');
    await pickOption(page, 'meeting-attendees', '省住建厅', { search: '省住建厅', multiple: true, remote: true });
    await page.getByTestId('meeting-minutes').fill('通报各单位任务推进情况，部署四季度重点工作。');
    await page.getByTestId('meeting-add-action').click();
    await page.getByTestId('meeting-action-title-0').fill('完成老旧小区供热管网改造方案');
    await pickOption(page, 'meeting-action-owner-0', '省住建厅', { search: '省住建厅', remote: true });
    await fillDate(page.getByTestId('meeting-action-due-0'), '2030-12-31');
    await confirmModal(page, apiAnswer('POST', '/api/v1/meetings'));
    await page.getByTestId('meeting-table').getByText('2019 年第三次创城工作联席会议').click();
    const drawer = page.getByTestId('meeting-drawer');
    await drawer.getByTestId('meeting-action-items').getByText('完成老旧小区供热管网改造方案').waitFor();
    await drawer.locator('input[type=file]').setInputFiles(pdfPath);
    await drawer.getByTestId('meeting-attachments').getByText('供热管网改造进展.pdf').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting.png'), fullPage: true });
    await closeDrawer(page, drawer);
    await signOut(page);

    await signIn(page, server, 'zjt-officer', OFFICER_PASSWORD);
    await page.getByTestId('nav-workbench').click();
    const items = page.getByTestId('workbench-action-items');
    await items.getByText('完成老旧小区供热管网改造方案').waitFor();
    await openModalBy(page, items.locator('[data-testid^="action-complete-"]'));
    await page.getByTestId('action-completion-note').fill('方案已印发。');
    await confirmModal(page);
    await items.getByText('已完成').waitFor();
  });
});
