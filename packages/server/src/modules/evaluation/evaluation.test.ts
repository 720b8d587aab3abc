import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkDocument, standardsOf } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { PREFECTURE_CODES } from '../../test/province.ts';
import { drainOutbox } from '../../outbox/worker.ts';
import { PDF, PNG, upload } from '../attachments/upload-fixture.ts';
import { completeScoring, completeScoringInDatabase, modelFramework, roundRequest } from './scoring-fixture.ts';

// The walk an office takes: import the framework from Excel, open a year-end round for the 13
// prefecture-level units, take material and field results, record a major safety accident,
// publish, and read the ranking, the explained scorecards and the titles.

const HARBIN = '2301';
const QIQIHAR = '2302';
const HEGANG = '2304';
const YICHUN = '2307';

const ctx = fileTestContext();
let frameworkId: string;
let doc: FrameworkDocument;
let roundId: string;
let fieldInspector: { id: string; agent: Agent };
let materialInspector: { id: string; username: string; agent: Agent };
let idleInspector: Agent;
let harbinOfficer: Agent;
let harbinAdmin: Agent;
let qiqiharAdmin: Agent;

beforeAll(async () => {
  frameworkId = (await modelFramework(ctx.admin)).id;
  fieldInspector = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
  materialInspector = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
  idleInspector = (await buildUser(ctx, { role: 'inspector', regionCode: '23' })).agent;
  harbinOfficer = (await buildUser(ctx, { role: 'unit_officer', regionCode: HARBIN })).agent;
  harbinAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: HARBIN })).agent;
  qiqiharAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: QIQIHAR })).agent;
});

async function workbookWith(edit: (sheet: import('exceljs').Worksheet) => void): Promise<Buffer> {
  const exported = await ctx.admin.get(`/api/v1/evaluation/frameworks/${frameworkId}/export.xlsx`);
  expect(exported.statusCode).toBe(200);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
  edit(workbook.getWorksheet('测评标准')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('framework import from Excel', () => {
  it('refuses a file with a bad row, naming the row and column, and imports nothing', async () => {
    const before = (await ctx.admin.get(`/api/v1/evaluation/frameworks/${frameworkId}`)).json();
    expect(before.isModel).toBe(true);
    expect(before.document.notice).toMatch(/模型/);
    const bad = await workbookWith((sheet) => {
      sheet.getRow(3).getCell(8).value = '四分'; // 分值
      sheet.getRow(5).getCell(9).value = '电话抽查'; // 测评方法
    });
    const res = await upload(ctx, ctx.admin, `/api/v1/evaluation/frameworks/${frameworkId}/import`, 'bad.xlsx', bad);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('IMPORT_FAILED');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'row 3: 分值', message: expect.stringContaining('四分') }),
        expect.objectContaining({ field: 'row 5: 测评方法', message: expect.stringContaining('电话抽查') }),
      ]),
    );
    const after = (await ctx.admin.get(`/api/v1/evaluation/frameworks/${frameworkId}`)).json();
    expect(after.version).toBe(before.version);
  });

  it("says what the schema refuses in a row in the reader's language", async () => {
    // 5000 points is a number (the sheet's own check passes) but over the standard's limit of 1000.
    const tooMany = await workbookWith((sheet) => {
      sheet.getRow(3).getCell(8).value = 5000; // 分值
    });
    const url = `/api/v1/evaluation/frameworks/${frameworkId}/import`;
    const zh = await upload(ctx, ctx.admin, url, 'big.xlsx', tooMany);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual([{ field: 'row 3: 分值', message: '不能大于 1000' }]);
    const en = await upload(ctx, ctx.admin, url, 'big.xlsx', tooMany, 'file', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([{ field: 'row 3: 分值', message: 'must be at most 1000' }]);
  });

  it('offers the empty template with an example row', async () => {
    const res = await harbinAdmin.get('/api/v1/evaluation/frameworks/template.xlsx');
    expect(res.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('测评标准')!;
    expect(sheet.getRow(1).getCell(8).value).toBe('分值');
    expect(sheet.rowCount).toBe(2);
  });

  it('imports the corrected file as a new version with its history', async () => {
    const fixed = await workbookWith((sheet) => {
      sheet.getRow(2).getCell(7).value = '政务服务事项网上可办率100%，办事指南公开完整';
    });
    const res = await upload(
      ctx,
      ctx.admin,
      `/api/v1/evaluation/frameworks/${frameworkId}/import`,
      'fixed.xlsx',
      fixed,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ unchanged: false, standards: 32, framework: { version: 2 } });
    const detail = (await ctx.admin.get(`/api/v1/evaluation/frameworks/${frameworkId}`)).json();
    expect(detail.versions[0]).toMatchObject({ version: 2, changes: { added: 0, removed: 0, changed: 1 } });
    expect(detail.document.negativeList.map((e: { code: string }) => e.code)).toContain('G15');
    doc = FrameworkDocument.parse(detail.document);
    // the same file again changes nothing
    const again = await upload(
      ctx,
      ctx.admin,
      `/api/v1/evaluation/frameworks/${frameworkId}/import`,
      'fixed.xlsx',
      fixed,
    );
    expect(again.json()).toMatchObject({ unchanged: true, framework: { version: 2 } });
  });

  it('a city administrator cannot revise the province’s framework; a broken document names its field', async () => {
    const res = await upload(ctx, harbinAdmin, `/api/v1/evaluation/frameworks/${frameworkId}/import`, 'x.xlsx', PDF);
    expect(res.statusCode).toBe(403);
    const broken = { ...doc, cycle: { years: 3, yearWeights: [0.5, 0.5] } };
    const put = await ctx.admin.put(`/api/v1/evaluation/frameworks/${frameworkId}`, { document: broken, note: 'x' });
    expect(put.statusCode).toBe(400);
    expect(put.json().errors).toEqual([expect.objectContaining({ field: 'body.document.cycle.yearWeights' })]);
  });
});

const codesOf = (method: string, rule?: string) =>
  standardsOf(doc)
    .filter((s) => s.standard.method === method && (!rule || s.standard.rule.kind === rule))
    .map((s) => s.standard);

describe('a year-end round for the prefecture cities', () => {
  it('records the titles the cities held: an award needs a nomination and a whole cycle', async () => {
    const early = await ctx.admin.post(`/api/v1/evaluation/regions/${HARBIN}/titles`, {
      title: 'national_civilized',
      change: 'awarded',
      effectiveOn: '2015-02-28',
      reason: '第四批全国文明城市',
      decisionRef: '文明委〔2015〕1号',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toContain('eligibility.holds_prerequisite');
    const noReason = await ctx.admin.post(`/api/v1/evaluation/regions/${HARBIN}/titles`, {
      title: 'national_nominated',
      change: 'awarded',
      effectiveOn: '2012-01-01',
      reason: ' ',
      decisionRef: 'x',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    for (const [code, title, on, reason] of [
      [HARBIN, 'national_nominated', '2012-01-01', '全国文明城市提名城市'],
      [HARBIN, 'national_civilized', '2015-02-28', '第四批全国文明城市'],
      [YICHUN, 'national_nominated', '2015-01-01', '全国文明城市提名城市'],
    ] as const) {
      const res = await ctx.admin.post(`/api/v1/evaluation/regions/${code}/titles`, {
        title,
        change: 'awarded',
        effectiveOn: on,
        reason,
        decisionRef: '文明委〔2015〕1号',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // a city administrator cannot record title decisions
    const city = await harbinAdmin.post(`/api/v1/evaluation/regions/${HARBIN}/titles`, {
      title: 'national_civilized',
      change: 'revoked',
      effectiveOn: '2016-01-01',
      reason: 'x',
      decisionRef: 'x',
    });
    expect(city.statusCode).toBe(403);
  });

  it('plans the round, refusing regions outside the office and offices outside their scope', async () => {
    const request = roundRequest(frameworkId, {
      name: '2019年度全省文明城市年终测评',
      kind: 'year_end',
      year: 2019,
      regions: PREFECTURE_CODES.map((code) => ({ code, cityGroup: code === HARBIN ? 'capital' : 'prefecture' })),
    });
    const outside = await harbinAdmin.post('/api/v1/evaluation/rounds', request);
    expect(outside.statusCode).toBe(403);
    const bad = await ctx.admin.post('/api/v1/evaluation/rounds', {
      ...request,
      regions: [
        { code: '9999', cityGroup: 'prefecture' },
        ...request.regions.slice(1),
        { code: QIQIHAR, cityGroup: 'county' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.regions.0.code', 'body.regions.13.code', 'body.regions.13.cityGroup']),
    );
    const created = await ctx.admin.post('/api/v1/evaluation/rounds', request);
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    roundId = round.id;
    expect(round).toMatchObject({ status: 'planned', framework: { version: 2, isModel: true } });
    expect(round.regions).toHaveLength(13);

    const assigned = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/assignments`, {
      assignments: [
        { userId: fieldInspector.id, method: 'field' },
        { userId: fieldInspector.id, method: 'simulation' },
        { userId: materialInspector.id, method: 'material', regionCodes: [HARBIN] },
      ],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(
      (await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to: 'scoring' })).statusCode,
    ).toBe(409);
    expect((await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to: 'open' })).statusCode).toBe(
      200,
    );
  });

  it('ranks nobody before anything is entered: "not yet scored", not 13 regions tied at rank 1', async () => {
    const before = (await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/ranking`)).json();
    const rows = before.groups.flatMap((g: { rows: { rank: number | null }[] }) => g.rows);
    expect(rows).toHaveLength(13);
    expect(rows.filter((r: { rank: number | null }) => r.rank !== null)).toEqual([]);
    const sheet = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/results.xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell(3, 1).value).toBe('未评分');
  });

  let evidenceId: string;
  it('the city uploads its material while the round is open', async () => {
    const standard = codesOf('material')[0]!.code;
    const res = await harbinOfficer.post(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/evidence`, {
      standardCode: standard,
      note: '政务服务事项清单及网上办理截图',
    });
    expect(res.statusCode, res.body).toBe(201);
    evidenceId = res.json().id;
    const file = await upload(
      ctx,
      harbinOfficer,
      `/api/v1/evaluation/evidence/${evidenceId}/attachments`,
      '清单.pdf',
      PDF,
    );
    expect(file.statusCode, file.body).toBe(201);
    // another city's officer cannot upload for 哈尔滨
    const qiqiharOfficer = (await buildUser(ctx, { role: 'unit_officer', regionCode: QIQIHAR })).agent;
    const other = await qiqiharOfficer.post(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/evidence`, {
      standardCode: standard,
    });
    expect(other.statusCode).toBe(403);
    expect(
      (await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to: 'scoring' })).statusCode,
    ).toBe(200);
  });

  let photoFinding: string;
  it('scorers enter material review and field results; each deduction keeps reason, evidence and scorer', async () => {
    const material = codesOf('material', 'deduction')[0]!;
    const finding = await materialInspector.agent.post(
      `/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/findings`,
      {
        standardCode: material.code,
        description: '办事指南缺少收费标准',
        evidenceId,
      },
    );
    expect(finding.statusCode, finding.body).toBe(201);
    expect(finding.json()).toMatchObject({ deduction: 1, evidenceId, scorer: { id: materialInspector.id } });

    const street = codesOf('field', 'deduction').find((s) => s.siteTypes.includes('main-road'))!;
    for (const description of ['中山路占道经营', '红军街乱扔垃圾']) {
      const res = await fieldInspector.agent.post(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/findings`, {
        standardCode: street.code,
        description,
        siteType: 'main-road',
        location: '南岗区',
      });
      expect(res.statusCode, res.body).toBe(201);
      photoFinding = res.json().id;
    }
    const photo = await upload(
      ctx,
      fieldInspector.agent,
      `/api/v1/evaluation/findings/${photoFinding}/attachments`,
      'p.png',
      PNG,
    );
    expect(photo.statusCode, photo.body).toBe(201);

    // measured standards for every city: checks, satisfaction, indicator values (typed in)
    for (const code of PREFECTURE_CODES) {
      const low = code === HEGANG;
      for (const s of codesOf('field', 'proportion').concat(codesOf('simulation', 'proportion'))) {
        const res = await fieldInspector.agent.put(
          `/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${s.code}`,
          {
            checked: 10,
            passed: low ? 3 : 10,
          },
        );
        expect(res.statusCode, res.body).toBe(200);
      }
      for (const s of codesOf('questionnaire')) {
        const res = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${s.code}`, {
          satisfaction: low ? 40 : 95,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      for (const s of codesOf('indicator')) {
        const res = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${s.code}`, {
          value: low ? 5 : 99,
          note: '手工录入（指标库尚未接入）',
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  }, 240_000); // enters a round's scores: slow on a busy machine; a bound for a hang, not a timing assertion

  it('refuses scorers outside their assignment and cities scoring themselves', async () => {
    const field = codesOf('field', 'deduction')[0]!.code;
    const material = codesOf('material', 'deduction')[0]!.code;
    const body = { standardCode: field, description: '未分配的检查' };
    expect(
      (await idleInspector.post(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/findings`, body)).statusCode,
    ).toBe(403);
    // assigned to material for 哈尔滨 only
    const wrongMethod = await materialInspector.agent.post(
      `/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/findings`,
      body,
    );
    expect(wrongMethod.statusCode).toBe(403);
    const wrongCity = await materialInspector.agent.post(
      `/api/v1/evaluation/rounds/${roundId}/regions/${QIQIHAR}/findings`,
      {
        standardCode: material,
        description: 'x',
      },
    );
    expect(wrongCity.statusCode).toBe(403);
    const self = await harbinAdmin.put(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/results/${material}`, {
      reviewed: true,
    });
    expect(self.statusCode).toBe(403);
    // wrong input for the rule names the field
    const proportion = codesOf('field', 'proportion')[0]!.code;
    const wrong = await fieldInspector.agent.put(
      `/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/results/${proportion}`,
      {
        checked: 5,
        passed: 6,
      },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.passed');
    expect(wrong.json().errors[0].message).toBe('合格数不能超过检查数');
  });

  it('unpublished scores are hidden from the cities, even their own', async () => {
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${HARBIN}`)).statusCode).toBe(403);
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${QIQIHAR}`)).statusCode).toBe(403);
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/ranking`)).statusCode).toBe(403);
    expect(
      (await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/sheet?method=field`)).statusCode,
    ).toBe(403);
    // the city sees the round itself
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}`)).statusCode).toBe(200);
    const sheet = await fieldInspector.agent.get(
      `/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/sheet?method=field`,
    );
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json().canScore).toBe(true);
  });

  let accidentId: string;
  it('records a major safety accident: the titled city’s title is suspended with the incident as reason', async () => {
    const request = {
      regionCode: HARBIN,
      frameworkId,
      category: 'G15',
      occurredOn: '2019-03-10',
      title: '某商场火灾',
      description: '造成重大人员伤亡，有全国影响',
    };
    expect((await fieldInspector.agent.post('/api/v1/evaluation/incidents', request)).statusCode).toBe(403);
    expect((await qiqiharAdmin.post('/api/v1/evaluation/incidents', request)).statusCode).toBe(403);
    const unknown = await ctx.admin.post('/api/v1/evaluation/incidents', { ...request, category: 'Z99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.category');
    const res = await ctx.admin.post('/api/v1/evaluation/incidents', request);
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json();
    accidentId = incident.id;
    expect(incident.effects).toEqual([
      expect.objectContaining({
        effect: 'suspend',
        titleEventId: expect.any(String),
        explanation: expect.stringContaining('2020-03-09'),
      }),
    ]);
    // a nominated city: 3 points off the annual test within 12 months, and a bar on applying
    const yichun = await ctx.admin.post('/api/v1/evaluation/incidents', {
      ...request,
      regionCode: YICHUN,
      occurredOn: '2019-05-01',
      title: '森林火灾',
    });
    expect(yichun.json().effects.map((e: { effect: string }) => e.effect)).toEqual(['deduct', 'bar']);
  });

  it('publishes: thresholds apply, results freeze, and the ranking is explained', async () => {
    // Every standard scored or marked not applicable first (publication is refused otherwise).
    await completeScoring(ctx, ctx.admin, roundId, PREFECTURE_CODES);
    for (const to of ['under_review', 'published']) {
      const res = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, {
        to,
        note: '',
        ...(to === 'published' ? { decidedOn: '2019-12-20' } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      if (to === 'published') {
        const effects = res.json().effects;
        expect(effects).toContainEqual(expect.objectContaining({ regionCode: HEGANG, effect: 'public_criticism' }));
        // 鹤岗 holds no title, so falling below 70 suspends nothing
        expect(effects.filter((e: { titleEventId: string | null }) => e.titleEventId)).toEqual([]);
      }
    }
    // no more entries once published
    const late = await fieldInspector.agent.post(`/api/v1/evaluation/rounds/${roundId}/regions/${HARBIN}/findings`, {
      standardCode: codesOf('field', 'deduction')[0]!.code,
      description: 'late',
    });
    expect(late.statusCode).toBe(409);

    const kept = (await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/effects`)).json();
    expect(kept.items).toContainEqual(
      expect.objectContaining({
        regionCode: HEGANG,
        regionName: '鹤岗市',
        effect: 'public_criticism',
        titleEventId: null,
      }),
    );
    const ranking = (await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/ranking`)).json();
    expect(ranking.published).toBe(true);
    expect(ranking.groups.map((g: { cityGroup: string }) => g.cityGroup)).toEqual(['capital', 'prefecture']);
    const prefectures = ranking.groups[1].rows;
    expect(prefectures).toHaveLength(12);
    expect(prefectures.at(-1).region.code).toBe(HEGANG);
    const yichun = prefectures.find((r: { region: { code: string } }) => r.region.code === YICHUN);
    expect(yichun.deducted).toBe(3);
    const clean = prefectures.find((r: { region: { code: string } }) => r.region.code === QIQIHAR);
    expect(yichun.total).toBeCloseTo(clean.total - 3, 2);
    expect(yichun.rank).toBeGreaterThan(clean.rank);
    expect(clean.rate).toBeCloseTo(clean.total / 100, 4);
  }, 240_000); // scores and publishes a whole round: slow on a busy machine; a bound for a hang, not a timing assertion

  it('each city reads its explained scorecard; another city’s stays out of scope', async () => {
    const card = await harbinAdmin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${HARBIN}`);
    expect(card.statusCode, card.body).toBe(200);
    const sc = card.json();
    expect(sc).toMatchObject({ published: true, isModelFramework: true, rank: 1, groupSize: 1 });
    const review = sc.losses.find((l: { reason: string }) => l.reason === '办事指南缺少收费标准');
    expect(review).toMatchObject({
      points: 1,
      evidenceIds: [evidenceId],
      scorer: materialInspector.username,
    });
    const street = sc.losses.find((l: { findingId: string }) => l.findingId === photoFinding);
    expect(street.attachmentIds).toHaveLength(1);
    expect(street.attachments).toEqual([expect.objectContaining({ fileName: 'p.png', contentType: 'image/png' })]);
    expect(review.evidence).toEqual([
      {
        id: evidenceId,
        note: '政务服务事项清单及网上办理截图',
        attachments: [expect.objectContaining({ fileName: '清单.pdf' })],
      },
    ]);
    expect(street.path).toHaveLength(3);
    expect(sc.methods.map((m: { code: string; weight: number }) => [m.code, m.weight])).toEqual([
      ['material', 40],
      ['field', 40],
      ['questionnaire', 20],
    ]);
    expect(sc.minorsScore).not.toBeNull();
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${HARBIN}`)).statusCode).toBe(403);
    expect((await qiqiharAdmin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${QIQIHAR}`)).statusCode).toBe(200);
    const yichun = (await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${YICHUN}`)).json();
    expect(yichun.deductions).toEqual([expect.objectContaining({ category: 'G15', points: 3 })]);
    expect(yichun.group.best).toBeGreaterThan(yichun.group.worst);
  });

  it('shows the suspended title with its reason, and the title counts the cockpit reads', async () => {
    const history = (await harbinAdmin.get(`/api/v1/evaluation/regions/${HARBIN}/titles?at=2019-09-01`)).json();
    const civilized = history.state.find((s: { title: string }) => s.title === 'national_civilized');
    expect(civilized).toMatchObject({ status: 'suspended', until: '2020-03-09' });
    expect(civilized.reason).toContain('G15');
    const event = history.events.find((e: { change: string }) => e.change === 'suspended');
    expect(event).toMatchObject({ sourceKind: 'incident', sourceId: accidentId });
    const yichun = (await ctx.admin.get(`/api/v1/evaluation/regions/${YICHUN}/titles?at=2019-09-01`)).json();
    const award = yichun.eligibility.find((e: { title: string }) => e.title === 'national_civilized');
    expect(award.eligible).toBe(false);
    expect(award.checks.find((c: { rule: string }) => c.rule === 'not_barred').met).toBe(false);
    // The explanations come in the reader's language (Chinese by default, English when asked).
    type Check = { rule: string; explanation: string };
    const explained = (body: { eligibility: { title: string; checks: Check[] }[] }) =>
      body.eligibility.find((e) => e.title === 'national_civilized')!.checks.find((c) => c.rule === 'minors_gate')!
        .explanation;
    expect(explained(yichun)).toMatch(/未成年人思想道德建设测评/);
    const english = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/evaluation/regions/${YICHUN}/titles?at=2019-09-01`,
      headers: { cookie: ctx.admin.cookie, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(explained(english.json())).toMatch(/^(There is no score for minors|The minors' moral development)/);
    expect(english.json().eligibility[0].checks.every((c: Check) => !/[\u4e00-\u9fff]/.test(c.explanation))).toBe(true);

    const counts = (await ctx.admin.get('/api/v1/evaluation/titles/counts?under=23&at=2019-09-01')).json();
    expect(counts.held).toMatchObject({ national_civilized: 0, national_nominated: 1 });
    expect(counts.suspended.national_civilized).toBe(1);
    expect(counts.regionsByLevel['2']).toBe(13);
    const later = (await ctx.admin.get('/api/v1/evaluation/titles/counts?under=23&at=2020-06-01')).json();
    expect(later.held.national_civilized).toBe(1);
    expect((await qiqiharAdmin.get('/api/v1/evaluation/titles/counts?under=23')).statusCode).toBe(403);
  });

  it('exports the publication to Excel and keeps an audit trail', async () => {
    const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['省会和副省级城市', '地级城市', '测评标准得分']);
    expect(String(workbook.getWorksheet('地级城市')!.getCell(1, 1).value)).toContain('模型');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'evaluation.%')
      .execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'evaluation.round.publish',
      'evaluation.finding.record',
      'evaluation.result.enter',
      'evaluation.incident.record',
    ]) {
      expect(actions).toContain(a);
    }
  });
});

describe('data standards read from the indicator store', () => {
  it('fills threshold standards from observations, keeps hand entries and says what it skipped', async () => {
    const created = await ctx.admin.post('/api/v1/evaluation/rounds', {
      name: '2019年第四季度日常考核',
      kind: 'routine',
      frameworkId,
      year: 2019,
      periodStart: '2019-10-01',
      periodEnd: '2019-12-31',
      testDate: '2019-12-15',
      ownerRegionCode: '23',
      regions: [
        { code: '2306', cityGroup: 'prefecture' },
        { code: '2310', cityGroup: 'prefecture' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await ctx.admin.post(`/api/v1/evaluation/rounds/${id}/indicator-values`)).statusCode).toBe(409);
    await ctx.admin.post(`/api/v1/evaluation/rounds/${id}/transition`, { to: 'open' });
    const observe = (set: string, element: string, period: string, value: number) =>
      ctx.db
        .insertInto('observation')
        .values({
          data_set_code: set,
          data_element_code: element,
          region_code: '2306',
          prefecture_code: '2306',
          period,
          value,
          source: 'demo',
        })
        .execute();
    await observe('city-management-quarterly', 'waste-harmlessly-treated', '2019Q4', 900);
    await observe('city-management-quarterly', 'waste-collected', '2019Q4', 1000);
    await observe('air-quality-annual', 'pm25-annual-mean', '2019', 30);
    expect((await qiqiharAdmin.post(`/api/v1/evaluation/rounds/${id}/indicator-values`)).statusCode).toBe(403);
    const res = await ctx.admin.post(`/api/v1/evaluation/rounds/${id}/indicator-values`);
    expect(res.statusCode, res.body).toBe(200);
    const fill = res.json();
    expect(fill.filled).toBe(2);
    const reasons = fill.skipped.map((s: { regionCode: string; reason: string }) => `${s.regionCode}: ${s.reason}`);
    expect(reasons).toContain('2310: no waste-harmless-treatment-rate value for 2019');
    expect(reasons).toContain('2306: indicator volunteer-registration-rate is not in the catalogue');

    const sheet = (await ctx.admin.get(`/api/v1/evaluation/rounds/${id}/regions/2306/sheet?method=indicator`)).json();
    const waste = sheet.standards.find((s: { standard: { code: string } }) => s.standard.code === 'A06.01.02');
    expect(waste.result).toMatchObject({
      value: 90,
      source: 'indicator',
      note: '指标 waste-harmless-treatment-rate 2019Q4',
    });
    expect(waste.score).toBe(0); // 90 < 95 and the rule gives nothing below the target
    const pm25 = sheet.standards.find((s: { standard: { code: string } }) => s.standard.code === 'A06.01.01');
    expect(pm25.score).toBe(3); // 30 ≤ 35

    // a value typed in by hand is kept on the next read
    await ctx.admin.put(`/api/v1/evaluation/rounds/${id}/regions/2306/results/A06.01.02`, { value: 96, note: '复核' });
    const again = (await ctx.admin.post(`/api/v1/evaluation/rounds/${id}/indicator-values`)).json();
    expect(again.filled).toBe(1);
    expect(again.skipped).toContainEqual({
      standardCode: 'A06.01.02',
      regionCode: '2306',
      reason: 'entered by hand; kept',
    });
  });
});

describe('annual and cycle totals', () => {
  it('combines routine and year-end rounds per year and weights the years 15/25/60', async () => {
    const A = '2305';
    const B = '2308';
    const adminId = (await ctx.admin.get('/api/v1/auth/me')).json().user.id;
    const plan = async (kind: 'routine' | 'year_end', year: number, regions: string[]) => {
      const created = await ctx.admin.post(
        '/api/v1/evaluation/rounds',
        roundRequest(frameworkId, {
          name: `${year} ${kind}`,
          kind,
          year,
          regions: regions.map((code) => ({ code, cityGroup: 'prefecture' })),
          testDate: `${year}-${kind === 'routine' ? '04' : '08'}-01`,
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      for (const to of ['open', 'scoring', 'under_review', 'published']) {
        if (to === 'under_review') await completeScoringInDatabase(ctx.db, id, adminId);
        const body = { to, ...(to === 'published' && kind === 'year_end' ? { decidedOn: `${year}-12-20` } : {}) };
        expect((await ctx.admin.post(`/api/v1/evaluation/rounds/${id}/transition`, body)).statusCode).toBe(200);
      }
      return id as string;
    };
    // Frozen totals set by hand so the arithmetic can be checked.
    const totals: [string, string, number][] = [];
    totals.push([await plan('year_end', 2018, [A]), A, 70]);
    const routine = await plan('routine', 2019, [A, B]);
    totals.push([routine, A, 60], [routine, B, 50]);
    const y2019 = await plan('year_end', 2019, [A, B]);
    totals.push([y2019, A, 80], [y2019, B, 85]);
    const y2020 = await plan('year_end', 2020, [A, B]);
    totals.push([y2020, A, 90], [y2020, B, 95]);
    for (const [round, region, total] of totals) {
      await ctx.db
        .updateTable('evaluation_round_result')
        .set({ total })
        .where('round_id', '=', round)
        .where('region_code', '=', region)
        .execute();
    }
    const res = await ctx.admin.get(`/api/v1/evaluation/cycle?frameworkId=${frameworkId}&startYear=2018`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows;
    const a = rows.find((r: { regionCode: string }) => r.regionCode === A);
    // 2019: 0.3 × 60 + 0.7 × 80 = 74; cycle: 0.15 × 70 + 0.25 × 74 + 0.6 × 90 = 83
    expect(a.years.map((y: { annual: number | null }) => y.annual)).toEqual([70, 74, 90]);
    expect(a).toMatchObject({ cycleTotal: 83, complete: true, rank: 1 });
    const b = rows.find((r: { regionCode: string }) => r.regionCode === B);
    expect(b).toMatchObject({ cycleTotal: null, complete: false, rank: null });
    expect(b.years[0]).toMatchObject({ year: 2018, annual: null });
    // a city sees only its own rows (齐齐哈尔 was in the 2019 year-end round above)
    const own = (await qiqiharAdmin.get(`/api/v1/evaluation/cycle?frameworkId=${frameworkId}&startYear=2018`)).json();
    expect(own.rows.map((r: { regionCode: string }) => r.regionCode)).toEqual([QIQIHAR]);
    expect(a).toMatchObject({ standing: 'ranked', disqualifications: [] });
    expect(b.standing).toBe('incomplete');

    // Failing the minors' gate in the last year-end test: shown as such, not ranked.
    await ctx.db
      .updateTable('evaluation_round_result')
      .set({ minors_gate_passed: false })
      .where('round_id', '=', y2020)
      .where('region_code', '=', A)
      .execute();
    const cycle = async () =>
      (await ctx.admin.get(`/api/v1/evaluation/cycle?frameworkId=${frameworkId}&startYear=2018`))
        .json()
        .rows.find((r: { regionCode: string }) => r.regionCode === A);
    expect(await cycle()).toMatchObject({ standing: 'minors_gate_failed', rank: null, cycleTotal: 83 });
    // 弄虚作假 in 2019 disqualifies A from the whole 2018-2020 cycle.
    const fraud = await ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: A,
      frameworkId,
      category: 'N04',
      occurredOn: '2019-06-01',
      title: '测评材料弄虚作假',
      description: '网上申报材料系编造',
    });
    expect(fraud.statusCode, fraud.body).toBe(201);
    expect(fraud.json().effects.map((e: { effect: string }) => e.effect)).toEqual(['public_criticism', 'disqualify']);
    const disqualified = await cycle();
    expect(disqualified).toMatchObject({ standing: 'disqualified', rank: null });
    expect(disqualified.disqualifications).toEqual([
      expect.objectContaining({ incidentId: fraud.json().id, category: 'N04' }),
    ]);
  });
  it('moves the cockpit title goal at once when an incident revokes a title', async () => {
    const nationalCount = async () => {
      const res = await ctx.admin.get('/api/v1/cockpit?region=23&asOf=2021-06-30');
      expect(res.statusCode, res.body).toBe(200);
      const card = res
        .json()
        .targets.find(
          (t: { measure: { kind: string; title?: string; as?: string } }) =>
            t.measure.kind === 'titles' && t.measure.title === 'national_civilized' && t.measure.as === 'count',
        );
      expect(card).toBeDefined();
      return card.latest?.value as number;
    };
    // 哈尔滨's suspension ended on 2020-03-09, so it holds the title at the end of 2020.
    const before = await nationalCount();
    expect(before).toBeGreaterThanOrEqual(1);
    const res = await ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: HARBIN,
      frameworkId,
      category: 'N05',
      occurredOn: '2020-10-01',
      title: '创建工作严重滑坡',
      description: '复查发现问题反弹',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().effects.map((e: { effect: string }) => e.effect)).toEqual(['revoke']);
    // The cockpit computed the figure above and keeps it; the write must drop it, not wait a minute.
    await drainOutbox(ctx);
    expect(await nationalCount()).toBe(before - 1);
  });
});
