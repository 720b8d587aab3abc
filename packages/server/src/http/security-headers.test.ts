import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

// Issue 11 item 5: security headers on the API and the web app; HSTS only over HTTPS.

let ctx: TestContext;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  ctx = await createTestContext({ webDist, trustProxy: ['10.9.0.0/16'] });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
  expect(scriptSrc?.trim()).toBe("script-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe('security headers', () => {
  it('are sent by the API, on success and on errors, without HSTS over plain HTTP', async () => {
    for (const url of ['/api/v1/health', '/api/v1/no-such-route', '/api/v1/auth/me']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expectSecurityHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('are sent with the web app and its client-side routes', async () => {
    for (const url of ['/', '/cases/board']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(res.headers);
    }
  });

  it('include HSTS when the request came over HTTPS through a trusted proxy, and only then', async () => {
    const viaProxy = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      remoteAddress: '10.9.0.5',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(viaProxy.headers['strict-transport-security']).toContain('max-age=31536000');
    const spoofed = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      remoteAddress: '192.0.2.5',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});
