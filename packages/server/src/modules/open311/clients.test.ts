import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../../test/harness.ts';
import { DAOLI, phonePhoto, randomIp } from '../cases/fixtures.ts';

/**
 * Open311 as real clients use it (issue 11): address-only reports, empty filters, throttling,
 * long descriptions, CR LF, FixMyStreet's servicerequestupdates and multipart photos, and which
 * fields an anonymous reader sees.
 */

const ctx = fileTestContext();
let apiKey: string;
let cityAdmin: Agent;

beforeAll(async () => {
  const client = await buildUser(ctx, { role: 'inspector', regionCode: '23' });
  apiKey = (await client.agent.post('/api/v1/auth/tokens', { name: 'fixmystreet' })).json().token;
  cityAdmin = (await buildUser(ctx, { role: 'city_admin', regionCode: '2301' })).agent;
});

const get = (url: string, ip = randomIp()) =>
  ctx.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': ip } });
const post = (form: Record<string, string>, format = 'json') =>
  ctx.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'x-forwarded-for': randomIp() },
    payload: new URLSearchParams({ api_key: apiKey, ...form }).toString(),
  });

/** The Open311 form's point fields for DAOLI. */
const AT_DAOLI = { lat: String(DAOLI.lat), long: String(DAOLI.lng) };

const caseOf = (number: string) =>
  ctx.db.selectFrom('problem_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

describe('locations without a point', () => {
  it('places an address_string-only report in the region its address names', async () => {
    const res = await post({
      service_code: 'event-poster',
      address_string: '黑龙江省哈尔滨市道里区兆麟街道中央大街12号',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await caseOf(res.json()[0].service_request_id);
    expect(row.region_code).toBe('230102001');
  });

  it('accepts an unknown address or an address_id alone for a dispatcher to place', async () => {
    const unknown = await post({ service_code: 'event-poster', address_string: 'somewhere near the river' });
    expect(unknown.statusCode, unknown.body).toBe(201);
    expect((await caseOf(unknown.json()[0].service_request_id)).region_code).toBe('23');
    const byId = await post({ service_code: 'event-poster', address_id: '638344' });
    expect(byId.statusCode, byId.body).toBe(201);
    expect(await caseOf(byId.json()[0].service_request_id)).toMatchObject({
      region_code: '23',
      address: 'address_id 638344',
    });
  });
});

describe('filters and descriptions', () => {
  it('treats empty optional filters as absent', async () => {
    for (const format of ['json', 'xml']) {
      const res = await get(`/open311/v2/requests.${format}?service_request_id=&service_code=&status=`);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('keeps a 4,000-character description whole and refuses a longer one clearly', async () => {
    const text = '井'.repeat(4000);
    const ok = await post({
      service_code: 'comp-manhole',
      ...AT_DAOLI,
      description: text,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await caseOf(ok.json()[0].service_request_id)).description).toBe(text);
    const long = await post({
      service_code: 'comp-manhole',
      ...AT_DAOLI,
      description: `${text}井`,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toEqual([{ code: 400, description: 'description: at most 4000 characters (got 4001)' }]);
  });

  it('answers CR LF in a description identically in JSON and XML', async () => {
    const res = await post({
      service_code: 'comp-manhole',
      ...AT_DAOLI,
      description: '第一行\r\n第二行\r第三行',
    });
    const number = res.json()[0].service_request_id;
    const json = await get(`/open311/v2/requests/${number}.json?api_key=${apiKey}`);
    expect(json.json()[0].description).toBe('第一行\n第二行\n第三行');
    const xml = await get(`/open311/v2/requests/${number}.xml?api_key=${apiKey}`);
    expect(xml.body).toContain('<description>第一行\n第二行\n第三行</description>');
  });
});

describe('what an anonymous reader sees (issue 11, item 8)', () => {
  it('gives the street, not the address, a rounded point and no description; staff see it all', async () => {
    const res = await post({
      service_code: 'event-garbage',
      ...AT_DAOLI,
      address_string: '兆麟街道某小区3栋2单元401室门口',
      description: '401室住户门口堆放垃圾',
      'attribute[region_code]': '230102001',
      phone: '13900000001',
    });
    const number = res.json()[0].service_request_id;
    const [anonymous] = (await get(`/open311/v2/requests/${number}.json`)).json();
    expect(anonymous).toMatchObject({
      description: null,
      address: '道里区兆麟街道',
      lat: Math.round(DAOLI.lat * 1000) / 1000,
      long: Math.round(DAOLI.lng * 1000) / 1000,
      media_url: null,
    });
    const anonymousText = JSON.stringify(anonymous);
    expect(anonymousText).not.toContain('401');
    expect(anonymousText).not.toContain('13900000001');
    const [staff] = (await get(`/open311/v2/requests/${number}.json?api_key=${apiKey}`)).json();
    expect(staff).toMatchObject({
      description: '401室住户门口堆放垃圾',
      lat: DAOLI.lat,
      address: expect.stringContaining('401室'),
    });
    expect(JSON.stringify(staff)).not.toContain('13900000001');
  });
});

describe("FixMyStreet's extensions", () => {
  it('posts photos as multipart (media, photo1) with the other parameters', async () => {
    const boundary = `----fms${crypto.randomBytes(6).toString('hex')}`;
    const field = (name: string, value: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    const file = async (name: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpeg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        await phonePhoto(640, 480),
        Buffer.from('\r\n'),
      ]);
    const payload = Buffer.concat([
      field('api_key', apiKey),
      field('service_code', 'event-poster'),
      field('lat', String(DAOLI.lat)),
      field('long', String(DAOLI.lng)),
      field('description', '电线杆小广告'),
      await file('media'),
      await file('photo1'),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-forwarded-for': randomIp() },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const number = /<service_request_id>(\d+)<\/service_request_id>/.exec(res.body)![1]!;
    const row = await caseOf(number);
    const photos = await ctx.db.selectFrom('case_photo').select('kind').where('case_id', '=', row.id).execute();
    expect(photos.map((p) => p.kind)).toEqual(['before', 'before']);
  });

  it('serves servicerequestupdates between start_date and end_date as its client parses them', async () => {
    const start = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const res = await post({
      service_code: 'event-poster',
      ...AT_DAOLI,
      description: '更新测试',
    });
    const number = res.json()[0].service_request_id;
    const row = await caseOf(number);
    await cityAdmin.post(`/api/v1/cases/${row.id}/actions`, { action: 'reject', reason: '已由其他部门处理' });
    const end = new Date(Date.now() + 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const query = `api_key=${apiKey}&start_date=${start}&end_date=${end}`;
    const json = await get(`/open311/v2/servicerequestupdates.json?${query}`);
    expect(json.statusCode, json.body).toBe(200);
    const mine = json.json().filter((u: { service_request_id: string }) => u.service_request_id === number);
    expect(mine).toEqual([
      {
        update_id: expect.any(String),
        service_request_id: number,
        status: 'no_further_action',
        description: '已由其他部门处理',
        updated_datetime: expect.stringMatching(/Z$/),
        media_url: null,
      },
    ]);
    const xml = await get(`/open311/v2/servicerequestupdates.xml?${query}`);
    expect(xml.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests_updates><request_update>/);
    expect(xml.body).toContain(
      `<update_id>${mine[0].update_id}</update_id><service_request_id>${number}</service_request_id><status>no_further_action</status>`,
    );
    expect((await get(`/open311/v2/servicerequestupdates.xml?start_date=${start}&end_date=${end}`)).statusCode).toBe(
      403,
    );
    expect((await get(`/open311/v2/servicerequestupdates.json?api_key=${apiKey}&start_date=${start}`)).statusCode).toBe(
      400,
    );
  });
});

describe('throttling', () => {
  it("answers 429 with Retry-After in the specification's error format", async () => {
    const ip = '10.250.250.250';
    let last = await get('/open311/v2/services.xml', ip);
    for (let i = 0; i < 130 && last.statusCode !== 429; i++) last = await get('/open311/v2/services.xml', ip);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.body).toMatch(/<errors><error><code>429<\/code><description>[^<]+<\/description><\/error><\/errors>/);
  });
});
