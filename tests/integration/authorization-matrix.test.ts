import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/kernel/roles.ts';
import { apiOperations } from '../../src/wiring/api.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

type Caller = Role | 'anonymous';
type Call = { path: string; json?: unknown };

/**
 * Every API operation × every role: who is let through. A new operation without a row here fails
 * the first test; each row says which roles may call it and how to call it.
 */
const matrix: Record<
  string,
  { allowed: readonly Caller[]; call: (h: Harness, caller: Caller) => Promise<Call> }
> = {
  getMe: { allowed: ROLES, call: async () => ({ path: '/me' }) },
  listUsers: { allowed: ['admin'], call: async () => ({ path: '/users' }) },
  inviteUser: {
    allowed: ['admin'],
    call: async (_h, caller) => ({
      path: '/users/invitations',
      json: { email: `matrix-${caller}@example.ca`, role: 'expert' },
    }),
  },
  updateUser: {
    allowed: ['admin'],
    call: async (h) => ({ path: `/users/${(await h.user('partner')).id}`, json: { role: 'expert' } }),
  },
  listTokens: { allowed: ROLES, call: async () => ({ path: '/tokens' }) },
  createToken: { allowed: ROLES, call: async () => ({ path: '/tokens', json: { name: 'matrix' } }) },
  revokeToken: {
    allowed: ROLES,
    call: async () => ({ path: '/tokens/0190aaaa-0000-7000-8000-000000000000' }),
  },
  listAuditEvents: { allowed: ['admin'], call: async () => ({ path: '/audit-events' }) },
  listOutboxMessages: { allowed: ['admin'], call: async () => ({ path: '/outbox' }) },
};

let h: Harness;
const tokens = new Map<Caller, string>();
beforeAll(async () => {
  h = await createHarness();
  for (const role of ROLES) tokens.set(role, await h.token((await h.user(role)).email));
});
afterAll(() => h?.close());

describe(`authorization matrix (${engine})`, () => {
  it('has a row for every API operation, and no row for an operation that does not exist', () => {
    const ids = apiOperations.map((op) => op.operationId).sort();
    expect(Object.keys(matrix).sort()).toEqual(ids);
  });

  for (const op of apiOperations) {
    for (const caller of [...ROLES, 'anonymous'] as const) {
      const row = matrix[op.operationId];
      const allowed = row?.allowed.includes(caller) ?? false;
      it(`${op.operationId} as ${caller}: ${allowed ? 'allowed' : 'denied'}`, async () => {
        expect(row, `no matrix row for ${op.operationId}`).toBeTruthy();
        const call = await row!.call(h, caller);
        const token = tokens.get(caller);
        const res = await h.request(`/api/v1${call.path}`, {
          method: op.method.toUpperCase(),
          ...(token ? { token } : {}),
          ...(op.body ? { json: call.json ?? {} } : {}),
        });
        if (allowed) {
          expect([401, 403], `${res.status} ${await res.clone().text()}`).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status).toBe(caller === 'anonymous' ? 401 : 403);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
        }
      });
    }
  }
});
