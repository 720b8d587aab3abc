import crypto from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { runCaseJobs } from '../../jobs/case-jobs.ts';
import { escalateOverdueCases } from './escalations.ts';
import { firstLoggedPass, servedJobs } from '../../test/serve-jobs.ts';
import { createUnit, DAOLI, phonePhoto, postPhoto, randomIp, report } from './fixtures.ts';

const ctx = fileTestContext();
let cityAdmin: Agent;
let officer: { id: string; agent: Agent; password: string };
let otherOfficer: Agent;
let inspector: Agent;
let secondInspector: Agent;
let unitId: string;
let superiorId: string;

beforeAll(async () => {
  // 哈尔滨市城市管理局 above 道里区城市管理局; the category 广告乱贴 names 城市管理局 as its default unit.
  superiorId = await createUnit(ctx, '2301', '哈尔滨市城市管理局');
  unitId = await createUnit(ctx, '230102', '道里区城市管理局', superiorId);
  const otherUnit = await createUnit(ctx, '230103', '南岗区城市管理局', superiorId);
  cityAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
  officer = await buildUser(ctx, { role: 'unit_officer', regionCode: '230102', orgUnitId: unitId });
  otherOfficer = (await buildUser(ctx, { role: 'unit_officer', regionCode: '230103', orgUnitId: otherUnit })).agent;
  inspector = (await buildUser(ctx, { role: 'inspector', regionCode: '2301' })).agent;
  secondInspector = (await buildUser(ctx, { role: 'inspector', regionCode: '230102' })).agent;
});

async function uploadPublic(): Promise<string> {
  const res = await postPhoto(ctx, '/api/v1/public/case-photos', await phonePhoto());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function uploadStaff(agent: Agent, kind: string): Promise<string> {
  const res = await postPhoto(ctx, '/api/v1/cases/photos', await phonePhoto(1200, 900), { agent, fields: { kind } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const act = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post(`/api/v1/cases/${id}/actions`, body);

describe('the full walk of a resident report', () => {
  it('report with a photo → number and deadline → accept → dispatch → handle → rework → handle → pass → closed → rated', async () => {
    const photoId = await uploadPublic();
    const res = await report(ctx, {
      categoryCode: 'event-poster',
      description: '中央大街路口电线杆上贴满小广告',
      ...DAOLI,
      address: '道里区中央大街与西十二道街交口',
      regionCode: '230102001',
      photoIds: [photoId],
      contact: { name: '王女士', phone: '13900000000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const intake = res.json();
    expect(intake.number).toMatch(/^\d{14}$/);
    expect(intake.trackingToken).toHaveLength(32);
    expect(intake.status).toBe('submitted');
    expect(intake.regionName).toBe('兆麟街道');
    // 广告乱贴: 1 working day, counted from the next working day, due at its 17:30 China time.
    expect(intake.deadline).toMatch(/T09:30:00\.000Z$/);

    // The public page: status, deadline, photo, no contact; only with the tracking token.
    const tracked = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/${intake.number}?token=${intake.trackingToken}`,
    });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      status: 'submitted',
      categoryName: '广告乱贴',
      deadline: intake.deadline,
      canRate: false,
    });
    expect(tracked.body).not.toContain('13900000000');
    expect(tracked.body).not.toContain('王女士');
    expect(tracked.json().photos[0].originalUrl).toBeUndefined();

    // The dispatcher's queue holds it; the detail shows the contact and the suggested unit.
    const queue = (await cityAdmin.get('/api/v1/cases?queue=dispatch')).json();
    expect(queue.items.map((c: { number: string }) => c.number)).toContain(intake.number);
    const detail = (await cityAdmin.get(`/api/v1/cases/${intake.id}`)).json();
    // The phone is masked in the detail (issue 11); reporter-phone.test.ts reveals it, audited.
    expect(detail.contact).toEqual({ name: '王女士', phone: '139****0000' });
    expect(detail.suggestedOrgUnit).toEqual({ id: unitId, name: '道里区城市管理局' });
    expect(detail.allowedActions).toEqual(['accept', 'reject', 'merge', 'dispatch']);

    expect((await act(cityAdmin, intake.id, { action: 'accept' })).statusCode).toBe(200);
    const dispatched = await act(cityAdmin, intake.id, { action: 'dispatch', note: '请尽快清理' });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', orgUnit: { id: unitId } });

    // The unit sees it in its queue and a notification.
    const unitQueue = (await officer.agent.get('/api/v1/cases?queue=unit')).json();
    expect(unitQueue.items).toEqual([expect.objectContaining({ id: intake.id, colour: expect.any(String) })]);
    await drainOutbox(ctx);
    const notes = await ctx.db.selectFrom('notification').selectAll().where('subject_id', '=', intake.id).execute();
    expect(notes.map((n) => n.recipient_org_unit_id)).toEqual([unitId]);

    expect((await act(officer.agent, intake.id, { action: 'start' })).json().status).toBe('handling');
    const after1 = await uploadStaff(officer.agent, 'after');
    const handled = await act(officer.agent, intake.id, { action: 'handle', note: '已清除小广告', photoIds: [after1] });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json().status).toBe('handled');

    // The inspectors' queue holds it; the handler's name is on it.
    const verifyQueue = (await inspector.get('/api/v1/cases?queue=verify')).json();
    expect(verifyQueue.items.map((c: { id: string }) => c.id)).toContain(intake.id);
    // Verification fails once: back to handling, counted as rework.
    const failed = await act(inspector, intake.id, { action: 'verify', passed: false, note: '仍有残留' });
    expect(failed.json()).toMatchObject({ status: 'handling', reworkCount: 1 });
    const after2 = await uploadStaff(officer.agent, 'after');
    await act(officer.agent, intake.id, { action: 'handle', note: '已彻底清除并刷漆', photoIds: [after2] });
    const passed = await act(secondInspector, intake.id, { action: 'verify', passed: true });
    expect(passed.json()).toMatchObject({ status: 'closed', reworkCount: 1 });
    expect(passed.json().photos.map((p: { kind: string }) => p.kind)).toEqual(['before', 'after', 'after']);

    // The reporter rates with the token.
    const rated = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${intake.number}/rating`,
      payload: { token: intake.trackingToken, satisfaction: 5, fixed: true },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'closed', rating: { satisfaction: 5, fixed: true }, canRate: false });
    expect(rated.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'accepted',
      'dispatched',
      'started',
      'handled',
      'verification_failed',
      'handled',
      'verification_passed',
      'rated',
    ]);
    // Public timeline: the unit's own words are public, staff names are not.
    expect(rated.json().events[4]).toMatchObject({ note: '已清除小广告', orgUnitName: '道里区城市管理局' });
    expect(rated.json().events[4].actorName).toBeUndefined();

    // A second rating by the same reporter is refused; a wrong token too.
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${intake.number}/rating`,
      payload: { token: intake.trackingToken, satisfaction: 1, fixed: true },
    });
    expect(again.statusCode).toBe(409);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${intake.number}/rating`,
      payload: { token: 'x'.repeat(32), satisfaction: 1, fixed: true },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().errors[0].field).toBe('body.token');

    // Every action left an audit row.
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', intake.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'case.report',
      'case.accept',
      'case.dispatch',
      'case.start',
      'case.handle',
      'case.verify',
      'case.handle',
      'case.verify',
      'case.rate',
    ]);

    // Statistics count it: closed, rework, satisfaction (a city's read by category is the roll-up's,
    // kept by the case events' delivery, which a server runs after each write: decision 0195).
    await drainOutbox(ctx);
    const stats = await cityAdmin.get('/api/v1/cases/stats?groupBy=category&categoryCode=event-poster');
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().total).toMatchObject({ closed: 1, closureRate: 1, reworkRate: 1, satisfaction: 5, ratings: 1 });
  });

  it('keeps EXIF and GPS in the original and strips them from the display version', async () => {
    const photoId = await uploadPublic();
    const res = await report(ctx, {
      categoryCode: 'event-garbage',
      description: '垃圾堆',
      ...DAOLI,
      regionCode: '230102',
      photoIds: [photoId],
    });
    const id = res.json().id;
    const display = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/case-photos/${photoId}` });
    expect(display.statusCode).toBe(200);
    const shown = await sharp(display.rawPayload).metadata();
    expect(shown.exif).toBeUndefined();
    expect(Math.max(shown.width!, shown.height!)).toBe(1280);
    const original = await cityAdmin.get(`/api/v1/cases/${id}/photos/${photoId}/original`);
    expect(original.statusCode).toBe(200);
    const kept = await sharp(original.rawPayload).metadata();
    expect(kept.width).toBe(2400);
    expect(kept.exif?.toString('latin1')).toContain('TestPhone');
    // The original is staff-only.
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/photos/${photoId}/original` })).statusCode,
    ).toBe(401);
  });

  it('refuses a file that is not a photo, naming the field', async () => {
    const res = await postPhoto(ctx, '/api/v1/public/case-photos', Buffer.from('%PDF-1.4\n'), { fileName: 'a.pdf' });
    expect(res.statusCode).toBe(415);
    expect(res.json().errors[0].field).toBe('body.file');
    const fake = await postPhoto(ctx, '/api/v1/public/case-photos', Buffer.from('not a jpeg at all'), {
      fileName: 'a.jpg',
    });
    expect(fake.statusCode).toBe(415);
  });
});

describe('idempotent intake', () => {
  const body = { categoryCode: 'event-stall', description: '占道摆摊卖水果', ...DAOLI, regionCode: '230102' };

  it('returns the same case and token for the same key, and 409 for other content under that key', async () => {
    const key = crypto.randomUUID();
    const first = await report(ctx, body, key);
    const second = await report(ctx, body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      id: first.json().id,
      number: first.json().number,
      trackingToken: first.json().trackingToken,
      replayed: true,
    });
    const other = await report(ctx, { ...body, description: '另一件事' }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('header.idempotency-key');
    // The key in the body works as well as the header.
    const viaBody = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases',
      payload: { ...body, idempotencyKey: key },
    });
    expect(viaBody.json().id).toBe(first.json().id);
  });

  it('makes one case from concurrent requests with one key', async () => {
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => report(ctx, body, key)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const rows = await ctx.db.selectFrom('case_intake_key').select('case_id').where('key', '=', key).execute();
    expect(rows).toHaveLength(1);
  });

  it('requires a key and names the fields of a bad report', async () => {
    const noKey = await ctx.app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: body });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0].field).toBe('header.idempotency-key');
    const bad = await report(ctx, { categoryCode: 'event-stall', description: '', lat: 91, lng: 126 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.description', 'body.lat']);
    const group = await report(ctx, { ...body, categoryCode: 'event-street' });
    expect(group.json().errors[0]).toMatchObject({ field: 'body.categoryCode' });
    // The category's refusals come from the message catalogue: Chinese by default, English when asked.
    expect(group.json().errors[0].message).toBe('event-street 是问题大类或已停用，请选择其下的问题小类');
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases',
      remoteAddress: randomIp(),
      headers: { 'idempotency-key': crypto.randomUUID(), 'accept-language': 'en' },
      payload: { ...body, categoryCode: 'event-nothing' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({
      field: 'body.categoryCode',
      message: 'unknown category event-nothing; see GET /api/v1/public/case-categories',
    });
    const nowhere = await report(ctx, { categoryCode: 'event-stall', description: '摆摊', address: '某路' });
    expect(nowhere.json().errors[0].field).toBe('body.regionCode');
    // A point in Harbin with a region in Qiqihar (2302) is refused.
    const mismatch = await report(ctx, { ...body, regionCode: '230202' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('body.regionCode');
    const photo = await report(ctx, { ...body, photoIds: [crypto.randomUUID()] });
    expect(photo.json().errors[0].field).toBe('body.photoIds.0');
  });

  it('limits reports per address: the 21st in a minute is refused with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/cases',
        remoteAddress: '192.0.2.77',
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: { categoryCode: 'event-stall', description: `第 ${i} 次`, ...DAOLI, regionCode: '230102' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 201)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('places a report with only a point in its prefecture', async () => {
    const res = await report(ctx, { categoryCode: 'event-stall', description: '只有定位', ...DAOLI });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: '2301', regionName: '哈尔滨市' });
  });
});

describe('duplicates and merging', () => {
  it('suggests a nearby open case of the same category, merges, and lets both reporters follow and rate the survivor', async () => {
    const first = (
      await report(ctx, {
        categoryCode: 'event-sewage',
        description: '餐馆污水直排路面',
        ...DAOLI,
        regionCode: '230102',
      })
    ).json();
    const near = { lat: DAOLI.lat + 0.0005, lng: DAOLI.lng };
    const second = (
      await report(ctx, { categoryCode: 'event-sewage', description: '路边污水横流', ...near, regionCode: '230102' })
    ).json();
    expect(second.possibleDuplicates).toEqual([expect.objectContaining({ number: first.number, distanceMetres: 56 })]);
    const nearby = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/nearby?categoryCode=event-sewage&lat=${near.lat}&lng=${near.lng}`,
    });
    expect(nearby.json().items.map((c: { number: string }) => c.number)).toEqual([second.number, first.number]);
    // Another category or far away: no suggestion.
    const far = (
      await report(ctx, {
        categoryCode: 'event-sewage',
        description: '远处',
        lat: DAOLI.lat + 0.01,
        lng: DAOLI.lng,
        regionCode: '230102',
      })
    ).json();
    expect(far.possibleDuplicates).toEqual([]);

    const merged = await act(cityAdmin, second.id, { action: 'merge', intoCaseId: first.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'duplicate', mergedInto: { id: first.id, number: first.number } });
    const survivor = (await cityAdmin.get(`/api/v1/cases/${first.id}`)).json();
    expect(survivor.mergedFrom).toEqual([{ id: second.id, number: second.number }]);
    const tracked = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/public/cases/${second.number}?token=${second.trackingToken}`,
      })
    ).json();
    expect(tracked.mergedInto).toBe(first.number);

    // Walk the survivor to closed; the second reporter rates it with their own token.
    await act(cityAdmin, first.id, { action: 'dispatch', orgUnitId: unitId });
    await act(officer.agent, first.id, { action: 'start' });
    await act(officer.agent, first.id, {
      action: 'handle',
      note: '已封堵排污口',
      photoIds: [await uploadStaff(officer.agent, 'after')],
    });
    await act(inspector, first.id, { action: 'verify', passed: true });
    const rating = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${first.number}/rating`,
      payload: { token: second.trackingToken, satisfaction: 2, fixed: false, comment: '还在排' },
    });
    expect(rating.statusCode, rating.body).toBe(200);
    // "Not fixed" reopens it for verification.
    expect(rating.json()).toMatchObject({ status: 'handled' });
    expect(rating.json().events.at(-1)).toMatchObject({ kind: 'reopened', note: '还在排' });
  });

  it('suggests within the configured distance, which only a province administrator changes', async () => {
    expect((await cityAdmin.get('/api/v1/cases/settings')).json()).toEqual({
      duplicateMetres: 200,
      duplicateDays: 30,
      stageLimits: {
        accept: { amount: 2, unit: 'hours' },
        dispatch: { amount: 2, unit: 'hours' },
        verify: { amount: 1, unit: 'days' },
      },
    });
    expect(
      (await cityAdmin.put('/api/v1/cases/settings', { duplicateMetres: 2000, duplicateDays: 30 })).statusCode,
    ).toBe(403);
    const bad = await ctx.admin.put('/api/v1/cases/settings', { duplicateMetres: 5, duplicateDays: 30 });
    expect(bad.json().errors[0].field).toBe('body.duplicateMetres');
    const a = (
      await report(ctx, { categoryCode: 'comp-bin', description: '垃圾箱坏了', ...DAOLI, regionCode: '230102' })
    ).json();
    const farther = { lat: DAOLI.lat + 0.005, lng: DAOLI.lng };
    const before = (
      await report(ctx, { categoryCode: 'comp-bin', description: '垃圾箱破损', ...farther, regionCode: '230102' })
    ).json();
    expect(before.possibleDuplicates).toEqual([]);
    expect(
      (await ctx.admin.put('/api/v1/cases/settings', { duplicateMetres: 1000, duplicateDays: 30 })).statusCode,
    ).toBe(200);
    const after = (
      await report(ctx, { categoryCode: 'comp-bin', description: '垃圾箱又坏', ...farther, regionCode: '230102' })
    ).json();
    expect(after.possibleDuplicates.map((d: { number: string }) => d.number)).toEqual([before.number, a.number]);
    await ctx.admin.put('/api/v1/cases/settings', { duplicateMetres: 200, duplicateDays: 30 });
  });

  it('refuses to merge into a case of another category', async () => {
    const a = (
      await report(ctx, { categoryCode: 'event-garbage', description: '垃圾', ...DAOLI, regionCode: '230102' })
    ).json();
    const b = (
      await report(ctx, { categoryCode: 'event-stall', description: '摊位', ...DAOLI, regionCode: '230102' })
    ).json();
    const res = await act(cityAdmin, a.id, { action: 'merge', intoCaseId: b.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.intoCaseId');
  });
});

describe('scope and role refusals', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (
      await report(ctx, { categoryCode: 'event-garbage', description: '垃圾乱堆', ...DAOLI, regionCode: '230102' })
    ).json().id;
    await act(cityAdmin, caseId, { action: 'dispatch', orgUnitId: unitId });
  });

  it("keeps another unit's officer out", async () => {
    expect((await otherOfficer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const res = await act(otherOfficer, caseId, { action: 'start' });
    expect(res.statusCode).toBe(403);
    expect((await otherOfficer.get('/api/v1/cases?queue=unit')).json().items).toEqual([]);
  });

  it('keeps a city administrator of another city out', async () => {
    const qiqihar = (await buildUser(ctx, { role: 'city_admin', regionCode: '2302' })).agent;
    expect((await qiqihar.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const res = await act(qiqihar, caseId, { action: 'accept' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
    expect((await qiqihar.get('/api/v1/cases/stats?groupBy=region&regionCode=2301')).statusCode).toBe(403);
  });

  it('does not let whoever handled a case verify it', async () => {
    await act(officer.agent, caseId, { action: 'start' });
    await act(officer.agent, caseId, {
      action: 'handle',
      note: '已清运',
      photoIds: [await uploadStaff(officer.agent, 'after')],
    });
    // The officer becomes an inspector (a transfer): still the handler of this case.
    await ctx.db
      .updateTable('app_user')
      .set({ role: 'inspector', org_unit_id: null })
      .where('id', '=', officer.id)
      .execute();
    const row = await ctx.db
      .selectFrom('app_user')
      .select('username')
      .where('id', '=', officer.id)
      .executeTakeFirstOrThrow();
    const turned = await ctx.loginAs(row.username, officer.password);
    const res = await act(turned, caseId, { action: 'verify', passed: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('处置案件的人不能核查该案件');
    await ctx.db
      .updateTable('app_user')
      .set({ role: 'unit_officer', org_unit_id: unitId })
      .where('id', '=', officer.id)
      .execute();
  });

  it('answers 409 naming body.action for an action the state does not allow, and 403 for a role without it', async () => {
    const res = await act(cityAdmin, caseId, { action: 'accept' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('body.action');
    expect((await act(inspector, caseId, { action: 'dispatch' })).statusCode).toBe(403);
    const resident = (await buildUser(ctx, { role: 'resident', regionCode: '2301' })).agent;
    expect((await resident.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
  });
});

describe('clock: pause, resume and extension', () => {
  it('moves the deadline by the paused working time and by an approved extension', async () => {
    const c = (
      await report(ctx, {
        categoryCode: 'event-illegal-building',
        description: '私搭棚屋',
        ...DAOLI,
        regionCode: '230102',
      })
    ).json();
    await act(cityAdmin, c.id, { action: 'dispatch', orgUnitId: unitId });
    const paused = await act(cityAdmin, c.id, { action: 'pause', reason: '请举报人补充具体门牌号' });
    expect(paused.json()).toMatchObject({ paused: true });
    // The reporter answers with the token: the clock runs again.
    const supplemented = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${c.number}/supplement`,
      payload: { token: c.trackingToken, text: '门牌号是地段街 88 号' },
    });
    expect(supplemented.statusCode, supplemented.body).toBe(200);
    expect(supplemented.json().paused).toBe(false);
    expect(supplemented.json().events.find((e: { kind: string }) => e.kind === 'paused').note).toBe(
      '请举报人补充具体门牌号',
    );
    expect(supplemented.json().events.find((e: { kind: string }) => e.kind === 'supplemented').note).toBeNull();

    await act(officer.agent, c.id, { action: 'start' });
    const asked = await act(officer.agent, c.id, {
      action: 'request_extension',
      amount: 5,
      unit: 'days',
      reason: '需走拆除程序',
    });
    expect(asked.json().pendingExtension).toMatchObject({ amount: 5, unit: 'days' });
    const before = new Date(asked.json().deadline);
    const approved = await act(cityAdmin, c.id, { action: 'decide_extension', approve: true });
    expect(approved.json().pendingExtension).toBeNull();
    const after = new Date(approved.json().deadline);
    // Five working days later: at least a week of calendar time.
    expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 1);
    // A unit may return a wrongly dispatched case, with a reason.
    const returned = await act(officer.agent, c.id, { action: 'return', reason: '属住建部门职责' });
    expect(returned.json()).toMatchObject({ status: 'accepted', orgUnit: null });
    // The dispatcher must now choose the unit: the suggestion was wrong.
    const again = await act(cityAdmin, c.id, { action: 'dispatch' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.orgUnitId');
  });
});

describe('overdue escalation', () => {
  it('tells the unit and its superior once when a dispatched case passes its deadline', async () => {
    const c = (
      await report(ctx, { categoryCode: 'comp-manhole', description: '井盖缺失', ...DAOLI, regionCode: '230102' })
    ).json();
    await act(cityAdmin, c.id, { action: 'dispatch', orgUnitId: unitId });
    await ctx.db
      .updateTable('problem_case')
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', c.id)
      .execute();
    expect(await escalateOverdueCases(ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueCases(ctx.db)).toBe(0);
    await drainOutbox(ctx);
    const notes = await ctx.db
      .selectFrom('notification')
      .select(['recipient_org_unit_id', 'threshold'])
      .where('subject_id', '=', c.id)
      .where('threshold', '=', 'overdue')
      .execute();
    expect(notes.map((n) => n.recipient_org_unit_id).sort()).toEqual([unitId, superiorId].sort());
    const detail = (await cityAdmin.get(`/api/v1/cases/${c.id}`)).json();
    expect(detail).toMatchObject({ overdue: true, colour: 'red' });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'escalated', note: '逾期，已报 哈尔滨市城市管理局 督办' });
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toContain('case.escalate');
  });
});

describe('indicator store', () => {
  it("publishes the month's filed and closed cases per county with source cases", async () => {
    const result = await runCaseJobs(ctx.db);
    expect(result).toMatchObject({ published: expect.any(Number) });
    expect(result).not.toHaveProperty('publishError');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const rows = await ctx.db
      .selectFrom('observation')
      .select(['data_element_code', 'value'])
      .where('region_code', '=', '230102')
      .where('period', '=', month)
      .where('source', '=', 'cases')
      .orderBy('data_element_code')
      .execute();
    const [closed, filed] = rows;
    expect(closed).toMatchObject({ data_element_code: 'cases-closed' });
    expect(filed).toMatchObject({ data_element_code: 'cases-filed' });
    expect(Number(closed!.value)).toBeGreaterThanOrEqual(1);
    expect(Number(filed!.value)).toBeGreaterThanOrEqual(Number(closed!.value));
  });
});

describe('the case jobs in serve', () => {
  it('run at once and then on their interval, and not at all when the interval is 0', async () => {
    expect(servedJobs('cases', 0)).toEqual([]);
    const logged = await firstLoggedPass(ctx, servedJobs('cases', 60));
    expect(logged).toMatchObject({ job: 'cases', escalated: expect.any(Number), published: expect.any(Number) });
  });
});

describe('configuration', () => {
  it("uses a dispatch rule before the default unit, within the administrator's scope", async () => {
    const special = await createUnit(ctx, '230102', '道里区市场监督管理局');
    const rule = await cityAdmin.post('/api/v1/cases/dispatch-rules', {
      regionCode: '230102',
      categoryCode: 'event-stall',
      orgUnitId: special,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const c = (
      await report(ctx, { categoryCode: 'event-stall', description: '流动摊贩', ...DAOLI, regionCode: '230102001' })
    ).json();
    const dispatched = await act(cityAdmin, c.id, { action: 'dispatch' });
    expect(dispatched.json().orgUnit).toEqual({ id: special, name: '道里区市场监督管理局' });
    expect(
      (
        await cityAdmin.post('/api/v1/cases/dispatch-rules', {
          regionCode: '230102',
          categoryCode: 'event-stall',
          orgUnitId: special,
        })
      ).statusCode,
    ).toBe(409);
    const qiqihar = (await buildUser(ctx, { role: 'city_admin', regionCode: '2302' })).agent;
    expect((await qiqihar.delete(`/api/v1/cases/dispatch-rules/${rule.json().id}`)).statusCode).toBe(404);
    expect((await cityAdmin.delete(`/api/v1/cases/dispatch-rules/${rule.json().id}`)).statusCode).toBe(204);
  });

  it('lets a province administrator change a time limit, and nobody narrower', async () => {
    const res = await ctx.admin.patch('/api/v1/cases/categories/event-poster', {
      timeLimit: { amount: 8, unit: 'hours' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().timeLimit).toEqual({ amount: 8, unit: 'hours' });
    const refused = await cityAdmin.patch('/api/v1/cases/categories/event-poster', { active: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    const group = await ctx.admin.patch('/api/v1/cases/categories/event-ad', {
      timeLimit: { amount: 1, unit: 'days' },
    });
    expect(group.json().errors[0].field).toBe('body.timeLimit');
    await ctx.admin.patch('/api/v1/cases/categories/event-poster', { timeLimit: { amount: 1, unit: 'days' } });
  });

  it('serves the holiday calendar with its source notices', async () => {
    const res = await cityAdmin.get('/api/v1/cases/holidays?year=2025');
    expect(res.json().items).toEqual([
      expect.objectContaining({
        year: 2025,
        source: expect.stringContaining('国办发明电〔2024〕12号'),
        workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      }),
    ]);
  });

  it('offers the public region picker', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/regions?parent=230102' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ code: '230102001', name: '兆麟街道', level: 4, hasChildren: true });
  });

  it("counts a unit officer's own unit only, in the statistics and on the map", async () => {
    const from = '2000-01-01';
    const keys = async (agent: Agent) => {
      const res = await agent.get(`/api/v1/cases/stats?groupBy=unit&from=${from}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows.map((r: { key: string }) => r.key);
    };
    expect(await keys(cityAdmin)).toContain(unitId);
    expect(await keys(officer.agent)).toEqual([unitId]);
    expect(await keys(otherOfficer)).not.toContain(unitId);
    const ids = async (agent: Agent) => {
      const res = await agent.get('/api/v1/cases/map');
      expect(res.statusCode, res.body).toBe(200);
      return new Set(res.json().points.map((p: { id: string }) => p.id));
    };
    const all = await ids(cityAdmin);
    const ours = await ids(officer.agent);
    const theirs = await ids(otherOfficer);
    for (const id of ours) expect(all.has(id)).toBe(true);
    for (const id of theirs) expect(ours.has(id)).toBe(false);
  });

  it('maps open cases and counts them per district', async () => {
    const res = await cityAdmin.get('/api/v1/cases/map');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().points.length).toBeGreaterThan(0);
    expect(res.json().byRegion.find((r: { regionCode: string }) => r.regionCode === '230102')).toMatchObject({
      regionName: '道里区',
    });
  });
});
