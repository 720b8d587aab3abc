import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext } from '../test/harness.ts';
import { taskId, unitId } from '../modules/supervision/fixtures.ts';
import { changedTables, fillPath, loadWriteRoutes, malformedMultipart, rowCounts } from '../test/openapi-routes.ts';

const ctx = fileTestContext();

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** Creates a custom region group with no members: a body whose `name` the tests fill with bad text. */
const postGroup = (code: string, name: string) =>
  ctx.admin.post('/api/v1/region-groups', { code, name, kind: 'custom', memberCodes: [] });

describe('text PostgreSQL cannot store is a 400 naming the field', () => {
  it('refuses a NUL byte in a body string, in Chinese by default and English on request', async () => {
    const before = await rowCounts(ctx);
    const zh = await postGroup('nul-test', 'a\u0000b');
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'INVALID_TEXT', errors: [{ field: 'body.name' }] });
    expect(zh.json().title).toMatch(/空字符/);
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases',
      headers: { 'accept-language': 'en' },
      payload: { description: 'x', contact: { name: 'a\u0000' } },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({ code: 'INVALID_TEXT', errors: [{ field: 'body.contact.name' }] });
    expect(en.json().title).toMatch(/NUL byte/);
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
  });

  it('refuses a lone surrogate instead of storing a replacement character', async () => {
    const res = await postGroup('surrogate-test', 'a\ud800b');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_TEXT', errors: [{ field: 'body.name' }] });
    const low = await ctx.admin.post('/api/v1/region-groups', { code: 'x', name: '\udc00', kind: 'custom' });
    expect(low.json().errors[0].field).toBe('body.name');
    // A well-formed pair (an emoji) is text like any other.
    const pair = await postGroup('emoji-test', 'a\ud83d\ude00b');
    expect(pair.statusCode).toBe(201);
  });

  it('checks the query, the path and field names as well', async () => {
    const query = await ctx.admin.get('/api/v1/audit?action=%00');
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ code: 'INVALID_TEXT', errors: [{ field: 'query.action' }] });
    const path = await ctx.admin.get('/api/v1/regions/23%00');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0].field).toBe('params.code');
    const key = await ctx.admin.post('/api/v1/region-groups', { code: 'k', ['na\u0000me']: 'x' });
    expect(key.statusCode).toBe(400);
    expect(key.json().errors[0].field).toBe('body.na\u0000me');
  });

  it('refuses nesting deeper than any document the API takes', async () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation/frameworks',
      headers: { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken, 'content-type': 'application/json' },
      payload: `{"document": ${deep}, "note": "x"}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors[0].field).toMatch(/^body\.document\.0\.0/);
  });
});

describe('malformed multipart on every upload route', () => {
  it('is a 400 MALFORMED_MULTIPART naming the file field, and writes nothing', async () => {
    const uploads = (await loadWriteRoutes(ctx)).filter((r) => r.upload);
    expect(uploads.map((r) => r.key).sort()).toMatchInlineSnapshot(`
      [
        "POST /api/v1/cases/photos",
        "POST /api/v1/data-sets/{code}/import",
        "POST /api/v1/evaluation/evidence/{id}/attachments",
        "POST /api/v1/evaluation/findings/{id}/attachments",
        "POST /api/v1/evaluation/frameworks/{id}/import",
        "POST /api/v1/evaluation/incidents/{id}/attachments",
        "POST /api/v1/meetings/{id}/attachments",
        "POST /api/v1/notices/{id}/attachments",
        "POST /api/v1/public/case-photos",
        "POST /api/v1/reports/{id}/attachments",
        "POST /api/v1/supervision/instructions/{id}/attachments",
      ]
    `);
    const before = await rowCounts(ctx);
    for (const route of uploads) {
      const url = fillPath(route.path, { id: ANY_ID, code: 'no-such-set' });
      for (const variant of malformedMultipart) {
        const headers: Record<string, string> = { 'content-type': variant.contentType };
        if (!route.public) Object.assign(headers, { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken });
        const res = await ctx.app.inject({ method: 'POST', url, headers, payload: variant.payload });
        const label = `${route.key} (${variant.name})`;
        // A well-formed first part reaches the owner's lookup before the broken rest is read.
        if (variant.name === 'truncated part' && res.statusCode === 404) continue;
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        expect(res.json().errors[0].field, label).toBe('body.file');
      }
    }
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
  });

  it('is a 400 when the file stream breaks off after the owner was found', async () => {
    const officer = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省住建厅'),
    });
    const draft = await officer.agent.post(`/api/v1/tasks/${await taskId(ctx.db, '2.1')}/reports`, {
      period: '2019-06',
      narrative: 'x',
    });
    expect(draft.statusCode).toBe(201);
    const truncated = malformedMultipart.find((v) => v.name === 'truncated part')!;
    const before = await rowCounts(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${draft.json().id}/attachments`,
      headers: {
        cookie: officer.agent.cookie,
        'x-csrf-token': officer.agent.csrfToken,
        'content-type': truncated.contentType,
        'accept-language': 'en',
      },
      payload: truncated.payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_MULTIPART', errors: [{ field: 'body.file' }] });
    expect(res.json().title).toMatch(/multipart/);
    expect(changedTables(before, await rowCounts(ctx))).toEqual([]);
  });
});
