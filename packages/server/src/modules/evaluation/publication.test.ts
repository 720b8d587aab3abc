import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkDocument, standardsOf, type FrameworkStandard } from '@chuangcheng/core';
import crypto from 'node:crypto';
import { canonicalJson } from '@chuangcheng/core';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { inclusionProofHolds } from '../../test/rfc9162-verifier.ts';
import { sequenceAuditLog } from '../audit/index.ts';
import { generateSigner } from '../audit/signing.ts';
import { modelFramework, roundRequest } from './scoring-fixture.ts';

// Issue 15: results a city cannot contest. A published round stays as published whatever is
// recorded later; a correction is a new, dated publication; a withdrawal leaves equal findings
// at equal scores; publication waits for every standard; nobody scores their own region; an
// unannounced round stays secret until published; sanctions carry the decision's date.

const A = '2305';
const B = '2308';
const C = '2309';
const D = '2310';
const E = '2311';
const TITLED = '2312';

const ctx = fileTestContext();
let frameworkId: string;
let doc: FrameworkDocument;

beforeAll(async () => {
  ({ id: frameworkId, doc } = await modelFramework(ctx.admin));
});

const standards = () => standardsOf(doc).map((s) => s.standard);

async function award(code: string, title: string, effectiveOn: string) {
  const res = await ctx.admin.post(`/api/v1/evaluation/regions/${code}/titles`, {
    title,
    change: 'awarded',
    effectiveOn,
    reason: '测试',
    decisionRef: '文明委〔2015〕1号',
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function planRound(
  kind: 'routine' | 'year_end',
  regions: string[],
  extra: { testDate?: string; unannounced?: boolean } = {},
): Promise<string> {
  const res = await ctx.admin.post(
    '/api/v1/evaluation/rounds',
    roundRequest(frameworkId, {
      name: `2019 ${kind} ${regions.join(',')}`,
      kind,
      year: 2019,
      regions: regions.map((code) => ({ code, cityGroup: 'prefecture' })),
      testDate: extra.testDate,
      unannounced: extra.unannounced ?? false,
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function move(roundId: string, ...steps: string[]) {
  for (const to of steps) {
    const body = to === 'published' ? { to, decidedOn: '2019-12-20' } : { to };
    const res = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** A value that earns the whole standard (good) or nothing of it (bad). */
function resultFor(s: FrameworkStandard, good: boolean) {
  switch (s.rule.kind) {
    case 'deduction':
      return { reviewed: true };
    case 'proportion':
      return { checked: 10, passed: good ? 10 : 0 };
    case 'survey':
      return { satisfaction: good ? 100 : 0 };
    case 'threshold':
      return { value: good ? s.rule.target : s.rule.comparator === 'gte' ? 0 : s.rule.target * 100 + 1 };
  }
}

/** Scores every standard of a region (a bad city also loses every deduction standard's points). */
async function scoreAll(agent: Agent, roundId: string, code: string, good = true, skip: string[] = []) {
  for (const s of standards()) {
    if (skip.includes(s.code)) continue;
    if (s.rule.kind === 'deduction' && !good) {
      const res = await agent.post(`/api/v1/evaluation/rounds/${roundId}/regions/${code}/findings`, {
        standardCode: s.code,
        description: '全部不合格',
        deduction: s.points,
      });
      expect(res.statusCode, res.body).toBe(201);
      continue;
    }
    const res = await agent.put(`/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${s.code}`, {
      ...resultFor(s, good),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const scorecard = async (roundId: string, code: string, query = '') => {
  const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${code}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ranking = async (roundId: string, query = '') => {
  const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/ranking${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
async function exportedTotals(roundId: string, query = '') {
  const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}/results.xlsx${query}`);
  expect(res.statusCode).toBe(200);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
  }
  return rows;
}

describe('a published round is frozen in every view', () => {
  let published: string;
  let open: string;
  it('publishes a year-end round with a nominee’s negative-list deduction', async () => {
    await award(A, 'national_nominated', '2015-01-01');
    await award(B, 'national_nominated', '2015-01-01');
    const incident = await ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: A,
      frameworkId,
      category: 'G15',
      occurredOn: '2019-05-01',
      title: '某化工厂爆炸',
      description: '有全国影响',
    });
    expect(incident.statusCode, incident.body).toBe(201);
    published = await planRound('year_end', [A, B]);
    open = await planRound('year_end', [A], { testDate: '2019-09-01' });
    for (const id of [published, open]) await move(id, 'open', 'scoring');
    await scoreAll(ctx.admin, published, A);
    await scoreAll(ctx.admin, published, B);
    await scoreAll(ctx.admin, open, A);
    await move(published, 'under_review', 'published');
    const a = await scorecard(published, A);
    const b = await scorecard(published, B);
    expect(a.deductions).toEqual([expect.objectContaining({ category: 'G15', points: 3 })]);
    expect(a.total).toBeCloseTo(b.total - 3, 2);
    expect(a.publication).toMatchObject({ version: 1, decidedOn: '2019-12-20' });
  }, 240_000); // publishes a whole round: slow on a busy machine; a bound for a hang, not a timing assertion

  it('records every published scorecard in the audit log, with a proof a reader checks against the signed tree', async () => {
    const url = `/api/v1/evaluation/rounds/${published}/scorecards/${A}/attestation`;
    const pending = await ctx.admin.get(url);
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({ regionCode: A, version: 1, proof: null });

    await sequenceAuditLog(ctx.db, { signer: generateSigner() });
    const attestation = (await ctx.admin.get(url)).json();
    const card = await scorecard(published, A);
    const digest = crypto.createHash('sha256').update(canonicalJson(card)).digest('hex');
    expect(attestation.scorecardSha256).toBe(digest);
    const proof = attestation.proof;
    const entry = JSON.parse(proof.entry);
    expect(entry).toMatchObject({
      id: attestation.auditEntryId,
      action: 'evaluation.result.publish',
      after: { regionCode: A, version: 1, scorecardSha256: digest, total: card.total },
    });
    expect(proof.shard).toBe(A);
    expect(inclusionProofHolds(proof)).toBe(true);

    // Not for a round that is not published, nor for someone who may not see its scores.
    expect((await ctx.admin.get(`/api/v1/evaluation/rounds/${open}/scorecards/${A}/attestation`)).statusCode).toBe(409);
    const outsider = (await buildUser(ctx, { username: 'attest-outsider', role: 'city_admin', regionCode: '2301' }))
      .agent;
    expect((await outsider.get(url)).statusCode).toBe(403);
  });

  it('stays unchanged after a framework edit, a back-dated title decision and a later incident', async () => {
    const before = {
      a: await scorecard(published, A),
      b: await scorecard(published, B),
      ranking: await ranking(published),
      excel: await exportedTotals(published),
      open: await scorecard(open, A),
    };
    // A new version of the framework: G15 now costs a nominee 5 points.
    const edited = structuredClone(doc);
    edited.negativeList.find((e) => e.code === 'G15')!.effects.find((e) => e.effect === 'deduct')!.points = 5;
    const put = await ctx.admin.put(`/api/v1/evaluation/frameworks/${frameworkId}`, {
      document: edited,
      note: 'G15 扣5分',
    });
    expect(put.statusCode, put.body).toBe(200);
    // The round still being scored keeps the version it was opened on, deductions included.
    expect((await scorecard(open, A)).deductions).toEqual(before.open.deductions);
    expect((await scorecard(open, A)).total).toBe(before.open.total);

    // Recorded now, back-dated: A's nomination was revoked from 2019-01-01, so on the day of
    // the incident it was no nominee and the deduction would no longer apply.
    const revoked = await ctx.admin.post(`/api/v1/evaluation/regions/${A}/titles`, {
      title: 'national_nominated',
      change: 'revoked',
      effectiveOn: '2019-01-01',
      reason: '撤销提名（补录）',
      decisionRef: '文明委〔2020〕2号',
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    // An incident of B before the test, recorded after publication.
    const late = await ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: B,
      frameworkId,
      category: 'G15',
      occurredOn: '2019-06-01',
      title: '某矿井事故',
      description: '有全国影响',
    });
    expect(late.statusCode, late.body).toBe(201);

    expect(await scorecard(published, A)).toEqual(before.a);
    expect(await scorecard(published, B)).toEqual(before.b);
    expect(await ranking(published)).toEqual(before.ranking);
    expect(await exportedTotals(published)).toEqual(before.excel);
  });

  it('a correction is a new dated, reasoned publication; the first stays readable', async () => {
    const first = await scorecard(published, A);
    const refused = await ctx.admin.post(`/api/v1/evaluation/rounds/${published}/corrections`, {
      reason: '补录事故',
      decidedOn: '2019-01-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('body.decidedOn');
    const res = await ctx.admin.post(`/api/v1/evaluation/rounds/${published}/corrections`, {
      reason: '补录2019-06-01矿井事故并更正提名状态',
      decidedOn: '2020-01-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, decidedOn: '2020-01-15' });
    // Corrected under the version the round pinned: A no longer a nominee, B loses 3 (not 5).
    const a = await scorecard(published, A);
    const b = await scorecard(published, B);
    expect(a.deductions).toEqual([]);
    expect(b.deductions).toEqual([expect.objectContaining({ category: 'G15', points: 3 })]);
    expect(a.publication).toMatchObject({ version: 2, reason: '补录2019-06-01矿井事故并更正提名状态' });
    expect(await scorecard(published, A, '?version=1')).toEqual(first);
    const v1 = await ranking(published, '?version=1');
    expect(v1.publication.version).toBe(1);
    expect((await ranking(published)).publication.version).toBe(2);
    const round = (await ctx.admin.get(`/api/v1/evaluation/rounds/${published}`)).json();
    expect(round.publications.map((p: { version: number }) => p.version)).toEqual([1, 2]);
    expect((await ctx.admin.get(`/api/v1/evaluation/rounds/${published}/ranking?version=3`)).statusCode).toBe(404);
  });

  it('keeps each version’s workbook once written, sends the kept file, and writes it again when a name it shows changes', async () => {
    const download = async (query = '') => {
      const res = await ctx.admin.get(`/api/v1/evaluation/rounds/${published}/results.xlsx${query}`);
      expect(res.statusCode).toBe(200);
      return Buffer.from(res.rawPayload);
    };
    const kept = () =>
      ctx.db
        .selectFrom('evaluation_results_workbook')
        .select(['version', 'inputs_hash'])
        .where('round_id', '=', published)
        .orderBy('version')
        .execute();
    // The correction is its own file: B's corrected deduction is in version 2, not in version 1.
    expect(await exportedTotals(published)).not.toEqual(await exportedTotals(published, '?version=1'));
    expect((await kept()).map((k) => k.version)).toEqual([1, 2]);
    const written = await download();
    expect(await download()).toEqual(written);

    // What is kept is what is sent: a marked row comes back byte for byte.
    const marked = Buffer.from('kept workbook of version 2');
    await ctx.db
      .updateTable('evaluation_results_workbook')
      .set({ file: marked })
      .where('round_id', '=', published)
      .where('version', '=', 2)
      .execute();
    expect(await download()).toEqual(marked);
    expect((await download('?version=1')).subarray(0, 2).toString()).toBe('PK');

    // A region renamed (as a reimport of the region data would): the kept file no longer matches.
    const before = (await kept()).find((k) => k.version === 2)!.inputs_hash;
    const { name } = await ctx.db.selectFrom('region').select('name').where('code', '=', A).executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('region')
      .set({ name: `${name}（更名）` })
      .where('code', '=', A)
      .execute();
    try {
      const rewritten = await download();
      expect(rewritten).not.toEqual(marked);
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(rewritten as unknown as ArrayBuffer);
      const names: unknown[] = [];
      workbook.worksheets[0]!.eachRow((row) => names.push(row.getCell(2).value));
      expect(names).toContain(`${name}（更名）`);
      expect((await kept()).find((k) => k.version === 2)!.inputs_hash).not.toBe(before);
    } finally {
      await ctx.db.updateTable('region').set({ name }).where('code', '=', A).execute();
    }
  });
});

describe('findings, unscored standards and publication', () => {
  let roundId: string;
  const deduction = () => standards().find((s) => s.rule.kind === 'deduction' && s.points >= 3)!;

  it('a withdrawal leaves two cities with the same active findings at the same score', async () => {
    roundId = await planRound('routine', [C, D]);
    await move(roundId, 'open', 'scoring');
    const s = deduction();
    const post = (code: string, amount: number) =>
      ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/regions/${code}/findings`, {
        standardCode: s.code,
        description: `扣${amount}分`,
        deduction: amount,
      });
    const all = await post(C, s.points);
    expect(all.json().deduction).toBe(s.points);
    // stored as entered, even though the standard has nothing left
    expect((await post(C, 1)).json().deduction).toBe(1);
    const withdraw = await ctx.admin.post(`/api/v1/evaluation/findings/${all.json().id}/withdraw`, { reason: '误记' });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect((await post(D, 1)).statusCode).toBe(201);
    const tooMuch = await post(D, s.points + 1);
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toBe('body.deduction');
    const last = standards().at(-1)!;
    await scoreAll(ctx.admin, roundId, C, true, [s.code, last.code]);
    await scoreAll(ctx.admin, roundId, D, true, [s.code, last.code]);
    const [c, d] = [await scorecard(roundId, C), await scorecard(roundId, D)];
    const scoreOf = (card: { projects: { contents: { standards: { code: string; score: number }[] }[] }[] }) =>
      card.projects.flatMap((p) => p.contents.flatMap((x) => x.standards)).find((x) => x.code === s.code)!.score;
    expect(scoreOf(c)).toBe(s.points - 1);
    expect(scoreOf(d)).toBe(scoreOf(c));
    expect(c.total).toBe(d.total);
  });

  it('refuses to publish while a standard is unscored, listing it; not applicable with a reason unblocks it', async () => {
    const last = standards().at(-1)!;
    // Still pending: no points and not a loss, not full marks either.
    const c = await scorecard(roundId, C);
    expect(c.pending).toEqual([expect.objectContaining({ standardCode: last.code })]);
    expect(c.losses.some((l: { standardCode: string }) => l.standardCode === last.code)).toBe(false);
    await move(roundId, 'under_review');
    const refused = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to: 'published' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ROUND_NOT_FULLY_SCORED');
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      `regions.${C}.standards.${last.code}`,
      `regions.${D}.standards.${last.code}`,
    ]);
    expect((await ctx.admin.get(`/api/v1/evaluation/rounds/${roundId}`)).json().status).toBe('under_review');
    await move(roundId, 'scoring');
    const noReason = await ctx.admin.put(
      `/api/v1/evaluation/rounds/${roundId}/regions/${C}/results/${last.code}/not-applicable`,
      { reason: ' ' },
    );
    expect(noReason.statusCode).toBe(400);
    for (const code of [C, D]) {
      const na = await ctx.admin.put(
        `/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${last.code}/not-applicable`,
        { reason: '本市无此类点位' },
      );
      expect(na.statusCode, na.body).toBe(200);
      expect(na.json()).toMatchObject({ notApplicable: true, note: '本市无此类点位' });
    }
    await move(roundId, 'under_review', 'published');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'evaluation.result.not_applicable')
      .execute();
    expect(audit).toHaveLength(2);
  });
});

describe('回避 and unannounced rounds', () => {
  let roundId: string;
  let cityAdmin: { id: string; agent: Agent };
  let evaluated: Agent;
  it('refuses to assign a scorer to their own city, allows a cross-regional assignment', async () => {
    cityAdmin = await buildUser(ctx, { role: 'city_admin', regionCode: C });
    evaluated = (await buildUser(ctx, { role: 'city_admin', regionCode: E })).agent;
    roundId = await planRound('routine', [C, E], { unannounced: true });
    const own = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/assignments`, {
      assignments: [{ userId: cityAdmin.id, method: 'field' }],
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SCORER_CONFLICT');
    expect(own.json().errors[0].field).toBe('body.assignments.0.userId');
    const cross = await ctx.admin.put(`/api/v1/evaluation/rounds/${roundId}/assignments`, {
      assignments: [{ userId: cityAdmin.id, method: 'field', regionCodes: [E] }],
    });
    expect(cross.statusCode, cross.body).toBe(200);
  });

  it('a third-party team’s account sees the round it is assigned to and no other', async () => {
    // registered outside the evaluated regions (大兴安岭), hired for this round's questionnaire
    const team = await buildUser(ctx, { role: 'inspector', regionCode: '2327' });
    const other = await planRound('routine', [D]);
    const assigned = await ctx.admin.put(`/api/v1/evaluation/rounds/${other}/assignments`, {
      assignments: [{ userId: team.id, method: 'questionnaire' }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const list = (await team.agent.get('/api/v1/evaluation/rounds')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([other]);
    expect((await team.agent.get(`/api/v1/evaluation/rounds/${other}`)).statusCode).toBe(200);
    expect((await team.agent.get(`/api/v1/evaluation/rounds/${roundId}`)).statusCode).toBe(403);
    expect(
      (await team.agent.get(`/api/v1/evaluation/cycle?frameworkId=${frameworkId}&startYear=2018`)).json().rows,
    ).toEqual([]);
  });

  it('the evaluated city is refused an unannounced round before publication', async () => {
    expect((await evaluated.get(`/api/v1/evaluation/rounds/${roundId}`)).statusCode).toBe(403);
    const list = (await evaluated.get('/api/v1/evaluation/rounds')).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(roundId);
    // its scorer (from another city) sees it
    expect((await cityAdmin.agent.get(`/api/v1/evaluation/rounds/${roundId}`)).statusCode).toBe(200);
  });

  it('scoring is refused on the scorer’s own region, even with an assignment recorded before the rule', async () => {
    await move(roundId, 'open', 'scoring');
    const field = standards().find((s) => s.method === 'field' && s.rule.kind === 'deduction')!;
    const across = await cityAdmin.agent.post(`/api/v1/evaluation/rounds/${roundId}/regions/${E}/findings`, {
      standardCode: field.code,
      description: '交叉测评发现问题',
    });
    expect(across.statusCode, across.body).toBe(201);
    await ctx.db
      .updateTable('evaluation_assignment')
      .set({ region_codes: [] })
      .where('round_id', '=', roundId)
      .execute();
    const own = await cityAdmin.agent.post(`/api/v1/evaluation/rounds/${roundId}/regions/${C}/findings`, {
      standardCode: field.code,
      description: '本市自评',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SCORER_CONFLICT');
  });

  it('shows the round, its dates and scorers to the city once published', async () => {
    await scoreAll(ctx.admin, roundId, C);
    await scoreAll(ctx.admin, roundId, E);
    await move(roundId, 'under_review', 'published');
    const res = await evaluated.get(`/api/v1/evaluation/rounds/${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unannounced: true, testDate: '2019-08-01' });
    expect(res.json().assignments).toEqual([expect.objectContaining({ userId: cityAdmin.id })]);
    const list = (await evaluated.get('/api/v1/evaluation/rounds')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(roundId);
  });
});

describe('threshold sanctions carry the decision’s date', () => {
  it('suspends a titled city from the date of the 通报, not the day the data was entered', async () => {
    await award(TITLED, 'national_nominated', '2012-01-01');
    await award(TITLED, 'national_civilized', '2015-02-28');
    const roundId = await planRound('year_end', [TITLED]);
    await move(roundId, 'open', 'scoring');
    await scoreAll(ctx.admin, roundId, TITLED, false);
    await move(roundId, 'under_review');
    const undated = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, { to: 'published' });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().errors[0].field).toBe('body.decidedOn');
    const early = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, {
      to: 'published',
      decidedOn: '2019-07-01',
    });
    expect(early.statusCode).toBe(400);
    const res = await ctx.admin.post(`/api/v1/evaluation/rounds/${roundId}/transition`, {
      to: 'published',
      decidedOn: '2019-12-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const suspension = res.json().effects.find((e: { effect: string }) => e.effect === 'suspend');
    expect(suspension.titleEventId).toEqual(expect.any(String));
    const history = (await ctx.admin.get(`/api/v1/evaluation/regions/${TITLED}/titles?at=2020-01-01`)).json();
    expect(history.events.find((e: { id: string }) => e.id === suspension.titleEventId)).toMatchObject({
      change: 'suspended',
      effectiveOn: '2019-12-20',
      endsOn: '2020-12-19',
      sourceKind: 'round',
    });
  });
});
