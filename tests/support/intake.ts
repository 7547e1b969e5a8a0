import { eq } from 'drizzle-orm';
import { emailVerifications, users } from '../../src/modules/identity/db/tables.ts';
import type { Harness } from './harness.ts';

/** Business facts of an eligible Montréal boutique; override what a test needs. */
export function business(overrides: Record<string, unknown> = {}) {
  return {
    legalName: 'Boutique Zoé inc.',
    tradeName: 'Chez Zoé',
    neq: '1143 920 115',
    street: '123, rue Saint-Denis',
    municipality: 'Montréal',
    postalCode: 'h2x 1y4',
    phone: '514-555-0123',
    email: 'zoe@chezzoe.ca',
    website: 'https://www.chezzoe.ca',
    naics: '458',
    employees: 12,
    foundedYear: 2015,
    annualRevenueBand: '250k-500k',
    contactName: 'Zoé Tremblay',
    ...overrides,
  };
}

export const allConsents = { participation: true, research: false, surveys: true, publication: false };

/** A retailer account with a confirmed address and an API token. */
export async function verifiedRetailer(h: Harness, overrides: { locale?: 'fr' | 'en' } = {}) {
  const { id, email } = await h.user('retailer', overrides);
  return { id, email, token: await h.token(email) };
}

/** An account whose address is not confirmed yet (as after self-registration). */
export async function unverify(h: Harness, userId: string) {
  await h.services.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, userId));
  await h.services.database.db.delete(emailVerifications).where(eq(emailVerifications.userId, userId));
}

export async function defaultProgramId(h: Harness): Promise<string> {
  const res = await h.request('/api/v1/programs');
  return (await res.json()).items[0].id;
}

/** A submitted application of a fresh retailer; returns its id and the retailer's token. */
export async function submitted(
  h: Harness,
  programId: string,
  overrides: Record<string, unknown> = {},
  consents: Record<string, boolean> = allConsents,
) {
  const retailer = await verifiedRetailer(h);
  const created = await h.request('/api/v1/applications', {
    method: 'POST',
    token: retailer.token,
    json: { programId, business: business(overrides), consents, attestation: true },
  });
  if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`);
  const { id } = await created.json();
  const res = await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: retailer.token });
  if (res.status !== 200) throw new Error(`submit failed: ${await res.text()}`);
  return { id, token: retailer.token, retailer };
}

/** An accepted application of a fresh retailer (a distinct NEQ each time, so no duplicate warnings). */
export async function acceptedApplication(
  h: Harness,
  programId: string,
  coordinatorToken: string,
  overrides: Record<string, unknown> = {},
) {
  const app = await submitted(h, programId, {
    neq: `33${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    ...overrides,
  });
  const res = await h.request(`/api/v1/applications/${app.id}/decision`, {
    method: 'POST',
    token: coordinatorToken,
    json: { decision: 'accepted' },
  });
  if (res.status !== 200) throw new Error(`decision failed: ${await res.text()}`);
  return app;
}
