import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import { FrameworkDocument, standardsOf } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import type { Agent } from '../../test/harness.ts';
import { drainOutbox } from '../../outbox/worker.ts';

/** Test fixture: the shipped model framework for prefecture-level units, its id and its document. */
export async function modelFramework(agent: Agent): Promise<{ id: string; doc: FrameworkDocument }> {
  const list = (await agent.get('/api/v1/evaluation/frameworks')).json();
  const id: string = list.items.find((f: { edition: string }) => f.edition === 'model-2018-2020-prefecture').id;
  const doc = FrameworkDocument.parse((await agent.get(`/api/v1/evaluation/frameworks/${id}`)).json().document);
  return { id, doc };
}

/**
 * Test fixture: the body that plans a round of `year` owned by the province, its period the whole
 * year and its test date 1 August unless said (`unannounced` is sent only when given).
 */
export function roundRequest(
  frameworkId: string,
  round: {
    name: string;
    kind: 'routine' | 'year_end';
    year: number;
    regions: { code: string; cityGroup: string }[];
    testDate?: string;
    unannounced?: boolean;
  },
) {
  const { name, kind, year, regions, testDate = `${year}-08-01`, unannounced } = round;
  return {
    name,
    kind,
    frameworkId,
    year,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    testDate,
    ownerRegionCode: '23',
    ...(unannounced === undefined ? {} : { unannounced }),
    regions,
  };
}

/**
 * Test fixture: completes the scoring of a round's regions so it can be published. Every
 * standard still pending is marked reviewed (a deduction standard inspected with no finding)
 * or not applicable (a measured standard this round did not measure), each with its request.
 */
export async function completeScoring(
  target: { db: Kysely<Database> },
  agent: Agent,
  roundId: string,
  regionCodes: readonly string[],
) {
  // What is pending is read from the round's kept computation: deliver the events of the entries
  // made so far first, as a server does before answering a write (decision 0174). The entries made
  // below are each for the region just read, so the others' pending lists stay as read.
  await drainOutbox(target);
  for (const code of regionCodes) {
    const card = await agent.get(`/api/v1/evaluation/rounds/${roundId}/scorecards/${code}`);
    expect(card.statusCode, card.body).toBe(200);
    for (const { standardCode } of card.json().pending as { standardCode: string }[]) {
      const base = `/api/v1/evaluation/rounds/${roundId}/regions/${code}/results/${standardCode}`;
      let res = await agent.put(base, { reviewed: true });
      // not a deduction standard: it takes a measurement, which this round did not make
      if (res.statusCode === 400) res = await agent.put(`${base}/not-applicable`, { reason: '本轮未抽查此项' });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
}

/**
 * Test fixture for tests that set the frozen totals by hand: writes the same entries as
 * `completeScoring` straight into the round's results (reviewed deduction standards, every
 * measured standard not applicable), a handful of statements instead of one request each.
 */
export async function completeScoringInDatabase(db: Kysely<Database>, roundId: string, scorerId: string) {
  const round = await db
    .selectFrom('evaluation_round as r')
    .innerJoin('evaluation_framework_version as v', 'v.id', 'r.framework_version_id')
    .select('v.document')
    .where('r.id', '=', roundId)
    .executeTakeFirstOrThrow();
  const regions = await db
    .selectFrom('evaluation_round_region')
    .select(['region_code', 'prefecture_code'])
    .where('round_id', '=', roundId)
    .execute();
  const rows = regions.flatMap((region) =>
    standardsOf(FrameworkDocument.parse(round.document)).map(({ standard }) => ({
      round_id: roundId,
      region_code: region.region_code,
      prefecture_code: region.prefecture_code,
      standard_code: standard.code,
      reviewed: standard.rule.kind === 'deduction',
      not_applicable: standard.rule.kind !== 'deduction',
      note: standard.rule.kind === 'deduction' ? '' : '本轮未抽查此项',
      scorer_id: scorerId,
    })),
  );
  if (rows.length > 0) await db.insertInto('evaluation_result').values(rows).execute();
}
