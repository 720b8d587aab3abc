import { describe, expect, it } from 'vitest';
import type { CaseCategory } from '@chuangcheng/core';
import { fileTestContext } from '../../test/harness.ts';

const ctx = fileTestContext();

describe('category keywords from data/cases/categories.yaml', () => {
  it("are public with the categories: residents' words for 广告乱贴, none for a group", async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/case-categories' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as CaseCategory[];
    const poster = items.find((item) => item.code === 'event-poster');
    expect(poster?.keywords).toEqual(expect.arrayContaining(['小广告', '牛皮癣']));
    expect(items.find((item) => item.code === 'event-ad')?.keywords).toEqual([]);
    // Every category a resident can choose has words of its own to be found by.
    const leaves = items.filter((item) => item.parentCode !== null);
    expect(leaves.filter((item) => item.keywords.length === 0).map((item) => item.code)).toEqual([]);
  });
});
