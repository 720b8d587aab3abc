import { hash, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): about 60 ms a hash on this machine.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user name is unknown, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return decoyHash;
}

/** A random secret (session, CSRF or API token), URL-safe. */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak yields no usable token. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** A readable random password for the first administrator. */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}
