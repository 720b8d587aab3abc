import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Where a failed browser test leaves its evidence: `e2e/artifacts/<walk>-<database>/<test>/`,
 * ignored by git and kept by CI as output. Documented in the README.
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

/** How much of the server's log a failure keeps: enough for the failing requests. */
const LOG_TAIL_LINES = 300;

function slug(text: string): string {
  return (
    text
      .replace(/[^\w\u4e00-\u9fff]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'test'
  );
}

/**
 * Saves, for every page the failed test had open, a full-page screenshot and the page's HTML as
 * it was when the step failed, and the tail of the server's log; prints the folder.
 */
export async function saveFailureEvidence(walk: string, test: string, pages: Page[], serverLog: string) {
  const folder = path.join(ARTIFACTS, slug(walk), slug(test));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (const [index, page] of pages.entries()) {
    const base = path.join(folder, `page-${index + 1}`);
    // A page that crashed or closed still leaves the others' evidence.
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch((e: Error) => {
      fs.writeFileSync(`${base}.screenshot-error.txt`, String(e.message));
    });
    const html = await page.content().catch((e: Error) => `<!-- no HTML: ${e.message} -->`);
    fs.writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${html}`);
  }
  fs.writeFileSync(path.join(folder, 'server.log'), serverLog.split('\n').slice(-LOG_TAIL_LINES).join('\n'));
  console.error(`e2e: evidence of the failed test "${test}" (${walk}) is in ${folder}`);
}
