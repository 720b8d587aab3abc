import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FrameworkDetail, FrameworkStandard, FrameworkSummary, Round, Scorecard } from '@chuangcheng/core';
import { apiSession } from './support/api-session.ts';
import { closeDrawer, confirmModal, fillDate, openModal, openModalBy, pickOption } from './support/antd.ts';
import { browserWalk, navigate, SCREENSHOTS, signIn, signOut } from './support/walk.ts';

const QIQIHAR = { code: '2302', name: '齐齐哈尔市' };
const DAQING = { code: '2306', name: '大庆市' };
const ROUND_NAME = '2019年度地级城市年终测评';
const ACCIDENT = '大庆某化工企业爆炸事故';

/** A 1 × 1 PNG, what a field photo needs to pass the server's type check. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A one-page PDF with the structure a reader expects. */
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

/** The standards of a framework in order, with their rule. */
function standardsOf(framework: FrameworkDetail): FrameworkStandard[] {
  return framework.document.projects.flatMap((project) => project.contents.flatMap((content) => content.standards));
}

const walk = browserWalk(import.meta.filename);
const OFFICE = { username: 'qqhr-office', password: 'Qiqihar-Office-2019!' };
const INSPECTOR = { username: 'field-inspector', password: 'Field-Inspector-2019!' };

/** Signs in as the administrator and opens the round. */
async function openRound(page: Page, roundId: string) {
  await signIn(page, walk.server, 'admin', walk.server.adminPassword);
  await page.goto(`${walk.server.url}/evaluation/rounds/${roundId}`);
  await page.getByTestId('round-title').waitFor();
}

/** Moves the round to the next status through its confirmation dialog. */
async function moveRound(page: Page, status: string) {
  await openModalBy(page, page.getByTestId(`round-move-${status}`));
  await confirmModal(page);
  await page.getByTestId('round-view').locator(`[data-status="${status}"]`).first().waitFor();
}

describe(`the office runs a year-end evaluation (${walk.kind})`, () => {
  let admin: Awaited<ReturnType<typeof apiSession>>;
  let framework: FrameworkDetail;
  let roundId: string;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-evaluation-'));
    const { server } = walk;
    admin = await apiSession(server.url, 'admin', server.adminPassword);
    const { items } = await admin.call<{ items: FrameworkSummary[] }>('GET', '/api/v1/evaluation/frameworks');
    framework = await admin.call<FrameworkDetail>('GET', `/api/v1/evaluation/frameworks/${items[0]!.id}`);
    // 齐齐哈尔's creation office uploads its own material.
    await admin.call('POST', '/api/v1/users', {
      username: OFFICE.username,
      displayName: '齐齐哈尔市创城办',
      password: OFFICE.password,
      role: 'city_admin',
      regionCode: QIQIHAR.code,
    });
    await admin.call('POST', '/api/v1/users', {
      username: INSPECTOR.username,
      displayName: '测评员王明',
      password: INSPECTOR.password,
      role: 'inspector',
      regionCode: '23',
    });
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('imports the framework from Excel: one bad row is reported and nothing imported; fixed, it imports', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-evaluation', 'nav-evaluation-frameworks');
    const table = page.getByTestId('framework-table');
    await table.getByText('模型，待替换为正式操作手册').waitFor();
    await table.getByTestId(`framework-open-${framework.edition}`).click();
    await page.getByTestId('evaluation-model-banner').waitFor();
    await page.getByTestId('framework-tree').waitFor();

    // The office exports the edition, edits it in Excel, and makes a mistake in one row.
    const exported = await admin.download(`/api/v1/evaluation/frameworks/${framework.id}/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('测评标准')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (name: string) => headers.indexOf(name);
    const textCell = sheet.getRow(2).getCell(column('测评标准'));
    const firstCode = String(sheet.getRow(2).getCell(column('标准编码')).value);
    const revised = `${String(textCell.value)}（2019年修订）`;
    textCell.value = revised;
    const pointsCell = sheet.getRow(4).getCell(column('分值'));
    const goodPoints = pointsCell.value;
    pointsCell.value = '三分';
    const bad = path.join(work, '测评体系-有误.xlsx');
    await workbook.xlsx.writeFile(bad);
    pointsCell.value = goodPoints;
    const good = path.join(work, '测评体系-修正.xlsx');
    await workbook.xlsx.writeFile(good);

    const modal = await openModalBy(page, page.getByTestId('framework-import'));
    await modal.locator('input[type=file]').setInputFiles(bad);
    const errors = page.getByTestId('framework-import-errors');
    await errors.getByText('未导入任何数据', { exact: false }).waitFor();
    expect(await errors.textContent()).toContain('分值');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-import-errors.png'), fullPage: true });
    const unchanged = await admin.call<FrameworkDetail>('GET', `/api/v1/evaluation/frameworks/${framework.id}`);
    expect(unchanged.version).toBe(framework.version);

    await modal.locator('input[type=file]').setInputFiles(good);
    await page
      .getByTestId('framework-import-done')
      .getByText(`第 ${framework.version + 1} 版`, { exact: false })
      .waitFor();
    await modal.getByRole('button', { name: '关闭' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page
      .getByTestId('framework-version')
      .getByText(`第 ${framework.version + 1} 版`)
      .waitFor();

    // The edited standard shows its new text and the version that changed it.
    await page.getByTestId(`framework-node-${firstCode}`).click();
    await page.getByTestId('node-title').getByText(revised).waitFor();
    await page.getByTestId('node-history-load').click();
    await page.getByTestId('node-history').getByText('修改', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-framework.png'), fullPage: true });

    // Edited in the page: the standard's site types, saved as the next version with the reason.
    await openModalBy(page, page.getByTestId('node-edit'));
    await pickOption(page, 'node-site-types', '政务大厅', { multiple: true });
    await page.getByTestId('node-note').fill('按2019年操作手册补充点位类型');
    await confirmModal(page);
    await page
      .getByTestId('framework-version')
      .getByText(`第 ${framework.version + 2} 版`)
      .waitFor();
    await page.getByTestId('node-detail').getByText('政务大厅').waitFor();
    framework = await admin.call<FrameworkDetail>('GET', `/api/v1/evaluation/frameworks/${framework.id}`);
  });

  it('opens a year-end round for the prefecture cities', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-evaluation', 'nav-evaluation-rounds');
    await openModalBy(page, page.getByTestId('round-create'));
    await page.getByTestId('round-name').fill(ROUND_NAME);
    await pickOption(page, 'round-framework', framework.name);
    await page.getByLabel('年度', { exact: true }).fill('2019');
    await fillDate(page.getByTestId('round-period-start'), '2019-01-01');
    await fillDate(page.getByTestId('round-period-end'), '2019-12-31');
    await fillDate(page.getByTestId('round-test-date'), '2019-12-01');
    await page.getByTestId('round-add-children').click();
    const regions = page.getByTestId('round-regions');
    await regions.getByText(QIQIHAR.name).waitFor();
    // 哈尔滨 is a sub-provincial city: it starts in 省会和副省级城市 without anyone picking it.
    await page.getByTestId('round-group-2301').getByText('省会和副省级城市').waitFor();
    await page.getByTestId(`round-group-${QIQIHAR.code}`).getByText('地级城市').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-round-create.png'), fullPage: true });
    await confirmModal(page);

    await page.getByTestId('round-title').getByText(ROUND_NAME).waitFor();
    roundId = page.url().split('/').pop()!;
    const round = await admin.call<Round>('GET', `/api/v1/evaluation/rounds/${roundId}`);
    expect(round.kind).toBe('year_end');
    expect(round.regions.length).toBeGreaterThanOrEqual(13);
    expect(round.regions.find((region) => region.code === '2301')?.cityGroup).toBe('capital');

    await moveRound(page, 'open');
    expect(await page.getByTestId('round-publish-outcome').count()).toBe(0);
  });

  it('assigns an inspector to field inspection in 齐齐哈尔, who may score that and nothing else', async () => {
    const field = standardsOf(framework).filter((s) => s.method === 'field' && s.rule.kind === 'deduction');
    const standard = field[field.length - 1]!;
    const { page, server } = walk;
    await openRound(page, roundId);
    await openModalBy(page, page.getByTestId('round-assign'));
    await page.getByTestId('assign-add').click();
    await pickOption(page, 'assign-user-0', '测评员王明');
    await pickOption(page, 'assign-method-0', '实地考察');
    await pickOption(page, 'assign-regions-0', QIQIHAR.name, { search: '齐齐哈尔', multiple: true });
    await confirmModal(page);
    const assignments = page.getByTestId('round-assignments');
    await assignments.getByText('测评员王明').waitFor();
    expect(await assignments.textContent()).toContain(QIQIHAR.name);
    await signOut(page);

    await signIn(page, server, INSPECTOR.username, INSPECTOR.password);
    await page.goto(`${server.url}/evaluation/rounds/${roundId}/score?region=${QIQIHAR.code}&method=field`);
    const sheet = page.getByTestId('scoring-sheet');
    await sheet.getByText(standard.text).click();
    const panel = page.getByTestId(`standard-panel-${standard.code}`);
    await panel.getByTestId(`finding-description-${standard.code}`).fill('卜奎大街一处公厕无人保洁');
    await panel.getByTestId(`finding-add-${standard.code}`).click();
    await panel.getByText('卜奎大街一处公厕无人保洁').waitFor();
    expect(await panel.textContent()).toContain('测评员王明');
    // Material review is not theirs: the sheet is shown read-only.
    await page.getByTestId('scoring-method-material').click();
    await page.getByTestId('scoring-read-only').waitFor();
  });

  it('takes the city’s material and the scorers’ material-review and field results', async () => {
    const standards = standardsOf(framework);
    const material = standards.filter((s) => s.method === 'material' && s.rule.kind === 'deduction');
    const fieldDeduction = standards.find((s) => s.method === 'field' && s.rule.kind === 'deduction')!;
    const fieldProportion = standards.find((s) => s.method === 'field' && s.rule.kind === 'proportion');
    expect(material.length).toBeGreaterThanOrEqual(2);
    const [reviewed, passed] = material as [FrameworkStandard, FrameworkStandard];

    // While the round is open, 齐齐哈尔 uploads its material for the first standard.
    const { page, server } = walk;
    const city = await apiSession(server.url, OFFICE.username, OFFICE.password);
    const evidence = await city.call<{ id: string }>(
      'POST',
      `/api/v1/evaluation/rounds/${roundId}/regions/${QIQIHAR.code}/evidence`,
      { standardCode: reviewed.code, note: '齐齐哈尔市创建工作实施方案（2019）' },
    );
    await city.upload(
      `/api/v1/evaluation/evidence/${evidence.id}/attachments`,
      minimalPdf(),
      '实施方案.pdf',
      'application/pdf',
    );

    await openRound(page, roundId);
    await moveRound(page, 'scoring');

    await page.getByTestId('round-workbench').click();
    await pickOption(page, 'scoring-region', QIQIHAR.name, { search: '齐齐哈尔' });
    await page.getByTestId('scoring-method-material').click();
    const sheet = page.getByTestId('scoring-sheet');
    await sheet.getByText(reviewed.text).click();
    const panel = page.getByTestId(`standard-panel-${reviewed.code}`);
    await panel.getByText('实施方案.pdf').waitFor();
    await panel.getByTestId(`finding-description-${reviewed.code}`).fill('实施方案未明确责任单位和完成时限');
    await pickOption(page, `finding-evidence-${reviewed.code}`, '齐齐哈尔市创建工作实施方案');
    await panel.getByTestId(`finding-add-${reviewed.code}`).click();
    await panel.getByText('实施方案未明确责任单位和完成时限').waitFor();
    expect(await panel.textContent()).toContain('系统管理员');

    await sheet.getByText(passed.text).click();
    await page.getByTestId(`standard-pass-${passed.code}`).click();
    await page.getByTestId(`standard-result-${passed.code}`).getByText('审核通过', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-workbench-material.png'), fullPage: true });

    await page.getByTestId('scoring-method-field').click();
    await sheet.getByText(fieldDeduction.text).click();
    const fieldPanel = page.getByTestId(`standard-panel-${fieldDeduction.code}`);
    await fieldPanel.getByTestId(`finding-description-${fieldDeduction.code}`).fill('龙沙路 300 米内仅见 2 处公益广告');
    await fieldPanel.getByTestId(`finding-add-${fieldDeduction.code}`).click();
    await fieldPanel.getByText('龙沙路 300 米内仅见 2 处公益广告').waitFor();
    const photo = path.join(work, '龙沙路.png');
    fs.writeFileSync(photo, PNG);
    await fieldPanel.locator('input[type=file]').first().setInputFiles(photo);
    await fieldPanel.getByText('龙沙路.png').waitFor();

    if (fieldProportion) {
      await sheet.getByText(fieldProportion.text).click();
      const proportion = page.getByTestId(`standard-panel-${fieldProportion.code}`);
      await proportion.getByLabel('检查数').fill('20');
      await proportion.getByLabel('合格数').fill('15');
      await proportion.getByTestId(`measure-save-${fieldProportion.code}`).click();
      await page
        .getByTestId(`standard-result-${fieldProportion.code}`)
        .getByText('合格 15 处', { exact: false })
        .waitFor();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-workbench-field.png'), fullPage: true });

    // The questionnaire's satisfaction score and an indicator value against its target.
    const survey = standards.find((s) => s.rule.kind === 'survey');
    const threshold = standards.find((s) => s.rule.kind === 'threshold');
    expect(survey && threshold).toBeDefined();
    if (survey && threshold) {
      await page.getByTestId(`scoring-method-${survey.method}`).click();
      await sheet.getByText(survey.text).click();
      const surveyPanel = page.getByTestId(`standard-panel-${survey.code}`);
      await surveyPanel.locator('.ant-input-number input').first().fill('85');
      await surveyPanel.getByTestId(`measure-save-${survey.code}`).click();
      await page.getByTestId(`standard-result-${survey.code}`).getByText('满意度 85').waitFor();
      await page.getByTestId(`scoring-method-${threshold.method}`).click();
      await sheet.getByText(threshold.text).click();
      const thresholdPanel = page.getByTestId(`standard-panel-${threshold.code}`);
      await thresholdPanel.locator('.ant-input-number input').first().fill('10.4');
      await thresholdPanel.getByTestId(`measure-save-${threshold.code}`).click();
      await page.getByTestId(`standard-result-${threshold.code}`).getByText('指标值 10.4', { exact: false }).waitFor();
    }
  });

  it('records a major safety accident for a titled city, which suspends its title', async () => {
    const { page, server } = walk;
    // 大庆's titles, recorded by the province with their decisions.
    await admin.call('POST', `/api/v1/evaluation/regions/${DAQING.code}/titles`, {
      title: 'national_nominated',
      change: 'awarded',
      effectiveOn: '2015-01-01',
      reason: '确定为第五届全国文明城市提名城市',
      decisionRef: '文明委〔2015〕1号',
    });
    await admin.call('POST', `/api/v1/evaluation/regions/${DAQING.code}/titles`, {
      title: 'national_civilized',
      change: 'awarded',
      effectiveOn: '2017-11-14',
      reason: '第五届全国文明城市',
      decisionRef: '文明委〔2017〕5号',
    });

    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-evaluation', 'nav-evaluation-incidents');
    await openModalBy(page, page.getByTestId('incident-record'));
    await pickOption(page, 'incident-region', DAQING.name, { search: '大庆', remote: true });
    await pickOption(page, 'incident-category', 'G15');
    const category = openModal(page).locator('.ant-form-item', { hasText: '负面清单类别' });
    await expect.poll(() => category.textContent()).toContain('G15 发生有全国影响的重大安全事故');
    await fillDate(page.getByTestId('incident-date'), '2019-08-10');
    await page.getByTestId('incident-title').fill(ACCIDENT);
    await page.getByTestId('incident-description').fill('造成 5 人死亡的重大安全生产事故，在全国造成影响。');
    await confirmModal(page);

    const effects = page.getByTestId('incident-effects');
    await effects.getByText('停止资格').first().waitFor();
    const report = path.join(work, '事故调查报告.pdf');
    fs.writeFileSync(report, minimalPdf());
    await page.getByTestId('incident-drawer').locator('input[type=file]').setInputFiles(report);
    await page.getByTestId('incident-files').getByText('事故调查报告.pdf').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-incident.png'), fullPage: true });
    await closeDrawer(page, page.getByTestId('incident-drawer'));
    await page.getByTestId('incident-table').getByText(ACCIDENT).waitFor();
  });

  it('publishes the round after review', async () => {
    const { page } = walk;
    // Publication is refused while a standard is unscored. The walk scored the standards it shows;
    // the rest are marked through the API as an evaluator would: a deduction standard inspected
    // without findings is reviewed, any other is not applicable this round, with the reason.
    const round = await admin.call<Round>('GET', `/api/v1/evaluation/rounds/${roundId}`);
    const rules = new Map(standardsOf(framework).map((standard) => [standard.code, standard.rule.kind]));
    for (const region of round.regions) {
      const base = `/api/v1/evaluation/rounds/${roundId}/regions/${region.code}/results`;
      const card = await admin.call<Scorecard>('GET', `/api/v1/evaluation/rounds/${roundId}/scorecards/${region.code}`);
      for (const { standardCode } of card.pending) {
        if (rules.get(standardCode) === 'deduction')
          await admin.call('PUT', `${base}/${standardCode}`, { reviewed: true });
        else await admin.call('PUT', `${base}/${standardCode}/not-applicable`, { reason: '本轮未安排此项测评' });
      }
    }
    await openRound(page, roundId);
    await moveRound(page, 'under_review');
    await moveRound(page, 'published');
    await page.getByTestId('round-publish-outcome').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-published.png'), fullPage: true });
  });

  it('shows the ranking, a city’s explained scorecard and the suspended title with its reason', async () => {
    const { page, server } = walk;
    await signIn(page, server, 'admin', server.adminPassword);
    await navigate(page, 'nav-evaluation', 'nav-evaluation-rankings');
    const ranking = page.getByTestId('ranking-table-prefecture');
    await ranking.getByText(QIQIHAR.name).waitFor();
    await page.getByTestId('ranking-table-capital').getByText('哈尔滨市').waitFor();
    expect(await ranking.textContent()).toMatch(/\d+\.\d%/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-ranking.png'), fullPage: true });
    // The 2018-2020 cycle so far: 2019's year-end result, the cycle not yet complete.
    await page.getByTestId('ranking-tab-cycle').click();
    const cycle = page.getByTestId('cycle-table');
    await cycle.getByText(QIQIHAR.name).waitFor();
    expect(await cycle.textContent()).toContain('周期未完成');
    await page.getByText('本轮排名').click();

    await page.getByTestId(`ranking-region-${QIQIHAR.code}`).click();
    const card = page.getByTestId('scorecard');
    await card.getByTestId('scorecard-region').getByText(QIQIHAR.name).waitFor();
    const losses = page.getByTestId('scorecard-losses');
    await losses.getByText('实施方案未明确责任单位和完成时限').waitFor();
    await losses.getByText('龙沙路 300 米内仅见 2 处公益广告').waitFor();
    await losses.getByText('卜奎大街一处公厕无人保洁').waitFor();
    expect(await losses.textContent()).toContain('测评员王明');
    // Each loss names its evidence: the city's material and the field photo.
    expect(await losses.textContent()).toContain('实施方案.pdf');
    expect(await losses.textContent()).toContain('龙沙路.png');
    expect(await losses.textContent()).toContain('系统管理员');
    expect(await page.getByTestId('scorecard-tree').locator('[data-testid^="loss-"]').count()).toBeGreaterThan(0);
    const scorecard = await admin.call<Scorecard>(
      'GET',
      `/api/v1/evaluation/rounds/${roundId}/scorecards/${QIQIHAR.code}`,
    );
    expect(scorecard.losses.length).toBeGreaterThanOrEqual(2);
    expect(await card.getByTestId('scorecard-rate').textContent()).toContain('%');
    // The published scorecard links to its audit proof: the entry written at publication, whose
    // recorded digest is the scorecard's.
    const proofHref = await card.getByTestId('scorecard-proof').getAttribute('href');
    const attestation = await admin.call<{ auditEntryId: number; version: number; regionCode: string }>(
      'GET',
      proofHref!,
    );
    expect(attestation).toMatchObject({ regionCode: QIQIHAR.code, version: 1 });
    expect(attestation.auditEntryId).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-scorecard.png'), fullPage: true });

    await page.getByTestId('nav-evaluation-titles').click();
    await page.getByTestId(`titles-open-${DAQING.code}`).click();
    const history = page.getByTestId('title-history');
    // The accident's suspension, dated and sourced to the incident, with the incident named in the reason.
    // (It ran from 2019-08-10 for a year, so the title's state today is no longer 暂停: the history
    // shows the dated suspension, and sanctions from the round carry the 通报's date, not today's.)
    const events = history.getByTestId('title-events');
    await events.getByText('停止资格').first().waitFor();
    await events.getByText('负面清单事件').first().waitFor();
    expect(await events.textContent()).toContain(ACCIDENT);
    expect(await events.textContent()).toContain('停止资格');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-titles.png'), fullPage: true });
    await closeDrawer(page, history);

    await page.getByTestId('nav-evaluation-results').click();
    await page.getByTestId(`results-print-${ROUND_NAME}`).click();
    const publication = page.getByTestId('publication');
    await publication.getByText('地级城市排名').waitFor();
    await publication.getByText('实施方案未明确责任单位和完成时限').waitFor();
    // Printed (or saved as PDF), the page is the document alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('publication-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-publication.png'), fullPage: true });

    // The same scorecard in English: the labels change, the domain text stays Chinese.
    await page.goto(`${server.url}/evaluation/rounds/${roundId}/scorecards/${QIQIHAR.code}`);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('scorecard').getByText('Why points were lost').waitFor();
    await page.getByTestId('scorecard-losses').getByText('龙沙路 300 米内仅见 2 处公益广告').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-scorecard-en.png'), fullPage: true });
    await page.getByTestId('language-switch').getByText('中文').click();
  });
});
