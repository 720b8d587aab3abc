import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';

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

/** The file store the configuration names: the local driver (the only one so far) on the uploads directory. */
export function fileStoreOf(config: Pick<Config, 'uploadsDir' | 'dataDir'>): FileStore {
  return localFileStore(config.uploadsDir ?? path.join(config.dataDir, 'uploads'));
}
