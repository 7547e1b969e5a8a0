import { describe, expect, it } from 'vitest';
import { refusedCall } from './sync.ts';

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: `urn:virage:problem:${code}`, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('a synchronisation the server did not take', () => {
  it('tells a deactivated account (wipe) from an ended session (sign in again) and other failures', async () => {
    expect(await refusedCall(problem(401, 'account_deactivated'))).toBe('deactivated');
    expect(await refusedCall(problem(401, 'unauthenticated'))).toBe('signed_out');
    expect(await refusedCall(new Response('<html>', { status: 401 }))).toBe('signed_out');
    expect(await refusedCall(problem(503, 'unavailable'))).toBe('failed');
    // Only a 401 wipes anything: the code alone, on another status, does not.
    expect(await refusedCall(problem(403, 'account_deactivated'))).toBe('failed');
  });
});
