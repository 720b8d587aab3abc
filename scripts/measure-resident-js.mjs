// Measures what a phone downloads to open the resident's report page (/report): the JavaScript
// files and their bytes on the wire, served as the server serves the built web app (app.ts:
// pre-compressed, cache headers) and, for comparison, as it served it before (uncompressed).
// Only the web app is served here, no API: the page's scripts do not depend on API answers.
//
//   node scripts/build-web.mjs && node scripts/measure-resident-js.mjs
import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { chromium } from 'playwright-core';

const dist = path.resolve(import.meta.dirname, '../packages/web/dist');

async function serve(preCompressed) {
  const app = Fastify();
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'], preCompressed });
  app.setNotFoundHandler((request, reply) => reply.type('text/html').sendFile('index.html'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

async function measure(browser, preCompressed) {
  const app = await serve(preCompressed);
  const { port } = app.server.address();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const scripts = [];
  page.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'script') return;
    const sizes = await request.sizes();
    const response = await request.response();
    scripts.push({
      url: new URL(request.url()).pathname,
      wire: sizes.responseBodySize,
      encoding: (await response?.allHeaders())?.['content-encoding'] ?? 'none',
    });
  });
  await page.goto(`http://127.0.0.1:${port}/report`);
  // The form is there (its scripts ran), and nothing more is being fetched.
  await page.getByTestId('report-submit').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  await app.close();
  return scripts;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
for (const [label, preCompressed] of [
  ['before (uncompressed)', false],
  ['after (pre-compressed br)', true],
]) {
  const scripts = await measure(browser, preCompressed);
  const total = scripts.reduce((sum, s) => sum + s.wire, 0);
  console.log(`${label}: ${scripts.length} scripts, ${total} bytes on the wire (${(total / 1024).toFixed(0)} KiB)`);
  for (const s of scripts.sort((a, b) => b.wire - a.wire).slice(0, 6))
    console.log(`  ${s.url} ${s.wire} ${s.encoding}`);
}
await browser.close();
