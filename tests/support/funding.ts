import type { Harness } from './harness.ts';
import { acceptedApplication } from './intake.ts';

/** Sets (or adds) a grants envelope of the program with its budget per fiscal year; returns its id. */
export async function grantsEnvelope(
  h: Harness,
  adminToken: string,
  programId: string,
  key: string,
  budgets: [fiscalYear: string, amountCents: number][],
): Promise<string> {
  const res = await h.request(`/api/v1/programs/${programId}/budget`, {
    method: 'PUT',
    token: adminToken,
    json: {
      envelopes: [
        {
          key,
          nameFr: `Subventions ${key}`,
          nameEn: `Grants ${key}`,
          kind: 'grants',
          budgets: budgets.map(([fiscalYear, amountCents]) => ({ fiscalYear, amountCents })),
        },
      ],
    },
  });
  if (res.status !== 200) throw new Error(`budget failed: ${await res.text()}`);
  return (await res.json()).envelopes.find((e: { key: string }) => e.key === key).id;
}

/** An accepted business with an approved action plan (saved by the program team). */
export async function businessWithApprovedPlan(h: Harness, programId: string, coordinatorToken: string) {
  const app = await acceptedApplication(h, programId, coordinatorToken);
  const res = await h.request(`/api/v1/plans/${app.id}`, {
    method: 'PUT',
    token: coordinatorToken,
    json: {
      currentState: 'Vente en boutique seulement',
      goals: 'Vendre en ligne',
      budgetCents: 1_200_000,
      timeline: 'Printemps 2027',
      actions: [
        {
          objective: 'Boutique en ligne',
          steps: 'Choisir une plateforme',
          owner: 'Zoé',
          dueDate: '2027-05-01',
          estimatedCostCents: 1_000_000,
          status: 'todo',
          supplierId: null,
        },
      ],
      status: 'approved',
    },
  });
  if (res.status !== 200) throw new Error(`plan failed: ${await res.text()}`);
  return app;
}

export type AgreementSetUp = {
  programId: string;
  coordinatorToken: string;
  envelopeId: string;
  fiscalYear?: string;
  lines?: { category: string; description: string; amountCents: number }[];
  acceptBy?: string;
};

/** A draft agreement then offered, built through the agreement API; returns it and the retailer's business. */
export async function offeredAgreementFor(h: Harness, setUp: AgreementSetUp) {
  const app = await businessWithApprovedPlan(h, setUp.programId, setUp.coordinatorToken);
  const prepared = await h.request('/api/v1/agreements', {
    method: 'POST',
    token: setUp.coordinatorToken,
    json: {
      applicationId: app.id,
      envelopeId: setUp.envelopeId,
      fiscalYear: setUp.fiscalYear ?? '2026-2027',
      lines: setUp.lines ?? [
        { category: 'ecommerce_platform', description: 'Boutique en ligne', amountCents: 200_000 },
      ],
    },
  });
  if (prepared.status !== 201) throw new Error(`prepare failed: ${await prepared.text()}`);
  const { id } = await prepared.json();
  const offered = await h.request(`/api/v1/agreements/${id}/offer`, {
    method: 'POST',
    token: setUp.coordinatorToken,
    json: { acceptBy: setUp.acceptBy ?? '2027-02-15' },
  });
  if (offered.status !== 200) throw new Error(`offer failed: ${await offered.text()}`);
  return { agreement: await offered.json(), app };
}

/**
 * An accepted agreement (its grant committed in the ledger), built through the agreement API: what
 * claims and payments tests start from.
 */
export async function acceptedAgreementFor(h: Harness, setUp: AgreementSetUp) {
  const { agreement, app } = await offeredAgreementFor(h, setUp);
  const accepted = await h.request(`/api/v1/agreements/${agreement.id}/acceptance`, {
    method: 'POST',
    token: app.token,
    json: { attestation: true, name: 'Zoé Tremblay' },
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${await accepted.text()}`);
  return { agreement: await accepted.json(), app };
}
