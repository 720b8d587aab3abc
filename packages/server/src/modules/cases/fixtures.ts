import crypto from 'node:crypto';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { TestContext } from '../../test/harness.ts';

/** A point on Zhongyang Street, 道里区, Harbin (inside the 2301 outline). */
export const DAOLI = { lat: 45.7735, lng: 126.6171 };

/** A JPEG photo of `width`×`height` carrying EXIF with a GPS position, like a phone's. */
export function phonePhoto(width = 2400, height = 1800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#8a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'T1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '45/1 46/1 2460/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 37/1 156/100',
      },
    })
    .toBuffer();
}

/** Posts one file (and optional fields) as multipart/form-data, with or without a signed-in agent. */
export function postPhoto(
  ctx: TestContext,
  url: string,
  content: Buffer,
  options: { fileName?: string; fields?: Record<string, string>; agent?: { cookie: string; csrfToken: string } } = {},
) {
  const boundary = `----cc${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'photo.jpg'}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return ctx.app.inject({
    method: 'POST',
    url,
    // From its own address: X-Forwarded-For is believed only from a configured proxy (issue 11).
    remoteAddress: randomIp(),
    headers: {
      ...(options.agent ? { cookie: options.agent.cookie, 'x-csrf-token': options.agent.csrfToken } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(parts),
  });
}

/**
 * A resident's photo posted through the test context's server (which must take it), then read by
 * its display URL from that server and from `other` (a second server on the same database and store).
 */
export async function photoReadFromBoth(ctx: TestContext, other: Pick<TestContext['app'], 'inject'>) {
  const uploaded = await postPhoto(ctx, '/api/v1/public/case-photos', await phonePhoto(800, 600));
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { displayUrl } = uploaded.json() as { displayUrl: string };
  const fromFirst = await ctx.app.inject({ method: 'GET', url: displayUrl });
  const fromSecond = await other.inject({ method: 'GET', url: displayUrl });
  return { fromFirst, fromSecond };
}

export const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

/** A resident's report through the public API. */
export function report(ctx: TestContext, body: Record<string, unknown>, key: string = crypto.randomUUID()) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/cases',
    // Each report from its own address: the public intake allows 20 reports a minute per address.
    remoteAddress: randomIp(),
    headers: { 'idempotency-key': key },
    payload: body,
  });
}

/** A district unit (e.g. 道里区城市管理局) under a parent, straight into the database. */
export async function createUnit(ctx: TestContext, regionCode: string, name: string, parentId: string | null = null) {
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto('org_unit')
    .values({
      id,
      code: `t-${crypto.randomBytes(5).toString('hex')}`,
      name,
      region_code: regionCode,
      parent_id: parentId,
    })
    .execute();
  return id;
}
