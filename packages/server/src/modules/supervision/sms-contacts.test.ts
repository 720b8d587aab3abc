import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { unitId } from './fixtures.ts';

const ctx = fileTestContext();

describe("a unit's SMS numbers over the API (decision 0143)", () => {
  it('are set by an administrator in scope or the unit itself, shown masked, audited without the numbers, and refused to others', async () => {
    const housing = await unitId(ctx.db, '省住建厅');
    const url = `/api/v1/supervision/sms-contacts/${housing}`;
    const set = await ctx.admin.put(url, { phones: ['13800138000', '13900139000'] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ orgUnitId: housing, name: '省住建厅', phones: ['138****8000', '139****9000'] });
    expect((await ctx.admin.get(url)).json().phones).toEqual(['138****8000', '139****9000']);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', housing)
      .where('action', '=', 'sms.contacts')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('13800138000');

    // A bad number names its place and changes nothing.
    const bad = await ctx.admin.put(url, { phones: ['13700137000', '12345'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.phones[1]');
    expect((await ctx.admin.get(url)).json().phones).toEqual(['138****8000', '139****9000']);

    // The unit's own officer may keep its numbers; another unit's officer and another city may not.
    const own = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: housing });
    const mine = await own.agent.put(url, { phones: ['13600136000'] });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().phones).toEqual(['136****6000']);
    const finance = await unitId(ctx.db, '省财政厅');
    const other = await buildUser(ctx, { role: 'unit_officer', regionCode: '23', orgUnitId: finance });
    expect((await other.agent.put(url, { phones: [] })).statusCode).toBe(403);
    expect((await other.agent.get(url)).statusCode).toBe(403);
    const city = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await city.agent.put(url, { phones: [] })).statusCode).toBe(403);
    expect((await ctx.admin.get(`/api/v1/supervision/sms-contacts/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await ctx.admin.get(url)).json().phones).toEqual(['136****6000']);
  });
});
