import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FrameworkSummary, Round } from '@chuangcheng/core';
import { horizontalOverflow, seriousViolations } from './support/a11y.ts';
import { apiSession } from './support/api-session.ts';
import { browserWalk, SCREENSHOTS, signIn } from './support/walk.ts';

const walk = browserWalk(import.meta.filename);

/** The main staff pages, each with an element that is there once the page has its data. */
const STAFF_PAGES: [string, string][] = [
  ['/home', 'home-section-cases'],
  ['/plans', 'breadcrumb'],
  ['/supervision', 'board-programmes'],
  ['/supervision/notices', 'notice-table'],
  ['/supervision/instructions', 'instruction-table'],
  ['/supervision/ledger', 'ledger-table'],
  ['/supervision/meetings', 'meeting-table'],
  ['/cockpit', 'breadcrumb'],
  ['/indicators', 'breadcrumb'],
  ['/cases', 'breadcrumb'],
  ['/regions', 'region-tree'],
  ['/org-units', 'breadcrumb'],
  ['/users', 'breadcrumb'],
  ['/audit', 'breadcrumb'],
  ['/evaluation/rounds', 'breadcrumb'],
  ['/data-entry', 'data-entry'],
  ['/data-approvals', 'breadcrumb'],
  ['/evaluation/frameworks', 'framework-table'],
  ['/evaluation/rankings', 'breadcrumb'],
  ['/evaluation/incidents', 'incident-table'],
  ['/evaluation/titles', 'titles-table'],
  ['/evaluation/results', 'results-table'],
  ['/cases/stats', 'case-stats-table'],
  ['/cases/map', 'case-map'],
  ['/cases/config', 'case-rule-add'],
];

/** Waits until the page has its element and nothing is loading any more. */
async function settled(page: Page, testId: string) {
  await page.getByTestId(testId).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
}

describe(`accessibility and fit of the main pages (${walk.kind})`, () => {
  /** Pages whose path needs data: a framework, a round in scoring, a resident's case. */
  let frameworkId = '';
  let roundId = '';
  /** The case's number and the tracking code its reporter was given. */
  let tracked = { number: '', trackingToken: '' };

  beforeAll(async () => {
    const { server } = walk;
    const admin = await apiSession(server.url, 'admin', server.adminPassword);
    const { items } = await admin.call<{ items: FrameworkSummary[] }>('GET', '/api/v1/evaluation/frameworks');
    frameworkId = items[0]!.id;
    const round = await admin.call<Round>('POST', '/api/v1/evaluation/rounds', {
      name: '2019年度第一季度测评',
      kind: 'routine',
      frameworkId,
      year: 2019,
      periodStart: '2019-01-01',
      periodEnd: '2019-03-31',
      testDate: '2019-04-15',
      ownerRegionCode: '23',
      regions: [
        { code: '2302', cityGroup: 'prefecture' },
        { code: '2306', cityGroup: 'prefecture' },
      ],
    });
    roundId = round.id;
    for (const to of ['open', 'scoring']) {
      await admin.call('POST', `/api/v1/evaluation/rounds/${roundId}/transition`, { to });
    }
    const reported = await fetch(`${server.url}/api/v1/public/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-a11y-track-0001-aaaa' },
      body: JSON.stringify({
        categoryCode: 'event-garbage',
        description: '花园街道某小区门口垃圾堆放三天无人清运。',
        regionCode: '230103001',
        address: '花园街 1 号',
      }),
    });
    if (reported.status !== 201) throw new Error(`public report: ${reported.status} ${await reported.text()}`);
    tracked = (await reported.json()) as typeof tracked;
  });

  it('staff pages at 1440×900: no serious or critical axe-core violation, no sideways scroll', async () => {
    const { page, server } = walk;
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, server, 'admin', server.adminPassword);
    const found: Record<string, unknown> = {};
    const overflow: Record<string, number> = {};
    const pages: [string, string][] = [
      ...STAFF_PAGES,
      [`/evaluation/frameworks/${frameworkId}`, 'framework-tree'],
      [`/evaluation/rounds/${roundId}`, 'round-title'],
      [`/evaluation/rounds/${roundId}/score?region=2302&method=field`, 'scoring-sheet'],
    ];
    for (const [pathname, testId] of pages) {
      await page.goto(`${server.url}${pathname}`);
      await settled(page, testId);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[pathname] = violations;
      const sideways = await horizontalOverflow(page);
      if (sideways > 0) overflow[pathname] = sideways;
    }
    fs.writeFileSync(
      path.join(SCREENSHOTS, `axe-staff-${walk.kind}.json`),
      JSON.stringify({ found, overflow }, null, 1),
    );
    expect(found).toEqual({});
    expect(overflow).toEqual({});
  });

  it('the display wall at 1920×1080: no serious or critical axe-core violation', async () => {
    const { page, server } = walk;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(page, server, 'admin', server.adminPassword);
    await page.goto(`${server.url}/wall`);
    await settled(page, 'wall-stage');
    const violations = await seriousViolations(page);
    fs.writeFileSync(path.join(SCREENSHOTS, `axe-wall-${walk.kind}.json`), JSON.stringify(violations, null, 1));
    expect(violations).toEqual([]);
  });

  it('resident pages on a phone: no serious or critical axe-core violation', async () => {
    const { server } = walk;
    const phone = await (await walk.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    const found: Record<string, unknown> = {};
    for (const [pathname, testId] of [
      ['/public', 'public-report'],
      ['/report', 'report-category'],
      [`/track/${tracked.number}?t=${tracked.trackingToken}`, 'track-card'],
    ] as const) {
      await phone.goto(`${server.url}${pathname}`);
      await settled(phone, testId);
      const violations = await seriousViolations(phone);
      if (violations.length > 0) found[pathname] = violations;
    }
    fs.writeFileSync(path.join(SCREENSHOTS, `axe-resident-${walk.kind}.json`), JSON.stringify(found, null, 1));
    expect(found).toEqual({});
  });
});
