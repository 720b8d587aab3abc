import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import * as Minio from 'minio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type S3Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { photoReadFromBoth } from '../modules/cases/fixtures.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { fileStoreOf, type FileStore } from './file-store.ts';

/*
 * The file store's contract, held by both drivers: the local directory and an S3-compatible store.
 * The S3 side runs against s3rver, an S3-compatible server on the local file system (a test
 * dependency), through the same MinIO client the server uses.
 */

const BUCKET = 'chuangcheng-uploads';
let s3rver: S3rver;
let s3: S3Config;
const temp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: temp('cc-s3rver-') });
  const { port } = await s3rver.run();
  s3 = {
    endPoint: '127.0.0.1',
    port,
    useSSL: false,
    bucket: BUCKET,
    region: 'us-east-1',
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
  };
  const admin = new Minio.Client({ ...s3, pathStyle: true });
  await admin.makeBucket(BUCKET, s3.region);
});
afterAll(async () => {
  await s3rver?.close();
});

async function read(stream: Readable | undefined): Promise<string | undefined> {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const drivers: [string, () => FileStore][] = [
  ['local directory', () => fileStoreOf({ uploadsDir: temp('cc-uploads-'), dataDir: '/nonexistent', s3: undefined })],
  ['S3-compatible store', () => fileStoreOf({ uploadsDir: temp('cc-scratch-'), dataDir: '/nonexistent', s3 })],
];

describe.each(drivers)('the file store on a %s', (_name, make) => {
  it('moves a checked local file in, serves it, and answers undefined for a key without a file', async () => {
    const files = make();
    const local = path.join(files.scratchDir, 'upload.tmp');
    fs.writeFileSync(local, '现场照片');
    await files.put('case-photos/2026/a.jpg', local);
    expect(fs.existsSync(local)).toBe(false);
    expect(await read(await files.open('case-photos/2026/a.jpg'))).toBe('现场照片');
    expect(await files.open('case-photos/2026/missing.jpg')).toBeUndefined();
  });

  it('writes new bytes but never overwrites a stored file', async () => {
    const files = make();
    await files.write('documents/notice.pdf', Buffer.from('first'));
    await expect(files.write('documents/notice.pdf', Buffer.from('second'))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await read(await files.open('documents/notice.pdf'))).toBe('first');
  });

  it('keeps a copy when the original key is removed, and ignores missing keys on removal', async () => {
    const files = make();
    await files.write('evidence/original.txt', Buffer.from('佐证材料'));
    await files.copy('evidence/original.txt', 'evidence/copy.txt');
    await files.remove(['evidence/original.txt', 'evidence/never-stored.txt']);
    expect(await files.open('evidence/original.txt')).toBeUndefined();
    expect(await read(await files.open('evidence/copy.txt'))).toBe('佐证材料');
    await files.remove([]);
  });
});

describe('two servers on one S3-compatible store and no shared directory', () => {
  let ctx: TestContext;
  let second: Awaited<ReturnType<typeof buildApp>>;
  const secondScratch = temp('cc-scratch-two-');
  beforeAll(async () => {
    ctx = await createTestContext({ uploadsDir: temp('cc-scratch-one-'), s3 });
    const config = { ...loadConfig({}), ...ctx.config, uploadsDir: secondScratch };
    second = await buildApp({ config, database: ctx.database, logger: false });
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await ctx?.close();
  });

  it('a photo uploaded through one is served by the other', async () => {
    const { fromFirst, fromSecond } = await photoReadFromBoth(ctx, second);
    expect(fromFirst.statusCode).toBe(200);
    expect(fromSecond.statusCode).toBe(200);
    expect(fromSecond.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(fromSecond.rawPayload.equals(fromFirst.rawPayload)).toBe(true);
    // Nothing of it stayed in either server's scratch directory.
    const left = (dir: string) => fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.jpg'));
    expect(left(ctx.config.uploadsDir!)).toEqual([]);
    expect(left(secondScratch)).toEqual([]);
  });
});
