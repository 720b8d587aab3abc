import crypto from 'node:crypto';
import { standardsOf, type FrameworkDocument } from '@chuangcheng/core';
import { sql } from 'kysely';
import { unitId } from '../modules/supervision/fixtures.ts';
import { buildUser, type Agent, type TestContext } from './harness.ts';

/**
 * A small world for the route walks: one of each kind of record in 哈尔滨 (2301), the
 * region every walking actor is outside of, and the few records in 大庆 (2306), their
 * home, that a walk needs to put a foreign reference into an otherwise allowed request.
 */
export type World = {
  /** Path parameter values pointing at 哈尔滨's records, by parameter and path prefix. */
  foreign: Ids;
  /** The same for 大庆's records, where a walk needs them. */
  home: Partial<Ids>;
  /** An id-like body field's foreign value (another city's record), by field name. */
  foreignFields: Record<string, unknown>;
  /** Values of fields that name shared records (the plan, the framework), for valid bodies. */
  sharedFields: Record<string, unknown>;
  harbinOfficer: Agent;
};

export type Ids = {
  orgUnit: string;
  user: string;
  report: string;
  task: string;
  notice: string;
  instruction: string;
  meeting: string;
  actionItem: string;
  notification: string;
  token: string;
  framework: string;
  round: string;
  evidence: string;
  incident: string;
  case: string;
  caseNumber: string;
  dispatchRule: string;
  regionCode: string;
  countyCode: string;
  groupCode: string;
  dataSet: string;
  period: string;
  standardCode: string;
  categoryCode: string;
};

async function ok<T = Record<string, unknown>>(
  what: string,
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`world: ${what} answered ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

const HARBIN = '2301';
const DAOLI = '230102';
const DAQING = '2306';
const SARTU = '230602';

/** A staff-reported case in a county of the city, at a point inside it. */
function caseBody(regionCode: string) {
  return {
    categoryCode: 'event-stall',
    description: '占道摆摊',
    lat: 45.7735,
    lng: 126.6171,
    regionCode,
    channel: 'staff',
    idempotencyKey: `walk-${crypto.randomUUID()}`,
  };
}

export async function buildWorld(ctx: TestContext): Promise<World> {
  const harbinOffice = await unitId(ctx.db, '哈尔滨市精神文明办');
  const daqingOffice = await unitId(ctx.db, '大庆市精神文明办');
  const harbinAdmin = await buildUser(ctx, { role: 'city_admin', regionCode: HARBIN });
  const daqingAdmin = await buildUser(ctx, { role: 'city_admin', regionCode: DAQING });
  const harbinOfficer = await buildUser(ctx, { role: 'unit_officer', regionCode: HARBIN, orgUnitId: harbinOffice });
  const daqingOfficer = await buildUser(ctx, { role: 'unit_officer', regionCode: DAQING, orgUnitId: daqingOffice });
  const assigned = await assignment(ctx);
  const task = assigned.task;
  const reporter = await buildUser(ctx, {
    role: 'unit_officer',
    regionCode: assigned.regionCode,
    orgUnitId: assigned.unit,
  });
  const report = await ok('report', reporter.agent.post(`/api/v1/tasks/${task}/reports`, { period: '2019-06' }));
  const notice = await ok(
    'notice',
    ctx.admin.post('/api/v1/notices', {
      taskId: task,
      orgUnitId: assigned.unit,
      reason: '进度滞后',
      requiredAction: '补报',
      replyDue: '2030-01-31',
    }),
  );
  const meetingOf = (agent: Agent, unit: string) =>
    ok<{ id: string; actionItems: { id: string }[] }>(
      'meeting',
      agent.post('/api/v1/meetings', {
        planCode: 'heilongjiang-2018-2020',
        title: '联席会议',
        heldOn: '2019-06-01',
        attendeeOrgUnitIds: [unit],
        actionItems: [{ title: '整改', ownerOrgUnitId: unit, due: '2030-01-31' }],
      }),
    );
  const meeting = await meetingOf(harbinAdmin.agent, harbinOffice);
  const instruction = await ok<{ id: string }>(
    'instruction',
    harbinAdmin.agent.post('/api/v1/supervision/instructions', {
      leaderName: '李四',
      leaderPost: '市委书记',
      instructedOn: '2019-06-01',
      content: '请抓紧办理',
      leadOrgUnitId: harbinOffice,
      replyDue: '2030-01-31',
    }),
  );
  const homeMeeting = await meetingOf(daqingAdmin.agent, daqingOffice);
  const token = await ok('token', harbinAdmin.agent.post('/api/v1/auth/tokens', { name: 'walk' }));

  const frameworks = await ok<{ items: { id: string; edition: string }[] }>(
    'frameworks',
    ctx.admin.get('/api/v1/evaluation/frameworks'),
  );
  const framework = frameworks.items.find((f) => f.edition === 'model-2018-2020-prefecture') ?? frameworks.items[0]!;
  const detail = await ok<{ document: FrameworkDocument }>(
    'framework',
    ctx.admin.get(`/api/v1/evaluation/frameworks/${framework.id}`),
  );
  const standardCode = standardsOf(detail.document).find((s) => s.standard.method === 'material')!.standard.code;
  const roundOf = (agent: Agent, owner: string, cityGroup: string) =>
    ok<{ id: string }>(
      'round',
      agent.post('/api/v1/evaluation/rounds', {
        name: '测评',
        kind: 'routine',
        frameworkId: framework.id,
        year: 2019,
        periodStart: '2019-01-01',
        periodEnd: '2019-12-31',
        testDate: '2019-08-01',
        ownerRegionCode: owner,
        regions: [{ code: owner, cityGroup }],
      }),
    );
  const round = await roundOf(harbinAdmin.agent, HARBIN, 'capital');
  const homeRound = await roundOf(daqingAdmin.agent, DAQING, 'prefecture');
  await ok('open', harbinAdmin.agent.post(`/api/v1/evaluation/rounds/${round.id}/transition`, { to: 'open' }));
  // The home round takes scores, so that a finding naming 哈尔滨's evidence reaches the check.
  for (const to of ['open', 'scoring']) {
    await ok(to, daqingAdmin.agent.post(`/api/v1/evaluation/rounds/${homeRound.id}/transition`, { to }));
  }
  const evidence = await ok<{ id: string }>(
    'evidence',
    harbinAdmin.agent.post(`/api/v1/evaluation/rounds/${round.id}/regions/${HARBIN}/evidence`, { standardCode }),
  );
  const incident = await ok<{ id: string }>(
    'incident',
    ctx.admin.post('/api/v1/evaluation/incidents', {
      regionCode: HARBIN,
      frameworkId: framework.id,
      category: 'G15',
      occurredOn: '2019-03-10',
      title: '事故',
      description: '事故',
    }),
  );
  const harbinCase = await ok<{ id: string; number: string }>(
    'case',
    harbinAdmin.agent.post('/api/v1/cases', caseBody(DAOLI)),
  );
  const homeCase = await ok<{ id: string }>(
    'case',
    daqingAdmin.agent.post('/api/v1/cases', { ...caseBody(SARTU), lat: 46.59, lng: 125.1 }),
  );
  const rule = await ok<{ id: string }>(
    'dispatch rule',
    harbinAdmin.agent.post('/api/v1/cases/dispatch-rules', { regionCode: HARBIN, orgUnitId: harbinOffice }),
  );
  const notification = await ctx.db
    .selectFrom('notification')
    .select('id')
    .where('recipient_org_unit_id', '=', harbinOffice)
    .executeTakeFirst();
  const group = await ctx.db.selectFrom('region_group').select('code').executeTakeFirstOrThrow();

  const foreign: Ids = {
    orgUnit: harbinOffice,
    user: harbinOfficer.id,
    report: report.id as string,
    task,
    notice: notice.id as string,
    instruction: instruction.id,
    meeting: meeting.id,
    actionItem: meeting.actionItems[0]!.id,
    notification: notification?.id ?? crypto.randomUUID(),
    token: token.id as string,
    framework: framework.id,
    round: round.id,
    evidence: evidence.id,
    incident: incident.id,
    case: harbinCase.id,
    caseNumber: harbinCase.number,
    dispatchRule: rule.id,
    regionCode: HARBIN,
    countyCode: DAOLI,
    groupCode: group.code,
    dataSet: 'urban-environment-quarterly',
    period: '2019Q3',
    standardCode,
    categoryCode: 'event-stall',
  };
  return {
    foreign,
    home: {
      orgUnit: daqingOffice,
      user: daqingOfficer.id,
      meeting: homeMeeting.id,
      actionItem: homeMeeting.actionItems[0]!.id,
      round: homeRound.id,
      case: homeCase.id,
      regionCode: DAQING,
      countyCode: SARTU,
    },
    foreignFields: {
      orgUnitId: harbinOffice,
      ownerOrgUnitId: harbinOffice,
      leadOrgUnitId: harbinOffice,
      assistingOrgUnitIds: [harbinOffice],
      attendeeOrgUnitIds: [harbinOffice],
      parentId: harbinOffice,
      actionItemId: meeting.actionItems[0]!.id,
      evidenceId: evidence.id,
      intoCaseId: harbinCase.id,
      userId: harbinOfficer.id,
      regionCode: HARBIN,
      ownerRegionCode: HARBIN,
      regionCodes: [DAOLI],
      memberCodes: [HARBIN],
      regions: [{ code: HARBIN, cityGroup: 'capital' }],
    },
    sharedFields: {
      planCode: 'heilongjiang-2018-2020',
      frameworkId: framework.id,
      standardCode,
      categoryCode: 'event-stall',
      address: '中央大街1号',
      idempotencyKey: 'walk-idempotency-key-0001',
    },
    harbinOfficer: harbinOfficer.agent,
  };
}

/** A task assignment of the seed plan, a 哈尔滨 unit's if there is one, else a provincial unit's. */
async function assignment(ctx: TestContext): Promise<{ task: string; unit: string; regionCode: string }> {
  const row = await ctx.db
    .selectFrom('plan_task_unit as a')
    .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .select(['a.task_id', 'a.org_unit_id', 'u.region_code'])
    .orderBy(sql`u.region_code like '2301%'`, 'desc')
    .executeTakeFirstOrThrow();
  return { task: row.task_id, unit: row.org_unit_id, regionCode: row.region_code };
}
