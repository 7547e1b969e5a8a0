import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended memory cost (19 MiB, 2 passes).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  // Without a hash, still spend the same time: the answer's timing must not reveal whether an account exists.
  if (!hashed) {
    await hash(password, ARGON2);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A random, URL-safe secret token. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as this digest: a copy of the database gives no usable token. */
export function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function hmac(secret: string, value: string): Buffer {
  return createHmac('sha256', secret).update(value).digest();
}

/** A keyed digest of a value (e.g. the form token derived from the anti-forgery cookie). */
export function mac(secret: string, value: string): string {
  return hmac(secret, value).toString('base64url');
}

/** `value.signature`: detects any change to a cookie value. */
export function sign(value: string, secret: string): string {
  return `${value}.${hmac(secret, value).toString('base64url')}`;
}

/**
 * The signed value, or undefined when the signature does not match. The encoded
 * signatures are compared, not the decoded bytes: base64url decoding ignores the
 * unused low bits of the last character, so two spellings would otherwise pass.
 */
export function unsign(signed: string, secret: string): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  return safeEqual(signed.slice(dot + 1), hmac(secret, value).toString('base64url')) ? value : undefined;
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Derives a purpose-specific key from the instance secret, so one leak does not open everything. */
export function deriveKey(secret: string, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', secret, 'virage', purpose, 32)).toString('base64url');
}

/** Seals a small secret (a TOTP seed) at rest with AES-256-GCM. */
export function seal(plain: string, secret: string): string {
  return encrypt(plain, Buffer.from(deriveKey(secret, 'seal'), 'base64url'));
}

export function unseal(sealed: string, secret: string): string {
  return decrypt(sealed, Buffer.from(deriveKey(secret, 'seal'), 'base64url'));
}

/**
 * AES-256-GCM with a 32-byte key (a `KeyObject` made once skips re-importing the key at each call,
 * which dominates when thousands of values are opened together): `iv.tag.body` in base64url. `context` (e.g. the record's id) is
 * authenticated with it, so a sealed value copied onto another record does not open there.
 */
export function encrypt(plain: string, key: Buffer | KeyObject, context = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** Opens what `encrypt` sealed; throws when the key, the context or a single bit differs. */
export function decrypt(sealed: string, key: Buffer | KeyObject, context = ''): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}
