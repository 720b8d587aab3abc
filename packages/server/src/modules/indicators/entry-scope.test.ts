import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, fileTestContext, type Agent } from '../../test/harness.ts';
import { task21WithLiaison } from '../../test/province.ts';
import { changedTables, rowCounts } from '../../test/openapi-routes.ts';

// Issue 11, item 1: a provincial department's liaison (a unit officer whose scope is the whole
// province) could open and fill in the data-entry form of any county.

const SET = 'urban-environment-quarterly';
const entryUrl = (region: string) => `/api/v1/data-sets/${SET}/entries/${region}/2019Q3`;
const DAOLI = '230102';

const ctx = fileTestContext();
let liaison: Agent;
let daoli: Agent;

beforeAll(async () => {
  ({ officer: liaison } = await task21WithLiaison(ctx));
  daoli = await buildAgent(ctx, 'unit_officer', DAOLI);
});

describe("a county's data-entry form", () => {
  it('is refused to a provincial department liaison: open, save, submit', async () => {
    const before = await rowCounts(ctx);
    const open = await liaison.get(entryUrl(DAOLI));
    expect(open.statusCode).toBe(403);
    const save = await liaison.put(entryUrl(DAOLI), { values: { 'urban-building-area': 1000 } });
    expect(save.statusCode).toBe(403);
    expect((await liaison.post(`${entryUrl(DAOLI)}/submit`)).statusCode).toBe(403);
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
  });

  it('stays open to the county’s own officer, who sees it as editable', async () => {
    const open = await daoli.get(entryUrl(DAOLI));
    expect(open.statusCode).toBe(200);
    expect(open.json().can).toMatchObject({ edit: true, submit: false });
    const save = await daoli.put(entryUrl(DAOLI), { values: { 'urban-building-area': 1000 } });
    expect(save.statusCode, save.body).toBe(200);
  });
});
