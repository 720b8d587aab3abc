import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserWalk, SCREENSHOTS, signIn } from './support/walk.ts';

const walk = browserWalk(import.meta.filename);

describe(`the provincial office reads the action plan (${walk.kind})`, () => {
  beforeEach(async () => {
    await signIn(walk.page, walk.server, 'admin', walk.server.adminPassword);
    await walk.page.getByTestId('nav-plans').click();
    await walk.page.getByTestId('plan-name').waitFor();
  });

  it('opens the only plan directly from the navigation', async () => {
    const { page } = walk;
    await expect(page.getByTestId('plan-name').textContent()).resolves.toContain('黑龙江省创建文明城市三年行动计划');
    await expect(page.getByTestId('plan-header').textContent()).resolves.toContain('2018-01-01');
    // Every target on one table, the seed's 5–7 cities among them.
    await expect(page.getByTestId('plan-all-targets').textContent()).resolves.toContain('5–7 个');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-overview.png'), fullPage: true });
  });

  it('shows task 2.1 with its lead and participating units and the heating target', async () => {
    const { page } = walk;
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
    const { page } = walk;
    await page.getByTestId('plan-tab-work').click();
    const work = await page.getByTestId('plan-work').textContent();
    expect(work).toContain('联席会议');
    expect(work).toContain('联络员例会');
    expect(work).toContain('全国文明城市测评体系');
    await expect(page.getByTestId('plan-veto').textContent()).resolves.toContain('安全生产');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'plan-work.png'), fullPage: true });
  });
});
