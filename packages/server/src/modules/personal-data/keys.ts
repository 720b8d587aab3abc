import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.ts';

/** A 256-bit key and its id (stored with every ciphertext, so keys can rotate). */
type DataKey = { id: string; key: Buffer };
/** The key that seals new values, and every key that may still open old ones. */
export type Keyring = { current: DataKey; byId: Map<string, DataKey> };

const KEY_FILE = 'personal-data.key';

function parseKey(text: string, source: string): DataKey {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${source} must hold 32-byte keys in base64 or hex`);
  return { id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * The keys for personal data, kept outside the database (convention 19): from
 * CHUANGCHENG_PERSONAL_DATA_KEY (comma-separated, newest first: the first seals, all open), or
 * else from `personal-data.key` in the data directory, created with a random key on first start
 * (mode 0600). A database dump without the key reveals no phone number.
 */
export function loadKeyring(options: { envKeys: string | undefined; dataDir: string }): Keyring {
  let keys: DataKey[];
  if (options.envKeys) {
    keys = options.envKeys.split(',').map((k) => parseKey(k, 'CHUANGCHENG_PERSONAL_DATA_KEY'));
  } else {
    const file = path.join(options.dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      // 'wx' fails if another process created it meanwhile; that process's key is then used.
      try {
        fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    keys = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => parseKey(line, file));
  }
  if (keys.length === 0) throw new ConfigError('no personal-data key configured');
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k])) };
}
