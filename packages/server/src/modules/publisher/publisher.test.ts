import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.ts';
import { fileTestContext } from '../../test/harness.ts';
import { Publisher } from '@chuangcheng/core';

const ctx = fileTestContext();

describe('GET /api/v1/public/publisher', () => {
  it("answers, without a session, the data set's office, hotline and privacy statement in both languages", async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/publisher' });
    expect(res.statusCode).toBe(200);
    const file = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'data/public/heilongjiang.yaml'), 'utf8'));
    const { publisher } = res.json();
    expect(publisher.office).toEqual(file.office);
    expect(publisher.hotline.number).toBe('12345');
    expect(publisher.privacy['zh-CN'].length).toBe(publisher.privacy.en.length);
  });

  it('a publisher file without English, or with a hotline that is not a number, is refused', () => {
    const good = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'data/public/heilongjiang.yaml'), 'utf8'));
    expect(Publisher.safeParse(good).success).toBe(true);
    expect(Publisher.safeParse({ ...good, office: { 'zh-CN': '某市文明办' } }).success).toBe(false);
    expect(Publisher.safeParse({ ...good, hotline: { number: '热线' } }).success).toBe(false);
  });
});
