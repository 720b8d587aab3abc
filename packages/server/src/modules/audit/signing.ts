import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.ts';

/** Signs checkpoints with Ed25519 (node:crypto, no dependency). */
export type AuditSigner = {
  /** Hex SHA-256 of the public key's DER (SPKI) bytes. */
  keyId: string;
  /** The public key as PEM (SPKI), as published. */
  publicKey: string;
  sign: (body: string) => string;
};

const KEY_FILE = 'audit-signing-key.pem';

function keyIdOf(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex');
}

function signerFromKey(privateKey: crypto.KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError('the audit signing key must be an Ed25519 key');
  const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (body) => crypto.sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64'),
  };
}

/** A fresh key (tests, and the first start of an embedded deployment). */
export const generateSigner = (): AuditSigner => signerFromKey(crypto.generateKeyPairSync('ed25519').privateKey);

/**
 * The server's signing key: `CHUANGCHENG_AUDIT_KEY` (a PKCS#8 PEM, or that PEM in base64) when set,
 * which several servers on one PostgreSQL must share; otherwise `audit-signing-key.pem` in the data
 * directory, created on first use (readable by the owner only).
 */
export function loadSigner(options: { dataDir: string; envKey?: string; create?: boolean }): AuditSigner | undefined {
  if (options.envKey) {
    const pem = options.envKey.includes('BEGIN') ? options.envKey : Buffer.from(options.envKey, 'base64').toString();
    try {
      return signerFromKey(crypto.createPrivateKey(pem));
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(`CHUANGCHENG_AUDIT_KEY is not a private key in PEM: ${(error as Error).message}`);
    }
  }
  const file = path.join(options.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return signerFromKey(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
  if (!options.create) return undefined;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return signerFromKey(privateKey);
}

export function verifySignature(publicKeyPem: string, body: string, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(body, 'utf8'), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The signed text of a checkpoint, after the C2SP tlog-checkpoint note: origin line, tree size,
 * base64 root hash, then our extension line with the signing time.
 */
export function checkpointBody(shard: string, size: number, root: Buffer, signedAt: Date): string {
  return `chuangcheng/audit/${shard}\n${size}\n${root.toString('base64')}\ntime ${signedAt.toISOString()}\n`;
}
