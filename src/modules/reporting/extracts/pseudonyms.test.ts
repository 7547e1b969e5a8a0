import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pseudonymizer } from './research-zip.ts';

const secrets = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('research pseudonyms', () => {
  it('are stable within an extract and distinct between businesses (property)', () => {
    fc.assert(
      fc.property(secrets, fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 50 }), (secret, ids) => {
        const first = pseudonymizer(secret);
        const again = pseudonymizer(secret);
        expect(ids.map(first)).toEqual(ids.map(again));
        expect(new Set(ids.map(first)).size).toBe(ids.length);
      }),
    );
  });

  it('differ across extracts for the same business (property)', () => {
    fc.assert(
      fc.property(secrets, secrets, fc.uuid(), (a, b, id) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(pseudonymizer(a)(id)).not.toBe(pseudonymizer(b)(id));
      }),
    );
  });

  it('draw a fresh key for each extract when none is given', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    expect(pseudonymizer()(id)).not.toBe(pseudonymizer()(id));
    expect(pseudonymizer(randomBytes(32))(id)).toMatch(/^[\w-]{16}$/);
  });
});
