import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { provincialLiaisons, unitIds } from '../../test/province.ts';
import { exportedSheet } from '../../test/xlsx.ts';
import { PDF, upload } from '../attachments/upload-fixture.ts';
import { notifiedOf, taskId, unitId } from './fixtures.ts';
import { todayInChina } from './units.ts';

/* 领导批示 tracking (sup3, issue 18): record → 签收 → 办理情况报告 → 办结, 退回 with a reason, overdue. */

const ctx = fileTestContext();
let housing: string; // 省住建厅, the lead unit
let finance: string; // 省财政厅, assisting
let office: string; // 省精神文明办, the issuing office
let harbinOffice: string;
let officer: Agent; // 省住建厅's liaison
let financeOfficer: Agent;
let developmentOfficer: Agent; // 省发改委: neither lead nor assisting
let daqingAdmin: Agent;
const today = todayInChina();
const base = '/api/v1/supervision/instructions';

beforeAll(async () => {
  let development: string;
  [housing, finance, office, harbinOffice, development] = await unitIds(
    ctx,
    '省住建厅',
    '省财政厅',
    '省精神文明办',
    '哈尔滨市精神文明办',
    '省发改委',
  );
  [officer, financeOfficer, developmentOfficer] = await provincialLiaisons(ctx, housing, finance, development);
  daqingAdmin = await buildAgent(ctx, 'city_admin', '2306');
});

const valid = (over: object = {}) => ({
  leaderName: '张三',
  leaderPost: '省委副书记',
  instructedOn: addDays(today, -2),
  content: '请省住建厅牵头，抓紧解决老旧小区集中供热问题，并报办理情况。',
  documentTitle: '关于部分老旧小区供热不达标的情况反映',
  leadOrgUnitId: housing,
  assistingOrgUnitIds: [finance],
  replyDue: addDays(today, 10),
  ...over,
});

const create = async (over: object = {}) => {
  const res = await ctx.admin.post(base, valid(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; overdue: boolean; allowedActions: string[] };
};

const notified = (recipient: string, subjectId: string) => notifiedOf(ctx, recipient, subjectId);

describe('领导批示', () => {
  it('is signed, reported on, returned once with a reason, reported again and closed; audited and told', async () => {
    const created = await create({ taskId: await taskId(ctx.db, '2.1') });
    expect(created).toMatchObject({
      status: 'pending_sign',
      overdue: false,
      leaderPost: '省委副书记',
      issuingOffice: { id: office },
      leadUnit: { id: housing },
      assistingUnits: [{ id: finance }],
      task: { number: '2.1' },
      allowedActions: [],
    });
    const id = created.id;
    const at = (action: string, agent: Agent, body: object = {}) => agent.post(`${base}/${id}/${action}`, body);
    // The lead and assisting units are told of it.
    expect((await notified(housing, id)).map((n) => n.threshold)).toEqual(['create']);
    expect((await notified(finance, id))[0]!.title).toContain('省委副书记张三批示');

    // The lead unit sees what it may do; an assisting unit reads but does not sign.
    expect((await officer.get(`${base}/${id}`)).json().allowedActions).toEqual(['sign', 'report']);
    expect((await financeOfficer.get(`${base}/${id}`)).json().allowedActions).toEqual([]);
    expect((await at('sign', financeOfficer)).statusCode).toBe(403);
    // The office does not accept before a report.
    const early = await at('accept', ctx.admin);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INSTRUCTION_STATE');

    expect((await at('sign', officer)).json().status).toBe('in_progress');
    expect((await at('sign', officer)).statusCode).toBe(409);
    const interim = await at('report', officer, { text: '已完成摸底，正在制定方案。', final: false });
    expect(interim.json().status).toBe('in_progress');
    const reported = await at('report', officer, { text: '已完成12个小区的管网改造。' });
    expect(reported.json()).toMatchObject({ status: 'reported', allowedActions: [] });
    expect((await notified(office, id)).map((n) => n.threshold)).toEqual(['report:1', 'report:2']);
    expect((await ctx.admin.get(`${base}/${id}`)).json().allowedActions).toEqual(['accept', 'return']);

    // Returned with a reason: back to 办理中, the unit is told why.
    const noReason = await at('return', ctx.admin, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    const returned = await at('return', ctx.admin, { reason: '请补充剩余小区的改造时间表' });
    expect(returned.json()).toMatchObject({ status: 'in_progress', returnedCount: 1 });
    const told = await notified(housing, id);
    expect(told.find((n) => n.threshold === 'return:1')!.title).toContain('请补充剩余小区的改造时间表');

    await at('report', officer, { text: '补充：其余小区12月底前完成。', final: true });
    const closed = await at('accept', ctx.admin, { note: '同意办结' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect((await notified(housing, id)).map((n) => n.threshold)).toContain('accept:1');
    expect(closed.json().timeline.map((s: { action: string }) => s.action)).toEqual([
      'create',
      'sign',
      'report',
      'report',
      'return',
      'report',
      'accept',
    ]);
    expect(closed.json().timeline[4]).toMatchObject({ action: 'return', text: '请补充剩余小区的改造时间表' });
    expect((await at('report', officer, { text: '再报' })).statusCode).toBe(409);

    const audit = (await ctx.admin.get(`/api/v1/audit?entityId=${id}&limit=100`)).json().items;
    const actions = audit.map((a: { action: string }) => a.action);
    for (const action of ['instruction.create', 'instruction.sign', 'instruction.report', 'instruction.return']) {
      expect(actions).toContain(action);
    }
    expect(actions).toContain('instruction.accept');
  });

  it('is overdue when the reply date passed without a final report, and filters by it', async () => {
    const late = await create({ instructedOn: addDays(today, -20), replyDue: addDays(today, -1) });
    expect(late.overdue).toBe(true);
    const onTime = await create();
    const list = await ctx.admin.get(`${base}?overdue=true&limit=200`);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
    // A final report, even late, ends the overdue mark.
    const reported = await officer.post(`${base}/${late.id}/report`, { text: '已办理。' });
    expect(reported.json()).toMatchObject({ status: 'reported', overdue: false });
    const byState = (await ctx.admin.get(`${base}?status=reported&limit=200`)).json();
    expect(byState.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(byState.items.every((i: { status: string }) => i.status === 'reported')).toBe(true);
  });

  it('pages the list', async () => {
    await create();
    await create();
    const first = (await ctx.admin.get(`${base}?page=1&limit=1`)).json();
    const second = (await ctx.admin.get(`${base}?page=2&limit=1`)).json();
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('exports the list to Excel with its filters and scope, every page', async () => {
    const sheetOf = async (agent: Agent, query = '') => exportedSheet(await agent.get(`${base}/export.xlsx${query}`));
    const listed = (await ctx.admin.get(`${base}?page=1&limit=200`)).json();
    const all = await sheetOf(ctx.admin);
    expect(all.header.slice(0, 5)).toEqual(['批示日期', '批示领导', '批示文件', '批示内容', '牵头单位']);
    expect(all.rows).toHaveLength(listed.total);
    expect(all.rows.map((r) => r[3])).toEqual(listed.items.map((i: { content: string }) => i.content));
    expect(all.rows[0]![8]).toMatch(/^(待签收|办理中|已报告待办结|已办结)$/);
    const signing = (await ctx.admin.get(`${base}?page=1&limit=200&status=pending_sign`)).json();
    expect((await sheetOf(ctx.admin, '?status=pending_sign')).rows).toHaveLength(signing.total);
    // A unit that handles none of them gets an empty sheet, not the province's list.
    expect((await sheetOf(developmentOfficer)).rows).toHaveLength(
      (await developmentOfficer.get(`${base}?page=1&limit=200`)).json().total,
    );
  });
});

describe('the 工作台', () => {
  it('shows 批示待办 to the lead unit and 批示待审 to the issuing office', async () => {
    const created = await create();
    type Bench = {
      sections: { key: string; items: { id: string; link: string }[] }[];
      figures: { key: string; value: number }[];
    };
    const bench = async (agent: Agent) => (await agent.get('/api/v1/workbench')).json() as Bench;
    const ids = (b: Bench) => b.sections.find((s) => s.key === 'instructions')?.items.map((i) => i.id) ?? [];

    const unit = await bench(officer);
    expect(unit.figures.map((f) => f.key)).toContain('instructionsToDo');
    expect(ids(unit)).toContain(created.id);
    // An assisting unit has nothing to do on it.
    expect(ids(await bench(financeOfficer))).not.toContain(created.id);
    expect(ids(await bench(ctx.admin))).not.toContain(created.id);

    await officer.post(`${base}/${created.id}/report`, { text: '已办理。' });
    expect(ids(await bench(officer))).not.toContain(created.id);
    const office = await bench(ctx.admin);
    expect(office.figures.map((f) => f.key)).toContain('instructionsToReview');
    expect(ids(office)).toContain(created.id);
  });
});

describe('files', () => {
  it('takes the original document from the office and evidence from the lead unit, shown on the detail', async () => {
    const created = await create();
    const url = `${base}/${created.id}/attachments`;
    expect((await upload(ctx, ctx.admin, url, '批示原件.pdf', PDF)).statusCode).toBe(201);
    expect((await upload(ctx, officer, url, '改造台账.pdf', PDF)).statusCode).toBe(201);
    // Neither an assisting unit nor another city's office attaches; an unrelated unit does not read.
    expect((await upload(ctx, financeOfficer, url, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(ctx, daqingAdmin, url, 'x.pdf', PDF)).json().code).toBe('OUT_OF_SCOPE');
    const detail = (await financeOfficer.get(`${base}/${created.id}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName).sort()).toEqual(
      ['批示原件.pdf', '改造台账.pdf'].sort(),
    );
    const file = detail.attachments[0].id as string;
    expect((await financeOfficer.get(`/api/v1/attachments/${file}`)).statusCode).toBe(200);
    expect((await developmentOfficer.get(`/api/v1/attachments/${file}`)).statusCode).toBe(403);
  });
});

describe('转督办', () => {
  it('issues a 督办单 to the lead unit with source 领导批示, linked both ways; refused out of scope', async () => {
    const created = await create();
    const url = `${base}/${created.id}/notices`;
    const body = {
      planCode: 'heilongjiang-2018-2020',
      requiredAction: '请于期限内报送办理进展',
      replyDue: addDays(today, 7),
    };
    expect((await officer.post(url, body)).statusCode).toBe(403);
    expect((await daqingAdmin.post(url, body)).json().code).toBe('OUT_OF_SCOPE');
    expect((await ctx.admin.post(url, { ...body, planCode: 'no-such-plan' })).json().errors[0].field).toBe(
      'body.planCode',
    );
    const res = await ctx.admin.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'leader_instruction',
      instructionId: created.id,
      orgUnit: { id: housing },
      status: 'issued',
    });
    expect(res.json().reason).toContain('省委副书记张三批示');
    const detail = (await officer.get(`${base}/${created.id}`)).json();
    expect(detail.notices).toEqual([{ id: res.json().id, number: res.json().number, status: 'issued' }]);
  });
});

describe('scope', () => {
  it('shows a unit only the instructions it handles, and refuses the rest', async () => {
    const created = await create();
    const mine = (await officer.get(`${base}?limit=200`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const theirs = (await developmentOfficer.get(`${base}?limit=200`)).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await developmentOfficer.get(`${base}/${created.id}`)).statusCode).toBe(403);
    expect((await developmentOfficer.get(`${base}?orgUnitId=${housing}`)).statusCode).toBe(403);
    expect((await developmentOfficer.post(`${base}/${created.id}/report`, { text: '越权' })).statusCode).toBe(403);
  });

  it("refuses another city's office on the province's instruction and on units outside its scope", async () => {
    const created = await create();
    const read = await daqingAdmin.get(`${base}/${created.id}`);
    expect(read.json().code).toBe('OUT_OF_SCOPE');
    const list = (await daqingAdmin.get(`${base}?limit=200`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    await officer.post(`${base}/${created.id}/report`, { text: '已办理。' });
    expect((await daqingAdmin.post(`${base}/${created.id}/accept`, {})).json().code).toBe('OUT_OF_SCOPE');
    expect((await daqingAdmin.post(`${base}/${created.id}/return`, { reason: '不行' })).json().code).toBe(
      'OUT_OF_SCOPE',
    );
    // 大庆 records an instruction for 哈尔滨's office, as lead or as assisting unit: refused, nothing written.
    const before = await ctx.db.selectFrom('leader_instruction').select('id').execute();
    const lead = await daqingAdmin.post(base, valid({ leadOrgUnitId: harbinOffice, assistingOrgUnitIds: [] }));
    expect(lead.json().code).toBe('OUT_OF_SCOPE');
    const daqingOffice = await unitId(ctx.db, '大庆市精神文明办');
    const helper = await daqingAdmin.post(
      base,
      valid({ leadOrgUnitId: daqingOffice, assistingOrgUnitIds: [harbinOffice] }),
    );
    expect(helper.json().code).toBe('OUT_OF_SCOPE');
    // A unit officer does not record instructions.
    expect((await officer.post(base, valid())).statusCode).toBe(403);
    expect(await ctx.db.selectFrom('leader_instruction').select('id').execute()).toHaveLength(before.length);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field, in the request language, and writes nothing', async () => {
    const before = await ctx.db.selectFrom('leader_instruction').select('id').execute();
    const cases: [object, string][] = [
      [{ leaderName: '' }, 'body.leaderName'],
      [{ replyDue: '2026-02-30' }, 'body.replyDue'],
      [{ replyDue: addDays(today, -5), instructedOn: addDays(today, -2) }, 'body.replyDue'],
      [{ instructedOn: addDays(today, 3) }, 'body.instructedOn'],
      [{ leadOrgUnitId: crypto.randomUUID() }, 'body.leadOrgUnitId'],
      [{ assistingOrgUnitIds: [housing] }, 'body.assistingOrgUnitIds'],
      [{ taskId: crypto.randomUUID() }, 'body.taskId'],
    ];
    for (const [over, field] of cases) {
      const res = await ctx.admin.post(base, valid(over));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field, JSON.stringify(over)).toBe(field);
    }
    const english = await ctx.app.inject({
      method: 'POST',
      url: base,
      payload: valid({ leaderPost: '' }),
      headers: { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken, 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().title).toMatch(/^[\x20-\x7e]+$/);
    const chinese = await ctx.admin.post(base, valid({ leaderPost: '' }));
    expect(chinese.json().title).toMatch(/[\u4e00-\u9fff]/);
    expect(await ctx.db.selectFrom('leader_instruction').select('id').execute()).toHaveLength(before.length);
  });
});
