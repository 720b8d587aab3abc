import crypto from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileTestContext } from '../../test/harness.ts';
import { DAOLI } from './fixtures.ts';

// Issue 13: an intake was 19-23 statements, each a round trip (docs/PERFORMANCE.md, decision 0186).
// Counted here at the driver: every query a pg client sends, on PGlite (behind pg.Pool) and PostgreSQL.

const ctx = fileTestContext();
let bearer: Record<string, string>;

beforeAll(async () => {
  const created = await ctx.admin.post('/api/v1/auth/tokens', { name: 'intake-count' });
  bearer = { authorization: `Bearer ${created.json().token}` };
});

/** The statements the database receives while `run` runs (nothing else runs in this file meanwhile). */
async function statements<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = args[0] as string | { text: string };
    sent.push(typeof text === 'string' ? text : text.text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), sent };
  } finally {
    pg.Client.prototype.query = original;
  }
}

const intake = (payload: Record<string, unknown>, key = crypto.randomUUID()) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { ...bearer, 'idempotency-key': key },
    payload: {
      categoryCode: 'event-poster',
      description: '计数：路口电线杆上贴满小广告',
      ...DAOLI,
      address: '道里区中央大街',
      regionCode: '230102001',
      channel: 'hotline',
      ...payload,
    },
  });

describe('an intake through the API', () => {
  it('is three statements once the reference data is kept: the token, the reads, the write', async () => {
    // the first intake loads the categories, settings and calendar
    expect((await intake({})).statusCode).toBe(201);
    const { result, sent } = await statements(() => intake({ description: '计数：第二次上报' }));
    expect(result.statusCode, result.body).toBe(201);
    expect(sent, sent.join('\n---\n')).toHaveLength(3);
    expect(sent[2]).toMatch(/insert into problem_case/);
    expect(result.json().possibleDuplicates.map((d: { number: string }) => d.number)).toHaveLength(1);
  });

  it('answers a replay with the same case and files nothing new', async () => {
    const key = crypto.randomUUID();
    const first = await intake({ description: '计数：重放' }, key);
    const again = await intake({ description: '计数：重放' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, number: first.json().number, replayed: true });
    const reused = await intake({ description: '计数：换了内容' }, key);
    expect(reused.statusCode).toBe(409);
  });
});
