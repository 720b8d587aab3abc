import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { provincialLiaisons, unitIds } from '../../test/province.ts';
import { runReminders } from '../../jobs/reminders.ts';
import { unitId } from './fixtures.ts';
import { todayInChina } from './units.ts';

const ctx = fileTestContext();
let housing: string;
let finance: string;
let housingOfficer: Agent;
let financeOfficer: Agent;
const today = todayInChina();
const PLAN = 'heilongjiang-2018-2020';

beforeAll(async () => {
  [housing, finance] = await unitIds(ctx, '省住建厅', '省财政厅');
  [housingOfficer, financeOfficer] = await provincialLiaisons(ctx, housing, finance);
});

const meeting = (overrides: Record<string, unknown> = {}) => ({
  planCode: PLAN,
  title: '全省创城工作联席会议（第一次）',
  heldOn: today,
  location: '省委宣传部',
  attendeeOrgUnitIds: [housing, finance],
  minutes: '通报各成员单位进展',
  decisions: '集中供热覆盖率年底前达标',
  actionItems: [
    { title: '制定供热改造方案', ownerOrgUnitId: housing, due: addDays(today, 5) },
    { title: '落实改造资金', description: '列入年度预算', ownerOrgUnitId: finance, due: addDays(today, 90) },
  ],
  ...overrides,
});

describe('joint meetings with action items', () => {
  it('records a meeting whose items are tracked, derived and completed by their owner', async () => {
    const created = await ctx.admin.post('/api/v1/meetings', meeting());
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m.attendees.map((a: { name: string }) => a.name).sort()).toEqual(['省住建厅', '省财政厅'].sort());
    const [soon, later] = m.actionItems;
    expect(soon).toMatchObject({
      owner: { name: '省住建厅' },
      derivedStatus: 'due_soon',
      colour: 'yellow',
      daysLeft: 5,
    });
    expect(later).toMatchObject({ derivedStatus: 'on_track', colour: 'green', description: '列入年度预算' });

    expect(
      (await ctx.admin.get(`/api/v1/meetings?planCode=${PLAN}`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(m.id);
    expect((await housingOfficer.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(200);
    const mine = (await housingOfficer.get('/api/v1/my/action-items')).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toEqual([soon.id]);

    // Only the owner or the office completes an item, once.
    expect((await financeOfficer.post(`/api/v1/action-items/${soon.id}/complete`, { note: 'x' })).statusCode).toBe(403);
    const done = await housingOfficer.post(`/api/v1/action-items/${soon.id}/complete`, { note: '方案已印发' });
    expect(done.json()).toMatchObject({
      status: 'done',
      derivedStatus: 'done',
      colour: 'green',
      completionNote: '方案已印发',
    });
    expect((await housingOfficer.post(`/api/v1/action-items/${soon.id}/complete`, { note: '' })).statusCode).toBe(409);
    expect((await ctx.admin.post(`/api/v1/action-items/${later.id}/complete`, { note: '办公室确认' })).statusCode).toBe(
      200,
    );

    const patched = await ctx.admin.patch(`/api/v1/meetings/${m.id}`, {
      decisions: '改为十月底前达标',
      attendeeOrgUnitIds: [housing],
    });
    expect(patched.json()).toMatchObject({ decisions: '改为十月底前达标', attendees: [{ id: housing }] });
    const added = await ctx.admin.post(`/api/v1/meetings/${m.id}/action-items`, {
      items: [{ title: '报送整改情况', ownerOrgUnitId: finance, due: addDays(today, -1) }],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().items[0]).toMatchObject({ derivedStatus: 'overdue', colour: 'red' });
    // The finance department owns an item, so it still sees the meeting.
    expect((await financeOfficer.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(200);

    const audit = (await ctx.admin.get(`/api/v1/audit?entityId=${m.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['meeting.create', 'meeting.update', 'meeting.add_action_items']),
    );
  });

  it('reminds owners of action items due within 7 days and overdue, once', async () => {
    const m = (await ctx.admin.post('/api/v1/meetings', meeting())).json();
    const item = m.actionItems[0].id as string;
    await runReminders(ctx.db, today);
    await runReminders(ctx.db, addDays(today, 6));
    await runReminders(ctx.db, addDays(today, 6));
    const rows = await ctx.db
      .selectFrom('notification')
      .select('threshold')
      .where('subject_id', '=', item)
      .orderBy('threshold')
      .execute();
    expect(rows.map((r) => r.threshold)).toEqual(['due-7', 'overdue']);
  });

  it('records a 联络员例会 as a meeting type of its own beside the 联席会议, listed by type', async () => {
    const joint = (await ctx.admin.post('/api/v1/meetings', meeting())).json();
    expect(joint.kind).toBe('joint');
    const liaison = await ctx.admin.post(
      '/api/v1/meetings',
      meeting({ kind: 'liaison', title: '全省创城工作联络员例会（第三次）', actionItems: [] }),
    );
    expect(liaison.statusCode).toBe(201);
    expect(liaison.json()).toMatchObject({ kind: 'liaison', title: '全省创城工作联络员例会（第三次）' });
    const listed = (await ctx.admin.get('/api/v1/meetings?kind=liaison')).json().items as {
      id: string;
      kind: string;
    }[];
    expect(listed.map((m) => m.id)).toEqual([liaison.json().id]);
    const joints = (await ctx.admin.get('/api/v1/meetings?kind=joint')).json().items as { kind: string }[];
    expect(joints.length).toBeGreaterThan(0);
    expect(joints.every((m) => m.kind === 'joint')).toBe(true);
    const changed = await ctx.admin.patch(`/api/v1/meetings/${joint.id}`, { kind: 'liaison' });
    expect(changed.json().kind).toBe('liaison');
    const bad = await ctx.admin.post('/api/v1/meetings', meeting({ kind: 'plenary' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.kind');
    expect((await ctx.admin.get('/api/v1/meetings?kind=plenary')).statusCode).toBe(400);
  });

  it('refuses what a role or scope does not allow, and bad input by field', async () => {
    const m = (await ctx.admin.post('/api/v1/meetings', meeting())).json();
    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
    expect((await inspector.agent.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await housingOfficer.post('/api/v1/meetings', meeting())).statusCode).toBe(403);
    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await daqing.agent.get(`/api/v1/meetings/${m.id}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await daqing.agent.patch(`/api/v1/meetings/${m.id}`, { title: 'x' })).json().code).toBe('OUT_OF_SCOPE');
    expect(
      (await daqing.agent.post(`/api/v1/action-items/${m.actionItems[0].id}/complete`, { note: '' })).json().code,
    ).toBe('OUT_OF_SCOPE');
    // A city office assigns items only to units in its city.
    const cityMeeting = await daqing.agent.post('/api/v1/meetings', meeting());
    expect(cityMeeting.json().code).toBe('OUT_OF_SCOPE');
    const daqingOffice = await unitId(ctx.db, '大庆市精神文明办');
    const ok = await daqing.agent.post(
      '/api/v1/meetings',
      meeting({
        attendeeOrgUnitIds: [daqingOffice],
        actionItems: [{ title: '自查', ownerOrgUnitId: daqingOffice, due: today }],
      }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().regionCode).toBe('2306');

    const unknown = await ctx.admin.post('/api/v1/meetings', meeting({ agenda: 'x' }));
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('agenda');
    const badPlan = await ctx.admin.post('/api/v1/meetings', meeting({ planCode: 'nope' }));
    expect(badPlan.json().errors[0].field).toBe('body.planCode');
    const badOwner = await ctx.admin.post(
      '/api/v1/meetings',
      meeting({ actionItems: [{ title: 'x', ownerOrgUnitId: '00000000-0000-4000-8000-000000000000', due: today }] }),
    );
    expect(badOwner.json().errors[0].field).toBe('body.actionItems[0].ownerOrgUnitId');
  });
});
