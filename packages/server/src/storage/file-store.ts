import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import type { Config, S3Config } from '../config.ts';

/**
 * Where uploaded files live (evidence attachments, case photos), by storage key. Every module that
 * stores or serves a file goes through this interface, so that a file one server stored is served by
 * any other: the local driver on a directory all servers share (CHUANGCHENG_UPLOADS_DIR on a shared
 * volume), or another driver behind the same five operations. Uploads are first streamed into
 * `scratchDir` (a local directory) to be hashed and checked, then `put` in.
 */
export type FileStore = {
  /** A directory on this server for uploads being received and checked. */
  scratchDir: string;
  /** Moves a checked local file in under `key`. */
  put: (key: string, localPath: string) => Promise<void>;
  /** Stores bytes under a new `key` (never overwrites). */
  write: (key: string, data: Buffer) => Promise<void>;
  /** Gives a stored file a second key, so removing either key leaves the other's file in place. */
  copy: (fromKey: string, toKey: string) => Promise<void>;
  /** The file's bytes, or undefined when no file is stored under the key. */
  open: (key: string) => Promise<Readable | undefined>;
  /** Removes the files of the keys; missing ones are ignored. */
  remove: (keys: readonly string[]) => Promise<void>;
};

/** The local driver: files below `dir`, `<key>` as a relative path. */
function localFileStore(dir: string): FileStore {
  const at = (key: string) => path.join(dir, key);
  const ensureDir = (key: string) => fs.promises.mkdir(path.dirname(at(key)), { recursive: true });
  return {
    scratchDir: dir,
    async put(key, localPath) {
      await ensureDir(key);
      await fs.promises.rename(localPath, at(key));
    },
    async write(key, data) {
      await ensureDir(key);
      await fs.promises.writeFile(at(key), data, { flag: 'wx' });
    },
    async copy(fromKey, toKey) {
      await ensureDir(toKey);
      try {
        await fs.promises.link(at(fromKey), at(toKey));
      } catch {
        // A hard link is not possible across devices or on some shared file systems.
        await fs.promises.copyFile(at(fromKey), at(toKey), fs.constants.COPYFILE_EXCL);
      }
    },
    async open(key) {
      const file = at(key);
      const exists = await fs.promises.stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      return exists ? fs.createReadStream(file) : undefined;
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => fs.promises.rm(at(key), { force: true })));
    },
  };
}

/** S3's answers for a key that holds nothing. */
const MISSING = new Set(['NoSuchKey', 'NotFound']);
const isMissing = (error: unknown) => MISSING.has((error as { code?: string }).code ?? '');

/**
 * The S3 driver (any S3-compatible store: AWS S3, MinIO, Ceph RGW, Aliyun OSS in S3 mode), through the
 * MinIO client (decision 0177). Keys are object names in one bucket, which must exist.
 */
function s3FileStore(s3: S3Config, scratchDir: string): FileStore {
  const client = new Minio.Client({
    endPoint: s3.endPoint,
    port: s3.port,
    useSSL: s3.useSSL,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    region: s3.region,
    pathStyle: true,
  });
  const exists = (key: string) =>
    client.statObject(s3.bucket, key).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
  return {
    scratchDir,
    async put(key, localPath) {
      await client.fPutObject(s3.bucket, key, localPath);
      await fs.promises.rm(localPath, { force: true });
    },
    async write(key, data) {
      // Keys are new random names; the check keeps the local driver's "never overwrites" promise.
      if (await exists(key))
        throw Object.assign(new Error(`a file is already stored under ${key}`), { code: 'EEXIST' });
      await client.putObject(s3.bucket, key, data, data.length);
    },
    async copy(fromKey, toKey) {
      await client.copyObject(s3.bucket, toKey, `/${s3.bucket}/${fromKey}`, new Minio.CopyConditions());
    },
    async open(key) {
      try {
        return await client.getObject(s3.bucket, key);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async remove(keys) {
      if (keys.length > 0) await client.removeObjects(s3.bucket, [...keys]);
    },
  };
}

/**
 * The file store the configuration names: the S3 driver when CHUANGCHENG_S3_URL is set, else the
 * local driver on the uploads directory (which is also the S3 driver's scratch directory).
 */
export function fileStoreOf(config: Pick<Config, 'uploadsDir' | 'dataDir' | 's3'>): FileStore {
  const dir = config.uploadsDir ?? path.join(config.dataDir, 'uploads');
  return config.s3 ? s3FileStore(config.s3, dir) : localFileStore(dir);
}
