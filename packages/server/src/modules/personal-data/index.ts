import crypto from 'node:crypto';
import type { Keyring } from './keys.ts';

export { loadKeyring, type Keyring } from './keys.ts';

/**
 * Personal data at rest (convention 19), built once for every module: phone numbers now,
 * volunteers' ID numbers next. AES-256-GCM with a fresh IV per value; the key id travels in
 * the sealed text so a rotated-out key still opens old rows; the column's name is bound in as
 * associated data, so a sealed value copied into another column does not open.
 */
export type PersonalData = {
  /** `pd1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). */
  seal: (plaintext: string, column: string) => string;
  open: (sealed: string, column: string) => string;
  /**
   * A keyed HMAC of the normalised value for equality lookups (find cases by a phone number)
   * without storing it in the clear. Computed with the current key: rotating keys means
   * recomputing indexes along with re-sealing.
   */
  blindIndex: (value: string, column: string) => string;
};

const VERSION = 'pd1';

export function createPersonalData(keyring: Keyring): PersonalData {
  const indexKey = Buffer.from(
    crypto.hkdfSync('sha256', keyring.current.key, Buffer.alloc(0), 'chuangcheng blind index', 32),
  );
  return {
    seal(plaintext, column) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', keyring.current.key, iv);
      cipher.setAAD(Buffer.from(column));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return [VERSION, keyring.current.id, ...parts].join('.');
    },
    open(sealed, column) {
      const [version, keyId, iv, body, tag] = sealed.split('.');
      const key = keyId ? keyring.byId.get(keyId) : undefined;
      if (version !== VERSION || !key || iv === undefined || body === undefined || tag === undefined) {
        throw new Error(`cannot open personal data sealed with key ${keyId ?? '?'}: is that key configured?`);
      }
      const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value, column) {
      const normalised = value.replace(/[\s()-]/g, '');
      return crypto.createHmac('sha256', indexKey).update(`${column}\0${normalised}`).digest('hex');
    },
  };
}
