import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { buildAgent, buildUser, fileTestContext, type Agent } from '../test/harness.ts';
import { noticeOnTask21, task21WithLiaison } from '../test/province.ts';
import { unitId } from '../modules/supervision/fixtures.ts';
import { todayInChina } from '../modules/supervision/units.ts';
import { DAOLI, randomIp } from '../modules/cases/fixtures.ts';

/*
 * The server's own texts (a problem's detail, a notification) read in the language of the
 * request: Chinese by default and for zh-CN, English when asked for (issue 14).
 */
const ctx = fileTestContext();
let officer: Agent; // of 省住建厅
let inspector: Agent;
let harbinAdmin: Agent;

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const HAN = /[\u4e00-\u9fff]/;

/** A GET with the agent's session and a language. */
async function get(agent: Agent, url: string, headers: Record<string, string>) {
  return ctx.app.inject({ method: 'GET', url, headers: { cookie: agent.cookie, ...headers } });
}

beforeAll(async () => {
  ({ officer } = await task21WithLiaison(ctx));
  inspector = await buildAgent(ctx, 'inspector', '23');
  harbinAdmin = await buildAgent(ctx, 'city_admin', '2301');
});

describe('problem details in the request language', () => {
  it('says a record is missing in Chinese for zh-CN and by default, in English on request', async () => {
    const id = crypto.randomUUID();
    const zh = await get(ctx.admin, `/api/v1/cases/${id}`, ZH);
    expect(zh.statusCode).toBe(404);
    expect(zh.json().detail).toBe(`未找到案件 ${id}`);
    expect((await get(ctx.admin, `/api/v1/cases/${id}`, {})).json().detail).toBe(`未找到案件 ${id}`);
    expect((await get(ctx.admin, `/api/v1/cases/${id}`, EN)).json().detail).toBe(`case ${id}`);
  });

  it('names the missing role permission with the role in Chinese', async () => {
    const zh = await get(inspector, '/api/v1/notices', ZH);
    expect(zh.statusCode).toBe(403);
    expect(zh.json().detail).toMatch(/^角色“督查员”没有/);
    expect((await get(inspector, '/api/v1/notices', EN)).json().detail).toMatch(/^role inspector lacks /);
  });

  it('says a region is outside the scope', async () => {
    const zh = await get(harbinAdmin, '/api/v1/regions/2302', ZH);
    expect(zh.statusCode).toBe(403);
    expect(zh.json().detail).toBe('行政区划 2302 不在您的管辖范围内');
    expect((await get(harbinAdmin, '/api/v1/regions/2302', EN)).json().detail).toBe(
      'region 2302 is outside your scope',
    );
  });

  it('says a notice belongs to another organisation', async () => {
    const id = await issueNotice();
    const other = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省发改委'),
    });
    const zh = await get(other.agent, `/api/v1/notices/${id}`, ZH);
    expect(zh.statusCode).toBe(403);
    expect(zh.json().detail).toMatch(HAN);
    expect((await get(other.agent, `/api/v1/notices/${id}`, EN)).json().detail).not.toMatch(HAN);
  });

  it('says which states a notice step needs, with the states in the reader language', async () => {
    const id = await issueNotice();
    expect((await officer.post(`/api/v1/notices/${id}/acknowledge`)).statusCode).toBe(200);
    const again = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/notices/${id}/acknowledge`,
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, ...ZH },
      });
    const zh = await again();
    expect(zh.statusCode).toBe(409);
    expect(zh.json().detail).toMatch(/当前为“已签收”，此操作要求其为“已下发”$/);
  });
});

describe('field messages, conflicts and import errors in the request language', () => {
  it('names a wrong field in Chinese by default and in English on request', async () => {
    const zh = await get(ctx.admin, '/api/v1/org-units?regionCode=2399', ZH);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual([{ field: 'querystring.regionCode', message: '没有行政区划 2399' }]);
    expect(zh.json().detail).toBe('querystring.regionCode: 没有行政区划 2399');
    const en = await get(ctx.admin, '/api/v1/org-units?regionCode=2399', EN);
    expect(en.json().errors).toEqual([{ field: 'querystring.regionCode', message: 'no region 2399' }]);
  });

  it('says why a request conflicts (409), detail and field, in the reader language', async () => {
    const key = crypto.randomUUID();
    const body = { categoryCode: 'event-stall', description: '占道摆摊卖水果', ...DAOLI, regionCode: '230102' };
    const post = (description: string, headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/cases',
        remoteAddress: randomIp(),
        headers: { 'idempotency-key': key, ...headers },
        payload: { ...body, description },
      });
    expect((await post(body.description, ZH)).statusCode).toBe(201);
    const zh = await post('另一件事', ZH);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().detail).toBe('该幂等键已用于另一份不同内容的上报');
    expect(zh.json().errors[0].message).toMatch(HAN);
    const en = await post('另一件事', EN);
    expect(en.json().detail).toBe('this idempotency key was used for a different report');
    expect(en.json().errors[0].message).not.toMatch(HAN);
  });

  it("lists an import file's errors in the reader language", async () => {
    const boundary = '----cc-server-messages';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\nhello\r\n--${boundary}--\r\n`,
    );
    const send = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/data-sets/urban-environment-quarterly/import',
        headers: {
          cookie: harbinAdmin.cookie,
          'x-csrf-token': harbinAdmin.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...headers,
        },
        payload,
      });
    const zh = await send(ZH);
    expect(zh.json()).toMatchObject({
      code: 'IMPORT_FAILED',
      detail: '共 1 处错误，未导入任何内容：file：不是 Excel（.xlsx）文件，请填写模板后上传',
      errors: [{ field: 'file', message: '不是 Excel（.xlsx）文件，请填写模板后上传' }],
    });
    const en = await send(EN);
    expect(en.json()).toMatchObject({
      detail: '1 error(s), nothing imported: file: not an Excel (.xlsx) file; fill in the template and upload it',
      errors: [{ field: 'file', message: 'not an Excel (.xlsx) file; fill in the template and upload it' }],
    });
  });
});

/** Issues a notice to 省住建厅 on task 2.1; its id. */
async function issueNotice(): Promise<string> {
  const res = await ctx.admin.post('/api/v1/notices', await noticeOnTask21(ctx));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe('notifications in the reader language', () => {
  it('keeps the message and renders it in Chinese or English for each reader', async () => {
    const id = await issueNotice();
    const due = addDays(todayInChina(), 5);
    const find = async (headers: Record<string, string>) => {
      const res = await get(officer, '/api/v1/notifications', headers);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { subjectId: string; title: string; body: string }[];
      return items.find((n) => n.subjectId === id)!;
    };
    const zh = await find(ZH);
    expect(zh.title).toMatch(/：未按月报送2\.1任务进展$/);
    expect(zh.body).toBe(`请于 ${due} 前反馈`);
    const en = await find(EN);
    expect(en.title).toMatch(/: 未按月报送2\.1任务进展$/);
    expect(en.body).toBe(`reply by ${due}`);
  });
});
