import { expect } from 'vitest';
import type { Agent } from '../../test/harness.ts';

/**
 * Test fixture: completes the scoring of a round's regions so it can be published. Every
 * standard still pending is marked reviewed (a deduction standard inspected with no finding)
 * or not applicable (a measured standard this round did not measure), each with its request.
 */
export async function completeScoring(agent: Agent, roundId: string, regionCodes: readonly string[]) {
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
