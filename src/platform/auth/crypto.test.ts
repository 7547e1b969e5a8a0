import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest, hashPassword, seal, sign, unseal, unsign, verifyPassword } from './crypto.ts';
import { totpCode, verifyTotp } from './totp.ts';

describe('signed values', () => {
  it('round-trip, and any change to value or signature is detected', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), (value, position) => {
        const signed = sign(value, 'k'.repeat(32));
        expect(unsign(signed, 'k'.repeat(32))).toBe(value);
        const i = position % signed.length;
        const flipped = `${signed.slice(0, i)}${signed[i] === 'x' ? 'y' : 'x'}${signed.slice(i + 1)}`;
        expect(unsign(flipped, 'k'.repeat(32))).not.toBe(value);
      }),
    );
    expect(unsign(sign('v', 'a'.repeat(32)), 'b'.repeat(32))).toBeUndefined();
  });
  it('rejects another spelling of the signature whose last character decodes to the same bytes', () => {
    const signed = sign('M ', 'k'.repeat(32));
    const last = signed.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte HMAC is 43 characters; the last one carries 4 bits, its 2 low bits are unused.
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(`${signed.slice(0, -1)}${sibling}`.split('.')[1] ?? '', 'base64url')).toEqual(
      Buffer.from(signed.split('.')[1] ?? '', 'base64url'),
    );
    expect(unsign(`${signed.slice(0, -1)}${sibling}`, 'k'.repeat(32))).toBeUndefined();
  });
});

describe('secrets at rest', () => {
  it('seal and unseal; sealing twice gives different ciphertexts', () => {
    const a = seal('JBSWY3DPEHPK3PXP', 'secret'.repeat(8));
    expect(a).not.toBe(seal('JBSWY3DPEHPK3PXP', 'secret'.repeat(8)));
    expect(unseal(a, 'secret'.repeat(8))).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unseal(a, 'other'.repeat(8))).toThrow();
  });
  it('tokens are stored as a SHA-256 digest', () => {
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hashed, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hashed, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('TOTP (RFC 6238)', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // RFC 6238 test key "12345678901234567890"
  it('matches the RFC test vector', () => {
    expect(totpCode(secret, new Date(59_000))).toBe('287082');
  });
  it('accepts one step of drift, not more', () => {
    const now = new Date('2027-01-01T00:00:10Z');
    const step = Math.floor(now.getTime() / 30000);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now)).toBeUndefined();
    expect(verifyTotp(secret, '12345', now)).toBeUndefined();
  });
});
