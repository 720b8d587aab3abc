import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { generateSigner } from '../audit/signing.ts';
import { sequenceAuditLog } from '../audit/index.ts';
import { startMetricsListener } from './metrics.ts';

// Issue 11 item 8: /metrics was public. Now: a token on the main port, or a separate listener.

const TOKEN = 'metrics-token-for-tests-0123456789';
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ metricsToken: TOKEN });
});
afterAll(() => ctx.close());

const scrape = (headers: Record<string, string>, remoteAddress = '192.0.2.9') =>
  ctx.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

describe('/metrics', () => {
  it('answers only with the configured bearer token, from loopback too', async () => {
    expect((await scrape({})).statusCode).toBe(401);
    expect((await scrape({}, '127.0.0.1')).statusCode).toBe(401);
    const wrong = await scrape({ authorization: 'Bearer not-the-token' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Bearer');
    const right = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('http_request_duration_seconds');
  });

  it('is served without a token on its own listener, and nothing else is', async () => {
    const listener = await startMetricsListener({ host: '127.0.0.1', port: 0 });
    try {
      const metrics = await fetch(`http://127.0.0.1:${listener.port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('process_cpu_seconds_total');
      expect((await fetch(`http://127.0.0.1:${listener.port}/api/v1/health`)).status).toBe(404);
    } finally {
      await listener.close();
    }
  });

  it("reports the audit sequencer's backlog and lag, and both fall to 0 once it has run", async () => {
    const gauge = (body: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1]);
    await sequenceAuditLog(ctx.db, { signer: generateSigner() });
    await ctx.admin.put('/api/v1/regions/2302/population', { population: 4067491, year: 2021 });
    const waiting = (await scrape({ authorization: `Bearer ${TOKEN}` })).body;
    expect(gauge(waiting, 'audit_pending_entries')).toBeGreaterThanOrEqual(1);
    expect(gauge(waiting, 'audit_sequencer_lag_seconds')).toBeGreaterThan(0);

    await sequenceAuditLog(ctx.db, { signer: generateSigner() });
    const done = (await scrape({ authorization: `Bearer ${TOKEN}` })).body;
    expect(gauge(done, 'audit_pending_entries')).toBe(0);
    expect(gauge(done, 'audit_sequencer_lag_seconds')).toBe(0);
  });
});
