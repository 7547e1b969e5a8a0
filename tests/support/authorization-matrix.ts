/**
 * The authorization matrix: every API operation × every caller, who is let through (the one source of
 * truth), with the fixtures each operation is called on. The tests/integration/authorization-matrix*
 * files run it, a share of the callers each.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/kernel/roles.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import { users } from '../../src/modules/identity/db/tables.ts';
import { DEFAULT_CRITERIA } from '../../src/modules/intake/domain/eligibility.ts';
import { placeLegalHold, startRetentionRun } from '../../src/modules/privacy/index.ts';
import { BUILD_DATA_EXPORT_JOB } from '../../src/modules/privacy/use-cases/request-data-export.ts';
import { importRegistryExtract } from '../../src/modules/registry/index.ts';
import { RUN_EXPORT_JOB } from '../../src/modules/reporting/use-cases/queue-export.ts';
import { signals } from '../../src/modules/signals/db/tables.ts';
import { workshopRegistrations } from '../../src/modules/workshops/db/tables.ts';
import { apiOperations } from '../../src/wiring/api.ts';
import {
  attachClaimReceipts,
  attachmentForm,
  grantsEnvelopeForClaims,
  insertAcceptedAgreement,
  insertBankAccountForPayments,
  insertDraftClaim,
  insertPaymentApprovedClaim,
  SAMPLE_FILES,
} from './funding.ts';
import { createHarness, engine, type Harness, PASSWORD } from './harness.ts';
import { allConsents, business, defaultProgramId, submitted } from './intake.ts';
import { extractForm, syntheticExtract } from './registry.ts';
import { workshopChange, workshopInput } from './workshops.ts';

export type Caller = Role | 'anonymous';
type Call = { path: string; json?: unknown; form?: FormData };
export type Fixture = {
  h: Harness;
  programId: string;
  retailerToken: string;
  adminToken: string;
  coordinatorToken: string;
  /** The matrix's expert's profile: they coach the files made by coachedOfRetailer. */
  expertId: string;
  caller: Caller;
};

const STAFF: Caller[] = ['coordinator', 'admin'];
/** Every caller the matrix tries: each role, and someone not signed in. */
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];
let neqCounter = 1000;
const nextNeq = () => `22${String(neqCounter++).padStart(7, '0')}0`;

/** An open abuse signal: two submitted applications of the matrix's retailer with one NEQ. */
async function openSignal(f: Fixture): Promise<string> {
  const neq = nextNeq();
  for (let i = 0; i < 2; i++) {
    const res = await f.h.request('/api/v1/applications', {
      method: 'POST',
      token: f.retailerToken,
      json: { programId: f.programId, business: business({ neq }), consents: allConsents, attestation: true },
    });
    const { id } = await res.json();
    await f.h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: f.retailerToken });
  }
  const [row] = await f.h.services.database.db
    .select({ id: signals.id })
    .from(signals)
    .where(eq(signals.fingerprint, `same_neq:${neq}`));
  return row!.id;
}

/** A complete draft of the matrix's retailer, ready to submit. */
async function draft(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/applications', {
    method: 'POST',
    token: f.retailerToken,
    json: {
      programId: f.programId,
      business: business({ neq: nextNeq() }),
      consents: allConsents,
      attestation: true,
    },
  });
  return (await res.json()).id;
}
/** A submitted application of the matrix's retailer. */
async function submittedOfRetailer(f: Fixture): Promise<string> {
  const id = await draft(f);
  await f.h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: f.retailerToken });
  return id;
}

/** An accepted application of the matrix's retailer, with its T0 diagnostic started. */
async function diagnosticOfRetailer(f: Fixture): Promise<{ applicationId: string; diagnosticId: string }> {
  const applicationId = await submittedOfRetailer(f);
  await f.h.request(`/api/v1/applications/${applicationId}/decision`, {
    method: 'POST',
    token: f.coordinatorToken,
    json: { decision: 'accepted' },
  });
  const res = await f.h.request('/api/v1/diagnostics', {
    method: 'POST',
    token: f.retailerToken,
    json: { applicationId, phase: 'T0' },
  });
  return { applicationId, diagnosticId: (await res.json()).id };
}
async function acceptedOfRetailer(f: Fixture): Promise<string> {
  const applicationId = await submittedOfRetailer(f);
  await f.h.request(`/api/v1/applications/${applicationId}/decision`, {
    method: 'POST',
    token: f.coordinatorToken,
    json: { decision: 'accepted' },
  });
  return applicationId;
}

/** An accepted application of the matrix's retailer, coached by the matrix's expert. */
async function coachedOfRetailer(f: Fixture): Promise<string> {
  const applicationId = await acceptedOfRetailer(f);
  await f.h.request('/api/v1/assignments', {
    method: 'POST',
    token: f.coordinatorToken,
    json: { assignments: [{ applicationId, expertId: f.expertId }] },
  });
  return applicationId;
}

const matrixMessage = (f: Fixture) => ({
  programId: f.programId,
  kind: 'transactional',
  segment: { statuses: ['accepted'] },
  subject: { fr: 'Matrice', en: 'Matrix' },
  body: { fr: 'Message de la matrice.', en: 'The matrix’s message.' },
});

/** A message written by the matrix's coordinator. */
async function messageOfCoordinator(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/messages', {
    method: 'POST',
    token: f.coordinatorToken,
    json: matrixMessage(f),
  });
  return (await res.json()).id;
}

/** An export job of the caller when they are on the program team, else a coordinator's (theirs alone). */
async function exportJobOfCaller(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/exports', {
    method: 'POST',
    token: f.caller === 'admin' ? f.adminToken : f.coordinatorToken,
    json: { list: 'experts', format: 'xlsx', filters: {} },
  });
  return (await res.json()).id;
}

let retailerExport: Promise<string> | undefined;
/**
 * A copy of the matrix's retailer's data (the person's own; the privacy officer may see it too), asked
 * for once and built at once: a person may have one copy in preparation and a few a day (decision 42).
 */
function dataExportOfRetailer(f: Fixture): Promise<string> {
  retailerExport ??= (async () => {
    // Another copy the retailer asked for (requestMyDataExport's row) is built first.
    await f.h.services.jobs.drain([BUILD_DATA_EXPORT_JOB]);
    const res = await f.h.request('/api/v1/me/data-exports', { method: 'POST', token: f.retailerToken });
    const { id } = await res.json();
    await f.h.services.jobs.drain([BUILD_DATA_EXPORT_JOB]);
    return id as string;
  })();
  return retailerExport;
}

/** A quarterly report of the matrix's program, produced by its coordinator. */
async function quarterlyReport(f: Fixture): Promise<string> {
  const res = await f.h.request(`/api/v1/programs/${f.programId}/reports`, {
    method: 'POST',
    token: f.coordinatorToken,
    json: { fiscalYear: '2026-2027', quarter: 2, reason: 'Matrice' },
  });
  return (await res.json()).id;
}

/** A request about personal information filed by the matrix's retailer. */
async function privacyRequestOfRetailer(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/privacy-requests', {
    method: 'POST',
    token: f.retailerToken,
    json: { kind: 'access', details: 'Matrice' },
  });
  return (await res.json()).id;
}

const matrixIncident = {
  informationInvolved: 'Courriels',
  circumstances: 'Matrice',
  occurredFrom: '2027-01-02',
  learnedOn: '2027-01-03',
  personsAffected: 1,
  riskAssessment: 'Faible',
  seriousRisk: false,
  notices: { commissionNotifiedOn: null, personsNotifiedOn: null },
  measures: 'Aucune',
  adviceToPersons: 'Aucune',
};

/** An entry of the incident register, recorded by a privacy officer of the fixtures. */
async function privacyIncident(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/privacy-incidents', {
    method: 'POST',
    token: await f.h.token((await f.h.user('privacy')).email),
    json: matrixIncident,
  });
  return (await res.json()).id;
}

/** A workshop of the matrix's program led by the matrix's expert, published unless asked otherwise. */
async function workshopOfExpert(f: Fixture, publish = true): Promise<string> {
  const [expertAccount] = await f.h.services.database.db.select().from(users).where(eq(users.role, 'expert'));
  const res = await f.h.request('/api/v1/workshops', {
    method: 'POST',
    token: f.coordinatorToken,
    json: workshopInput(f.programId, { facilitatorUserId: expertAccount!.id }),
  });
  const id = (await res.json()).items[0].id as string;
  if (publish)
    await f.h.request(`/api/v1/workshops/${id}/publish`, { method: 'POST', token: f.coordinatorToken });
  return id;
}

/** A registration of the matrix's retailer (an accepted business of theirs) to a workshop of the matrix's expert. */
async function registrationOfRetailer(f: Fixture, status: 'registered' | 'offered' = 'registered') {
  await acceptedOfRetailer(f);
  const workshopId = await workshopOfExpert(f);
  const res = await f.h.request(`/api/v1/workshops/${workshopId}/registrations`, {
    method: 'POST',
    token: f.retailerToken,
  });
  const registrationId = (await res.json()).id as string;
  if (status === 'offered')
    await f.h.services.database.db
      .update(workshopRegistrations)
      .set({ status: 'offered', offerExpiresAt: new Date('2027-02-01T00:00:00Z') })
      .where(eq(workshopRegistrations.id, registrationId));
  return { workshopId, registrationId };
}

let sessionHour = 0;
/** A start time no other matrix session uses (sessions of one expert may not overlap). */
const freeStart = () => new Date(Date.UTC(2027, 1, 1, 14) + sessionHour++ * 3_600_000).toISOString();

/** A session of a coached file of the matrix's retailer. */
async function sessionOfRetailer(f: Fixture): Promise<{ applicationId: string; sessionId: string }> {
  const applicationId = await coachedOfRetailer(f);
  const res = await f.h.request('/api/v1/sessions', {
    method: 'POST',
    token: f.coordinatorToken,
    json: { applicationId, startsAt: freeStart(), durationMinutes: 60, mode: 'phone' },
  });
  return { applicationId, sessionId: (await res.json()).id };
}

const matrixPlan = (supplierId: string | null = null) => ({
  currentState: 'État',
  goals: 'Buts',
  budgetCents: 1000,
  timeline: 'Printemps',
  actions: [
    {
      objective: 'A',
      steps: 'B',
      owner: 'C',
      dueDate: '2027-05-01',
      estimatedCostCents: 0,
      status: 'todo',
      supplierId,
    },
  ],
  status: 'draft',
});

/** A coached file of the matrix's retailer with a saved plan (optionally naming a supplier). */
async function planOfRetailer(f: Fixture, supplierId: string | null = null) {
  const applicationId = await coachedOfRetailer(f);
  const res = await f.h.request(`/api/v1/plans/${applicationId}`, {
    method: 'PUT',
    token: f.coordinatorToken,
    json: matrixPlan(supplierId),
  });
  return { applicationId, actionId: (await res.json()).actions[0].id as string };
}

/** A supplier made by the coordinator. */
async function supplier(f: Fixture): Promise<string> {
  const res = await f.h.request('/api/v1/suppliers', {
    method: 'POST',
    token: f.coordinatorToken,
    json: { name: 'Fournisseur', categories: ['trainer'], regions: ['06'], languages: ['fr'] },
  });
  return (await res.json()).id;
}

/** A closed file of the matrix's retailer, with its closure survey. */
async function closedOfRetailer(f: Fixture): Promise<{ applicationId: string; surveyId: string }> {
  const applicationId = await coachedOfRetailer(f);
  const res = await f.h.request(`/api/v1/applications/${applicationId}/close`, {
    method: 'POST',
    token: f.coordinatorToken,
    json: { outcome: 'abandoned', reason: 'Matrice' },
  });
  return { applicationId, surveyId: (await res.json()).surveys[0].id };
}

/** The closure survey of a closed file of the matrix's retailer. */
async function surveyOfRetailer(f: Fixture): Promise<string> {
  return (await closedOfRetailer(f)).surveyId;
}

/** The matrix's grants envelope, with room for every agreement the matrix commits. */
async function matrixGrants(f: Fixture): Promise<string> {
  const res = await f.h.request(`/api/v1/programs/${f.programId}/budget`, {
    method: 'PUT',
    token: f.adminToken,
    json: {
      envelopes: [
        {
          key: 'matrix-grants',
          nameFr: 'Subventions',
          nameEn: 'Grants',
          kind: 'grants',
          budgets: [{ fiscalYear: '2026-2027', amountCents: 1_000_000_000 }],
        },
      ],
    },
  });
  return (await res.json()).envelopes.find((e: { key: string }) => e.key === 'matrix-grants').id;
}

/** An accepted file of the matrix's retailer with an approved plan (what an agreement is prepared from). */
async function plannedOfRetailer(f: Fixture): Promise<string> {
  const applicationId = await acceptedOfRetailer(f);
  await f.h.request(`/api/v1/plans/${applicationId}`, {
    method: 'PUT',
    token: f.coordinatorToken,
    json: { ...matrixPlan(), status: 'approved' },
  });
  return applicationId;
}

const matrixLine = { category: 'website', description: 'Site', amountCents: 100_000 };

/** An agreement of the matrix's retailer, taken to `stage` through the API. */
async function agreementOfRetailer(
  f: Fixture,
  stage: 'draft' | 'offered' | 'accepted' | 'amendment',
): Promise<{ id: string; lineId: string; amendmentId?: string }> {
  const as = (token: string, path: string, json: unknown) =>
    f.h.request(`/api/v1/agreements${path}`, { method: 'POST', token, json });
  const prepared = await as(f.coordinatorToken, '', {
    applicationId: await plannedOfRetailer(f),
    envelopeId: await matrixGrants(f),
    fiscalYear: '2026-2027',
    lines: [matrixLine],
  });
  const { id, lines } = await prepared.json();
  const lineId: string = lines[0].id;
  if (stage === 'draft') return { id, lineId };
  await as(f.coordinatorToken, `/${id}/offer`, { acceptBy: '2027-02-15' });
  if (stage === 'offered') return { id, lineId };
  await as(f.retailerToken, `/${id}/acceptance`, { attestation: true, name: 'Matrice' });
  if (stage === 'accepted') return { id, lineId };
  const proposed = await as(f.retailerToken, `/${id}/amendments`, {
    reason: 'Matrice',
    lines: [{ ...matrixLine, id: lineId, amountCents: 150_000 }],
  });
  return { id, lineId, amendmentId: (await proposed.json()).amendmentId };
}

/** A draft claim of a coached file of the matrix's retailer (rows inserted: claims come from another lane). */
async function claimOfRetailer(f: Fixture): Promise<string> {
  const applicationId = await coachedOfRetailer(f);
  const me = await (await f.h.request('/api/v1/me', { token: f.retailerToken })).json();
  const { claimId } = await insertDraftClaim(f.h, {
    programId: f.programId,
    applicationId,
    retailerId: me.id,
  });
  return claimId;
}

/** A file attached by the matrix's retailer to such a claim. */
async function attachmentOfRetailer(f: Fixture): Promise<string> {
  const claimId = await claimOfRetailer(f);
  const res = await f.h.request(`/api/v1/claims/${claimId}/attachments`, {
    method: 'POST',
    token: f.retailerToken,
    body: attachmentForm(SAMPLE_FILES.pdf, 'facture.pdf', { kind: 'invoice' }),
  });
  return `/claims/${claimId}/attachments/${(await res.json()).id}`;
}

/** Two finance officers of the fixtures (a batch is built by one and approved by the other) and the grants envelope they pay from. */
let paymentsSetUp: Promise<{ builder: string; approver: string; envelopeId: string }> | undefined;
function payments(f: Fixture) {
  paymentsSetUp ??= (async () => {
    const officer = async () => f.h.token((await f.h.user('finance')).email);
    const budget = await f.h.request(`/api/v1/programs/${f.programId}/budget`, {
      method: 'PUT',
      token: f.adminToken,
      json: {
        envelopes: [
          {
            key: 'matrix-payments',
            nameFr: 'Versements',
            nameEn: 'Payments',
            kind: 'grants',
            budgets: [{ fiscalYear: '2026-2027', amountCents: 100_000_000 }],
          },
        ],
      },
    });
    const { envelopes } = await budget.json();
    const envelopeId = envelopes.find((e: { key: string }) => e.key === 'matrix-payments').id;
    return { builder: await officer(), approver: await officer(), envelopeId };
  })();
  return paymentsSetUp;
}

/** A claim of the matrix's retailer approved for payment, its bank details verified. */
async function paymentApprovedOfRetailer(f: Fixture) {
  const { envelopeId } = await payments(f);
  const applicationId = await acceptedOfRetailer(f);
  const [retailer] = await f.h.services.database.db.select().from(users).where(eq(users.role, 'retailer'));
  const ids = await insertPaymentApprovedClaim(f.h.system, {
    programId: f.programId,
    envelopeId,
    fiscalYear: 2026,
    applicationId,
    amountCents: 10_000,
    authorId: retailer!.id,
  });
  const [finance] = await f.h.services.database.db.select().from(users).where(eq(users.role, 'finance'));
  await insertBankAccountForPayments(f.h.system, {
    applicationId,
    updatedBy: retailer!.id,
    verifiedBy: finance!.id,
  });
  return { applicationId, ...ids };
}

/** A batch of claims of the matrix's retailer, taken as far as `to` by the fixtures' finance officers. */
async function batchOfRetailer(f: Fixture, to: 'draft' | 'approved' | 'exported' | 'paid', claims = 1) {
  const { builder, approver } = await payments(f);
  const made = [];
  for (let i = 0; i < claims; i++) made.push(await paymentApprovedOfRetailer(f));
  const built = await f.h.request('/api/v1/payment-batches', {
    method: 'POST',
    token: builder,
    json: { programId: f.programId },
  });
  const { id } = await built.json();
  const post = (path: string, token: string, json?: unknown) =>
    f.h.request(`/api/v1/payment-batches/${id}${path}`, {
      method: 'POST',
      token,
      ...(json === undefined ? {} : { json }),
    });
  if (to !== 'draft') await post('/approval', approver);
  if (to === 'exported' || to === 'paid')
    await f.h.request(`/api/v1/payment-batches/${id}/export?format=csv`, { token: builder });
  if (to === 'paid') await post('/payment', builder, { bankReference: 'MATRIX' });
  return { id, claims: made };
}

/** A request for a research extract by the matrix's researcher, still to be decided. */
async function extractRequestOfResearcher(f: Fixture, generalisation: Record<string, string> = {}) {
  const res = await f.h.request('/api/v1/research-extracts', {
    method: 'POST',
    token: tokens.get('researcher')!,
    json: {
      programId: f.programId,
      purpose: 'Matrice des autorisations : extrait de recherche',
      variableGroups: ['diagnostic'],
      generalisation,
    },
  });
  return (await res.json()).id as string;
}

let approvedExtract: Promise<string> | undefined;
/**
 * An approved extract of the matrix's researcher: five submitted applications consenting to research,
 * every quasi-identifier generalised so they form one class of five (made once).
 */
export function approvedExtractOfResearcher(f: Fixture): Promise<string> {
  approvedExtract ??= (async () => {
    for (let i = 0; i < 5; i++) {
      const created = await f.h.request('/api/v1/applications', {
        method: 'POST',
        token: f.retailerToken,
        json: {
          programId: f.programId,
          business: business({ neq: nextNeq() }),
          consents: { ...allConsents, research: true },
          attestation: true,
        },
      });
      const { id } = await created.json();
      await f.h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: f.retailerToken });
    }
    const id = await extractRequestOfResearcher(f, {
      region: 'none',
      subsector: 'none',
      size_band: 'none',
      year: 'none',
    });
    await f.h.request(`/api/v1/research-extracts/${id}/approval`, {
      method: 'POST',
      token: f.adminToken,
      json: { decision: 'approved' },
    });
    return id;
  })();
  return approvedExtract;
}

/** An accepted agreement of a coached file of the matrix's retailer, prepared by someone outside the matrix. */
async function acceptedAgreementForClaims(f: Fixture) {
  const applicationId = await coachedOfRetailer(f);
  const retailer = await (await f.h.request('/api/v1/me', { token: f.retailerToken })).json();
  return insertAcceptedAgreement(f.h, {
    programId: f.programId,
    applicationId,
    retailerId: retailer.id,
    envelopeId: await grantsEnvelopeForClaims(f.h, f.programId, f.adminToken),
    preparedBy: (await f.h.user('coordinator')).id,
    lines: [{ category: 'website', amountCents: 100_000 }],
  });
}

/** A draft claim of the matrix's retailer with one invoice and its receipts, or that claim submitted. */
async function claimWithReceiptsOfRetailer(f: Fixture, submit = false): Promise<string> {
  const agreement = await acceptedAgreementForClaims(f);
  const created = await f.h.request('/api/v1/claims', {
    method: 'POST',
    token: f.retailerToken,
    json: {
      agreementId: agreement.id,
      invoices: [
        {
          budgetLineId: agreement.lineIds[0],
          supplierName: 'Agence',
          invoiceNumber: `M-${claimCounter++}`,
          invoiceDate: '2027-01-15',
          subtotalCents: 10_000,
          gstCents: 0,
          qstCents: 0,
          gstNumber: null,
          qstNumber: null,
        },
      ],
    },
  });
  const claim = await created.json();
  const retailer = await (await f.h.request('/api/v1/me', { token: f.retailerToken })).json();
  await attachClaimReceipts(f.h, {
    claimId: claim.id,
    invoiceId: claim.invoices[0].id,
    uploadedBy: retailer.id,
  });
  if (submit)
    await f.h.request(`/api/v1/claims/${claim.id}/submission`, { method: 'POST', token: f.retailerToken });
  return claim.id;
}
let claimCounter = 0;

/**
 * The synthetic registry extract, imported once (the same file again changes nothing), loaded: when the
 * administrator's upload of the same file (importRegistryExtract's row) is still loading in the
 * background, the import answers that extract at once, so it is waited for.
 */
async function registryExtractId(f: Fixture): Promise<string> {
  const { extract } = await importRegistryExtract(
    f.h.system,
    { bytes: syntheticExtract(), fileName: 'synthetic.zip' },
    { wait: true },
  );
  await expect
    .poll(
      async () => {
        const res = await f.h.request(`/api/v1/registry/imports/${extract.id}`, { token: f.adminToken });
        return (await res.json()).status;
      },
      { timeout: 20_000 },
    )
    .toBe('current');
  return extract.id;
}

const COACHING: Caller[] = ['expert', ...STAFF];
const FILE_READERS: Caller[] = ['retailer', 'expert', ...STAFF];

/**
 * Every API operation × every role: who is let through. A new operation without a row here fails the
 * first test. Denied callers get 401 (anonymous), 403, or 404 where even the existence of the resource
 * is not theirs to know.
 */
export const matrix: Record<string, { allowed: readonly Caller[]; call: (f: Fixture) => Promise<Call> }> = {
  createWorkshops: {
    allowed: STAFF,
    call: async (f) => ({ path: '/workshops', json: workshopInput(f.programId) }),
  },
  listWorkshops: { allowed: ['retailer', ...COACHING], call: async () => ({ path: '/workshops' }) },
  getWorkshop: {
    allowed: COACHING,
    call: async (f) => ({ path: `/workshops/${await workshopOfExpert(f)}` }),
  },
  updateWorkshop: {
    allowed: STAFF,
    call: async (f) => ({ path: `/workshops/${await workshopOfExpert(f)}`, json: workshopChange() }),
  },
  cancelWorkshop: {
    allowed: STAFF,
    call: async (f) => ({ path: `/workshops/${await workshopOfExpert(f)}/cancel` }),
  },
  publishWorkshop: {
    allowed: STAFF,
    call: async (f) => ({ path: `/workshops/${await workshopOfExpert(f, false)}/publish` }),
  },
  registerForWorkshop: {
    allowed: ['retailer'],
    call: async (f) => {
      await acceptedOfRetailer(f);
      return { path: `/workshops/${await workshopOfExpert(f)}/registrations` };
    },
  },
  cancelWorkshopRegistration: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => {
      const r = await registrationOfRetailer(f);
      return { path: `/workshops/${r.workshopId}/registrations/${r.registrationId}/cancel` };
    },
  },
  acceptWorkshopOffer: {
    allowed: ['retailer'],
    call: async (f) => {
      const r = await registrationOfRetailer(f, 'offered');
      return { path: `/workshops/${r.workshopId}/registrations/${r.registrationId}/accept` };
    },
  },
  answerWorkshopSatisfaction: {
    allowed: ['retailer'],
    call: async (f) => {
      const r = await registrationOfRetailer(f);
      return {
        path: `/workshops/${r.workshopId}/registrations/${r.registrationId}/satisfaction`,
        json: { rating: 5 },
      };
    },
  },
  recordWorkshopAttendance: {
    allowed: COACHING,
    call: async (f) => {
      const r = await registrationOfRetailer(f);
      return {
        path: `/workshops/${r.workshopId}/attendance`,
        json: [{ registrationId: r.registrationId, present: true, minutesAttended: 60 }],
      };
    },
  },
  importWorkshopAttendance: {
    allowed: COACHING,
    call: async (f) => {
      const r = await registrationOfRetailer(f);
      const form = new FormData();
      form.set(
        'csv',
        new File(['email,minutes\nquelqu.un@example.ca,60\n'], 'presences.csv', { type: 'text/csv' }),
      );
      return { path: `/workshops/${r.workshopId}/attendance/import`, form };
    },
  },
  getWorkshopCertificate: {
    allowed: ['retailer', ...COACHING],
    call: async (f) => {
      const r = await registrationOfRetailer(f);
      return { path: `/workshops/${r.workshopId}/certificates/${r.registrationId}.pdf` };
    },
  },
  registerRetailer: {
    allowed: CALLERS,
    call: async (f) => ({
      path: '/accounts',
      json: { email: `reg-${f.caller}@example.ca`, name: 'Reg', password: 'a long enough password' },
    }),
  },
  verifyEmail: {
    allowed: CALLERS,
    call: async () => ({ path: '/accounts/verification', json: { token: 'x'.repeat(43) } }),
  },
  getMe: { allowed: ROLES, call: async () => ({ path: '/me' }) },
  listUsers: { allowed: ['admin'], call: async () => ({ path: '/users' }) },
  inviteUser: {
    allowed: ['admin', 'coordinator'],
    call: async (f) => ({
      path: '/users/invitations',
      json: { email: `matrix-${f.caller}@example.ca`, role: 'expert' },
    }),
  },
  updateUser: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/users/${(await f.h.user('partner')).id}`, json: { role: 'expert' } }),
  },
  listTokens: { allowed: ROLES, call: async () => ({ path: '/tokens' }) },
  createToken: { allowed: ROLES, call: async () => ({ path: '/tokens', json: { name: 'matrix' } }) },
  revokeToken: {
    allowed: ROLES,
    call: async () => ({ path: '/tokens/0190aaaa-0000-7000-8000-000000000000' }),
  },
  listAuditEvents: { allowed: ['admin'], call: async () => ({ path: '/audit-events' }) },
  listOutboxMessages: { allowed: ['admin'], call: async () => ({ path: '/outbox' }) },
  previewMessageAudience: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/messages/preview',
      json: { programId: f.programId, kind: 'newsletter', segment: { regions: ['06'] } },
    }),
  },
  sendMessage: {
    allowed: STAFF,
    call: async (f) => ({ path: '/messages', json: matrixMessage(f) }),
  },
  listMessages: { allowed: STAFF, call: async (f) => ({ path: `/messages?programId=${f.programId}` }) },
  getMessage: { allowed: STAFF, call: async (f) => ({ path: `/messages/${await messageOfCoordinator(f)}` }) },
  listPrograms: { allowed: CALLERS, call: async () => ({ path: '/programs' }) },
  createProgram: {
    allowed: ['admin'],
    call: async (f) => ({
      path: '/programs',
      json: {
        nameFr: 'Matrice',
        nameEn: 'Matrix',
        descriptionFr: 'Programme de la matrice.',
        descriptionEn: 'The matrix program.',
        slug: `matrice-${f.caller}`,
        targetRetailers: 10,
        copyFrom: f.programId,
      },
    }),
  },
  getProgram: { allowed: CALLERS, call: async (f) => ({ path: `/programs/${f.programId}` }) },
  checkEligibility: {
    allowed: CALLERS,
    call: async (f) => ({
      path: `/programs/${f.programId}/eligibility-check`,
      json: {
        neq: '1143920115',
        postalCode: 'H2X 1Y4',
        region: '06',
        naics: '458',
        employees: 3,
        foundedYear: 2001,
      },
    }),
  },
  updateProgramSettings: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/programs/${f.programId}`, json: { targetRetailers: 3000 } }),
  },
  getReminderSettings: {
    allowed: STAFF,
    call: async (f) => ({ path: `/programs/${f.programId}/reminders` }),
  },
  updateReminderSettings: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/programs/${f.programId}/reminders`,
      json: { reminders: [{ kind: 'draft-left-7-days', enabled: true, days: 7 }] },
    }),
  },
  getMyReminderPreference: { allowed: ROLES, call: async () => ({ path: '/me/reminder-preference' }) },
  setMyReminderPreference: {
    allowed: ROLES,
    call: async () => ({ path: '/me/reminder-preference', json: { stopped: false } }),
  },
  publishCriteria: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/programs/${f.programId}/criteria`, json: { criteria: DEFAULT_CRITERIA } }),
  },
  publishConsentTexts: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/programs/${f.programId}/consent-texts`, json: { texts: {} } }),
  },
  getIntakeSummary: {
    allowed: STAFF,
    call: async (f) => ({ path: `/programs/${f.programId}/intake-summary` }),
  },
  createApplication: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: '/applications',
      json: { programId: f.programId, business: { legalName: 'Matrice' } },
    }),
  },
  listApplications: {
    allowed: ['retailer', 'partner', ...STAFF],
    call: async () => ({ path: '/applications' }),
  },
  // The team's lists as files: no retailer, expert, partner, ministry or researcher reads them.
  exportApplicationsCsv: { allowed: STAFF, call: async () => ({ path: '/exports/applications.csv' }) },
  exportApplicationsXlsx: { allowed: STAFF, call: async () => ({ path: '/exports/applications.xlsx' }) },
  getApplication: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({ path: `/applications/${await draft(f)}` }),
  },
  updateApplication: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/applications/${await draft(f)}`, json: { draftStep: 2 } }),
  },
  submitApplication: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/applications/${await draft(f)}/submit` }),
  },
  withdrawApplication: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/applications/${await draft(f)}/withdraw` }),
  },
  requestReview: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/applications/${await submittedOfRetailer(f)}/review-request`, json: {} }),
  },
  decideApplication: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/applications/${await submittedOfRetailer(f)}/decision`,
      json: { decision: 'info_requested', reason: 'Matrice' },
    }),
  },
  decideApplications: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/applications/decisions',
      json: { ids: [await submittedOfRetailer(f)], decision: 'info_requested', reason: 'Matrice' },
    }),
  },
  addApplicationNote: {
    allowed: STAFF,
    call: async (f) => ({ path: `/applications/${await draft(f)}/notes`, json: { text: 'Note' } }),
  },
  importApplications: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/applications/import',
      json: { programId: f.programId, csv: 'legal_name\n' },
    }),
  },
  listPartners: { allowed: STAFF, call: async () => ({ path: '/partners' }) },
  createPartner: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/partners',
      json: { programId: f.programId, name: `Partenaire ${f.caller}` },
    }),
  },
  addPartnerMember: {
    allowed: STAFF,
    call: async () => ({
      path: '/partners/0190aaaa-0000-7000-8000-000000000000/members',
      json: { email: 'p@example.ca' },
    }),
  },
  getCurrentQuestionnaire: {
    allowed: CALLERS,
    call: async (f) => ({ path: `/questionnaires/current?programId=${f.programId}` }),
  },
  getQuestionnaire: {
    allowed: CALLERS,
    call: async (f) => ({
      path: `/questionnaires/${(await (await f.h.request(`/api/v1/questionnaires/current?programId=${f.programId}`)).json()).id}`,
    }),
  },
  saveQuestionnaireDraft: {
    allowed: ['admin'],
    call: async (f) => ({
      path: '/questionnaires',
      json: { programId: f.programId, content: DEFAULT_QUESTIONNAIRE },
    }),
  },
  publishQuestionnaire: {
    allowed: ['admin'],
    call: async (f) => {
      const draft = await f.h.request('/api/v1/questionnaires', {
        method: 'POST',
        token: f.adminToken,
        json: { programId: f.programId, content: DEFAULT_QUESTIONNAIRE },
      });
      return { path: `/questionnaires/${(await draft.json()).id}/publish` };
    },
  },
  startDiagnostic: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({
      path: '/diagnostics',
      json: { applicationId: await acceptedOfRetailer(f), phase: 'T0' },
    }),
  },
  getDiagnostic: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({ path: `/diagnostics/${(await diagnosticOfRetailer(f)).diagnosticId}` }),
  },
  saveDiagnosticAnswers: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/diagnostics/${(await diagnosticOfRetailer(f)).diagnosticId}/answers`,
      json: { answers: {} },
    }),
  },
  completeDiagnostic: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/diagnostics/${(await diagnosticOfRetailer(f)).diagnosticId}/complete` }),
  },
  getDiagnosticReport: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({ path: `/diagnostics/${(await diagnosticOfRetailer(f)).diagnosticId}/report.pdf` }),
  },
  listApplicationDiagnostics: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({
      path: `/applications/${(await diagnosticOfRetailer(f)).applicationId}/diagnostics`,
    }),
  },
  listRecommendations: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/recommendations?programId=${f.programId}` }),
  },
  saveRecommendation: {
    allowed: ['admin'],
    call: async (f) => ({
      path: '/recommendations',
      json: {
        programId: f.programId,
        key: 'matrix_rec',
        dimensionId: 'marketing',
        minScore: 0,
        maxScore: 50,
        titleFr: 'Titre',
        titleEn: 'Title',
        textFr: 'Texte',
        textEn: 'Text',
        costMin: 0,
        costMax: 100,
        effort: 'low',
      },
    }),
  },
  createExpert: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/experts',
      json: {
        email: (await f.h.user('expert')).email,
        regions: ['06'],
        languages: ['fr'],
        specialties: [],
        capacity: 5,
      },
    }),
  },
  listExperts: { allowed: STAFF, call: async () => ({ path: '/experts' }) },
  exportExpertsCsv: { allowed: STAFF, call: async () => ({ path: '/exports/experts.csv' }) },
  exportExpertsXlsx: { allowed: STAFF, call: async () => ({ path: '/exports/experts.xlsx' }) },
  getExpert: { allowed: COACHING, call: async (f) => ({ path: `/experts/${f.expertId}` }) },
  updateExpert: {
    allowed: STAFF,
    call: async (f) => ({ path: `/experts/${f.expertId}`, json: { capacity: 500 } }),
  },
  proposeAssignments: {
    allowed: STAFF,
    call: async (f) => ({ path: '/assignments/proposal', json: { programId: f.programId } }),
  },
  confirmAssignments: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/assignments',
      json: { assignments: [{ applicationId: await acceptedOfRetailer(f), expertId: f.expertId }] },
    }),
  },
  scheduleSession: {
    allowed: COACHING,
    call: async (f) => ({
      path: '/sessions',
      json: {
        applicationId: await coachedOfRetailer(f),
        startsAt: freeStart(),
        durationMinutes: 60,
        mode: 'video',
      },
    }),
  },
  listSessions: {
    allowed: FILE_READERS,
    call: async (f) => ({ path: `/sessions?applicationId=${await coachedOfRetailer(f)}` }),
  },
  getSession: {
    allowed: FILE_READERS,
    call: async (f) => ({ path: `/sessions/${(await sessionOfRetailer(f)).sessionId}` }),
  },
  updateSession: {
    allowed: COACHING,
    call: async (f) => ({
      path: `/sessions/${(await sessionOfRetailer(f)).sessionId}`,
      json: { location: 'Ailleurs' },
    }),
  },
  getSessionInvitation: {
    allowed: FILE_READERS,
    call: async (f) => ({ path: `/sessions/${(await sessionOfRetailer(f)).sessionId}/invite.ics` }),
  },
  getPlan: { allowed: FILE_READERS, call: async (f) => ({ path: `/plans/${await coachedOfRetailer(f)}` }) },
  savePlan: {
    allowed: COACHING,
    call: async (f) => ({ path: `/plans/${await coachedOfRetailer(f)}`, json: matrixPlan() }),
  },
  updateActionProgress: {
    allowed: FILE_READERS,
    call: async (f) => {
      const { applicationId, actionId } = await planOfRetailer(f);
      return { path: `/plans/${applicationId}/actions/${actionId}`, json: { status: 'done' } };
    },
  },
  getCoachingOverview: {
    allowed: FILE_READERS,
    call: async (f) => ({ path: `/applications/${await coachedOfRetailer(f)}/coaching` }),
  },
  listFileMessages: {
    allowed: FILE_READERS,
    call: async (f) => ({ path: `/applications/${await coachedOfRetailer(f)}/messages` }),
  },
  postFileMessage: {
    allowed: FILE_READERS,
    call: async (f) => ({
      path: `/applications/${await coachedOfRetailer(f)}/messages`,
      json: { body: 'Matrice' },
    }),
  },
  closeFile: {
    allowed: COACHING,
    call: async (f) => ({
      path: `/applications/${await coachedOfRetailer(f)}/close`,
      json: { outcome: 'abandoned', reason: 'Matrice' },
    }),
  },
  reopenFile: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/applications/${(await closedOfRetailer(f)).applicationId}/reopen`,
      json: { reason: 'Matrice' },
    }),
  },
  getSurvey: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => ({ path: `/surveys/${await surveyOfRetailer(f)}` }),
  },
  answerSurvey: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/surveys/${await surveyOfRetailer(f)}/answers`,
      json: {
        onlineSalesShare: 5,
        revenueChange: 'stable',
        jobsCreated: 0,
        jobsKept: 3,
        toolsAdopted: [],
        satisfactionExpert: 4,
        satisfactionProgram: 4,
      },
    }),
  },
  listSuppliers: {
    allowed: ['retailer', 'expert', 'partner', ...STAFF],
    call: async () => ({ path: '/suppliers' }),
  },
  exportSuppliersCsv: { allowed: STAFF, call: async () => ({ path: '/exports/suppliers.csv' }) },
  exportSuppliersXlsx: { allowed: STAFF, call: async () => ({ path: '/exports/suppliers.xlsx' }) },
  createSupplier: {
    allowed: STAFF,
    call: async () => ({
      path: '/suppliers',
      json: { name: 'Agence', categories: ['web_agency'], regions: ['06'], languages: ['fr'] },
    }),
  },
  updateSupplier: {
    allowed: STAFF,
    call: async (f) => ({ path: `/suppliers/${await supplier(f)}`, json: { active: false } }),
  },
  rateSupplier: {
    allowed: ['retailer'],
    call: async (f) => {
      const supplierId = await supplier(f);
      const { applicationId } = await planOfRetailer(f, supplierId);
      return { path: `/suppliers/${supplierId}/ratings`, json: { applicationId, rating: 5 } };
    },
  },
  getCaseload: { allowed: ['expert'], call: async () => ({ path: '/caseload' }) },
  getWorkload: { allowed: STAFF, call: async () => ({ path: '/workload' }) },
  // Field mode: experts only; a pack describes only their own files (the others are listed to wipe).
  getVisitPacks: {
    allowed: ['expert'],
    call: async (f) => ({ path: `/visit-packs?applicationIds=${await coachedOfRetailer(f)}` }),
  },
  syncCommands: {
    allowed: ['expert'],
    call: async () => ({ path: '/sync/commands', json: { commands: [] } }),
  },
  // The program's sessions, plans and surveys as files: the program team only, like the lists they come from.
  exportSessionsCsv: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/sessions.csv?programId=${f.programId}` }),
  },
  exportSessionsXlsx: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/sessions.xlsx?programId=${f.programId}` }),
  },
  exportPlansCsv: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/plans.csv?programId=${f.programId}` }),
  },
  exportPlansXlsx: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/plans.xlsx?programId=${f.programId}` }),
  },
  exportSurveysCsv: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/surveys.csv?programId=${f.programId}` }),
  },
  exportSurveysXlsx: {
    allowed: STAFF,
    call: async (f) => ({ path: `/exports/surveys.xlsx?programId=${f.programId}` }),
  },
  getBudget: {
    allowed: [...STAFF, 'finance', 'ministry'],
    call: async (f) => ({ path: `/programs/${f.programId}/budget` }),
  },
  setBudget: {
    allowed: ['admin'],
    call: async (f) => ({
      path: `/programs/${f.programId}/budget`,
      json: {
        envelopes: [
          {
            key: 'matrix',
            nameFr: 'Subventions',
            nameEn: 'Grants',
            kind: 'grants',
            budgets: [{ fiscalYear: '2026-2027', amountCents: 100_000 }],
          },
        ],
      },
    }),
  },
  closeFiscalYear: {
    allowed: ['admin', 'finance'],
    call: async (f) => ({
      path: `/programs/${f.programId}/budget/year-end`,
      json: { fiscalYear: '2020-2021' },
    }),
  },
  listLedger: { allowed: [...STAFF, 'finance'], call: async () => ({ path: '/ledger' }) },
  getAidRules: {
    allowed: [...STAFF, 'finance'],
    call: async (f) => ({ path: `/programs/${f.programId}/aid-rules` }),
  },
  setAidRules: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/programs/${f.programId}/aid-rules`, json: DEFAULT_AID_RULES }),
  },
  listAgreements: { allowed: [...STAFF, 'finance', 'retailer'], call: async () => ({ path: '/agreements' }) },
  // The agreements list and the claims queue as files: the team and finance, who work those lists.
  exportAgreementsCsv: {
    allowed: [...STAFF, 'finance'],
    call: async () => ({ path: '/exports/agreements.csv' }),
  },
  exportAgreementsXlsx: {
    allowed: [...STAFF, 'finance'],
    call: async () => ({ path: '/exports/agreements.xlsx' }),
  },
  exportClaimsCsv: { allowed: [...STAFF, 'finance'], call: async () => ({ path: '/exports/claims.csv' }) },
  exportClaimsXlsx: { allowed: [...STAFF, 'finance'], call: async () => ({ path: '/exports/claims.xlsx' }) },
  prepareAgreement: {
    allowed: STAFF,
    call: async (f) => ({
      path: '/agreements',
      json: {
        applicationId: await plannedOfRetailer(f),
        envelopeId: await matrixGrants(f),
        fiscalYear: '2026-2027',
        lines: [matrixLine],
      },
    }),
  },
  getAgreement: {
    allowed: [...STAFF, 'finance', 'retailer'],
    call: async (f) => ({ path: `/agreements/${(await agreementOfRetailer(f, 'draft')).id}` }),
  },
  updateAgreement: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/agreements/${(await agreementOfRetailer(f, 'draft')).id}`,
      json: { version: 1, lines: [matrixLine] },
    }),
  },
  offerAgreement: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/agreements/${(await agreementOfRetailer(f, 'draft')).id}/offer`,
      json: { acceptBy: '2027-02-15' },
    }),
  },
  getAgreementLetter: {
    allowed: [...STAFF, 'finance', 'retailer'],
    call: async (f) => ({ path: `/agreements/${(await agreementOfRetailer(f, 'offered')).id}/letter.pdf` }),
  },
  acceptAgreement: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/agreements/${(await agreementOfRetailer(f, 'offered')).id}/acceptance`,
      json: { attestation: true, name: 'Matrice' },
    }),
  },
  declineAgreement: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/agreements/${(await agreementOfRetailer(f, 'offered')).id}/decline`,
      json: { reason: 'Matrice' },
    }),
  },
  proposeAmendment: {
    allowed: ['retailer', ...STAFF],
    call: async (f) => {
      const { id, lineId } = await agreementOfRetailer(f, 'accepted');
      return {
        path: `/agreements/${id}/amendments`,
        json: { reason: 'Matrice', lines: [{ ...matrixLine, id: lineId }] },
      };
    },
  },
  decideAmendment: {
    allowed: STAFF,
    call: async (f) => {
      const { id, amendmentId } = await agreementOfRetailer(f, 'amendment');
      return {
        path: `/agreements/${id}/amendments/${amendmentId}/decision`,
        json: { decision: 'refused', reason: 'Matrice' },
      };
    },
  },
  closeAgreement: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/agreements/${(await agreementOfRetailer(f, 'accepted')).id}/closure`,
      json: { reason: 'Matrice' },
    }),
  },
  listClaimAttachments: {
    allowed: [...FILE_READERS, 'finance'],
    call: async (f) => ({ path: `/claims/${await claimOfRetailer(f)}/attachments` }),
  },
  addClaimAttachment: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/claims/${await claimOfRetailer(f)}/attachments`,
      form: attachmentForm(SAMPLE_FILES.png, 'preuve.png', { kind: 'proof_of_payment' }),
    }),
  },
  getClaimAttachment: {
    allowed: [...FILE_READERS, 'finance'],
    call: async (f) => ({ path: await attachmentOfRetailer(f) }),
  },
  removeClaimAttachment: {
    allowed: ['retailer'],
    call: async (f) => ({ path: await attachmentOfRetailer(f) }),
  },
  getProgramDashboard: {
    allowed: STAFF,
    call: async (f) => ({ path: `/programs/${f.programId}/dashboard` }),
  },
  // The ministry reads aggregates only: the dashboard, which names files in its alerts, is refused above.
  getProgramIndicators: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/programs/${f.programId}/indicators?from=2026-04-01` }),
  },
  // Disclosure rules: whoever reads the controlled figures sees them; administrators alone set them.
  getDisclosureRules: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/programs/${f.programId}/disclosure-rules` }),
  },
  setDisclosureRules: {
    allowed: ['admin'],
    call: async (f) => ({
      path: `/programs/${f.programId}/disclosure-rules`,
      json: { minCount: 5, dominance: 0.85 },
    }),
  },
  // Quarterly reports: the program team produces them; the ministry reads and downloads them too.
  produceQuarterlyReport: {
    allowed: STAFF,
    call: async (f) => ({
      path: `/programs/${f.programId}/reports`,
      json: { fiscalYear: '2026-2027', quarter: 1, reason: 'Matrice' },
    }),
  },
  listQuarterlyReports: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/programs/${f.programId}/reports` }),
  },
  getQuarterlyReport: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/reports/${await quarterlyReport(f)}` }),
  },
  downloadQuarterlyReportPdf: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/reports/${await quarterlyReport(f)}.pdf?lang=en` }),
  },
  downloadQuarterlyReportXlsx: {
    allowed: [...STAFF, 'ministry'],
    call: async (f) => ({ path: `/reports/${await quarterlyReport(f)}.xlsx` }),
  },
  getBankAccount: {
    allowed: ['retailer', 'finance'],
    call: async (f) => ({ path: `/applications/${await acceptedOfRetailer(f)}/bank-account` }),
  },
  setBankAccount: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/applications/${await acceptedOfRetailer(f)}/bank-account`,
      json: {
        holderName: 'Matrice',
        institution: '815',
        transit: '30000',
        account: '1234567',
        password: PASSWORD,
      },
    }),
  },
  verifyBankAccount: {
    allowed: ['finance'],
    call: async (f) => ({
      path: `/applications/${(await paymentApprovedOfRetailer(f)).applicationId}/bank-account/verification`,
      json: {},
    }),
  },
  recordRegistryOverride: {
    allowed: ['finance', 'admin'],
    call: async (f) => ({
      path: `/applications/${(await paymentApprovedOfRetailer(f)).applicationId}/registry-override`,
      json: { reason: 'Radiation annulée, confirmée au téléphone' },
    }),
  },
  previewPaymentBatch: {
    allowed: ['finance'],
    call: async (f) => ({ path: '/payment-batches/preview', json: { programId: f.programId } }),
  },
  buildPaymentBatch: {
    allowed: ['finance'],
    call: async (f) => {
      await paymentApprovedOfRetailer(f);
      return { path: '/payment-batches', json: { programId: f.programId } };
    },
  },
  listPaymentBatches: { allowed: ['finance'], call: async () => ({ path: '/payment-batches' }) },
  getPaymentBatch: {
    allowed: ['finance'],
    call: async (f) => ({ path: `/payment-batches/${(await batchOfRetailer(f, 'draft')).id}` }),
  },
  approvePaymentBatch: {
    allowed: ['finance'],
    call: async (f) => ({ path: `/payment-batches/${(await batchOfRetailer(f, 'draft')).id}/approval` }),
  },
  exportPaymentBatch: {
    allowed: ['finance'],
    call: async (f) => ({
      path: `/payment-batches/${(await batchOfRetailer(f, 'approved')).id}/export?format=csv`,
    }),
  },
  markPaymentBatchPaid: {
    allowed: ['finance'],
    call: async (f) => ({
      path: `/payment-batches/${(await batchOfRetailer(f, 'exported')).id}/payment`,
      json: { bankReference: 'MATRIX-1' },
    }),
  },
  cancelPaymentBatch: {
    allowed: ['finance'],
    call: async (f) => ({ path: `/payment-batches/${(await batchOfRetailer(f, 'draft')).id}/cancellation` }),
  },
  removeBatchClaim: {
    allowed: ['finance'],
    call: async (f) => {
      const batch = await batchOfRetailer(f, 'draft', 2);
      return { path: `/payment-batches/${batch.id}/claims/${batch.claims[0]!.claimId}` };
    },
  },
  createRecovery: {
    allowed: ['finance'],
    call: async (f) => {
      const { claims } = await batchOfRetailer(f, 'paid');
      return {
        path: '/recoveries',
        json: { agreementId: claims[0]!.agreementId, amountCents: 1_000, reason: 'Matrice' },
      };
    },
  },
  recordRepayment: {
    allowed: ['finance'],
    call: async (f) => {
      const { claims } = await batchOfRetailer(f, 'paid');
      const res = await f.h.request('/api/v1/recoveries', {
        method: 'POST',
        token: (await payments(f)).builder,
        json: { agreementId: claims[0]!.agreementId, amountCents: 1_000, reason: 'Matrice' },
      });
      return {
        path: `/recoveries/${(await res.json()).id}/repayments`,
        json: { amountCents: 500, receivedOn: '2027-02-01', reference: 'Matrice' },
      };
    },
  },
  listRecoveries: {
    allowed: ['retailer', 'finance', ...STAFF],
    call: async (f) => ({ path: `/recoveries?applicationId=${await acceptedOfRetailer(f)}` }),
  },
  filePrivacyRequest: {
    allowed: [...ROLES],
    call: async () => ({ path: '/privacy-requests', json: { kind: 'complaint', details: 'Matrice' } }),
  },
  listPrivacyRequests: { allowed: ['privacy'], call: async () => ({ path: '/privacy-requests' }) },
  getPrivacyRequest: {
    allowed: ['retailer', 'privacy'],
    call: async (f) => ({ path: `/privacy-requests/${await privacyRequestOfRetailer(f)}` }),
  },
  answerPrivacyRequest: {
    allowed: ['privacy'],
    call: async (f) => ({
      path: `/privacy-requests/${await privacyRequestOfRetailer(f)}/answer`,
      json: { status: 'in_progress' },
    }),
  },
  recordPrivacyIncident: {
    allowed: ['privacy'],
    call: async () => ({ path: '/privacy-incidents', json: matrixIncident }),
  },
  listPrivacyIncidents: { allowed: ['privacy'], call: async () => ({ path: '/privacy-incidents' }) },
  exportPrivacyIncidentsCsv: {
    allowed: ['privacy'],
    call: async () => ({ path: '/privacy-incidents/register.csv' }),
  },
  exportPrivacyIncidentsPdf: {
    allowed: ['privacy'],
    call: async () => ({ path: '/privacy-incidents/register.pdf' }),
  },
  getPrivacyIncident: {
    allowed: ['privacy'],
    call: async (f) => ({ path: `/privacy-incidents/${await privacyIncident(f)}` }),
  },
  updatePrivacyIncident: {
    allowed: ['privacy'],
    call: async (f) => ({
      path: `/privacy-incidents/${await privacyIncident(f)}`,
      json: { ...matrixIncident, measures: 'Mots de passe changés' },
    }),
  },
  listPrivacyIncidentVersions: {
    allowed: ['privacy'],
    call: async (f) => ({ path: `/privacy-incidents/${await privacyIncident(f)}/history` }),
  },
  getPrivacyIncidentNotice: {
    allowed: ['privacy'],
    call: async (f) => ({ path: `/privacy-incidents/${await privacyIncident(f)}/notice.pdf?locale=en` }),
  },
  listResearchExtracts: {
    allowed: ['researcher', 'admin', 'privacy'],
    call: async () => ({ path: '/research-extracts' }),
  },
  requestResearchExtract: {
    allowed: ['researcher'],
    call: async (f) => ({
      path: '/research-extracts',
      json: {
        programId: f.programId,
        purpose: 'Matrice des autorisations : extrait de recherche',
        variableGroups: ['profile'],
      },
    }),
  },
  decideResearchExtract: {
    allowed: ['admin'],
    call: async (f) => ({
      path: `/research-extracts/${await extractRequestOfResearcher(f)}/approval`,
      json: { decision: 'refused', reason: 'Matrice' },
    }),
  },
  downloadResearchExtract: {
    allowed: ['researcher', 'admin'],
    call: async (f) => ({ path: `/research-extracts/${await approvedExtractOfResearcher(f)}/download` }),
  },
  startExport: {
    allowed: STAFF,
    call: async () => ({ path: '/exports', json: { list: 'experts', format: 'csv', filters: {} } }),
  },
  getExportJob: { allowed: STAFF, call: async (f) => ({ path: `/exports/${await exportJobOfCaller(f)}` }) },
  downloadExportFile: {
    allowed: STAFF,
    call: async (f) => {
      const id = await exportJobOfCaller(f);
      // Only that export's queue: draining them all ran every job the file had queued (20–40 s when busy).
      await f.h.services.jobs.drain([RUN_EXPORT_JOB]);
      return { path: `/exports/${id}/file` };
    },
  },
  listMyConsents: { allowed: ['retailer'], call: async () => ({ path: '/me/consents' }) },
  withdrawMyConsent: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: '/me/consents/surveys/withdrawal',
      json: { applicationId: await submittedOfRetailer(f) },
    }),
  },
  giveMyConsent: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: '/me/consents/publication/grant',
      json: { applicationId: await submittedOfRetailer(f) },
    }),
  },
  requestMyDataExport: { allowed: ROLES, call: async () => ({ path: '/me/data-exports' }) },
  getMyDataExport: {
    allowed: ['retailer', 'privacy'],
    call: async (f) => ({ path: `/me/data-exports/${await dataExportOfRetailer(f)}` }),
  },
  downloadMyDataExport: {
    allowed: ['retailer', 'privacy'],
    call: async (f) => {
      const id = await dataExportOfRetailer(f);
      // Only the copy's job: the matrix queues many others (list exports, mail) it need not wait for.
      await f.h.services.jobs.drain([BUILD_DATA_EXPORT_JOB]);
      return { path: `/me/data-exports/${id}/file` };
    },
  },
  listClaims: {
    allowed: ['retailer', 'expert', ...STAFF, 'finance'],
    call: async () => ({ path: '/claims?mine=true' }),
  },
  createClaim: {
    allowed: ['retailer'],
    call: async (f) => ({ path: '/claims', json: { agreementId: (await acceptedAgreementForClaims(f)).id } }),
  },
  getClaim: {
    allowed: ['retailer', 'expert', ...STAFF, 'finance'],
    call: async (f) => ({ path: `/claims/${await claimWithReceiptsOfRetailer(f, true)}` }),
  },
  updateClaim: {
    allowed: ['retailer'],
    call: async (f) => ({
      path: `/claims/${await claimWithReceiptsOfRetailer(f)}`,
      json: { version: 1, invoices: [] },
    }),
  },
  submitClaim: {
    allowed: ['retailer'],
    call: async (f) => ({ path: `/claims/${await claimWithReceiptsOfRetailer(f)}/submission` }),
  },
  reviewClaim: {
    allowed: ['expert', ...STAFF],
    call: async (f) => ({
      path: `/claims/${await claimWithReceiptsOfRetailer(f, true)}/reviews`,
      json: { step: 'content', decision: 'approved' },
    }),
  },
  importRegistryExtract: {
    allowed: ['admin'],
    call: async () => ({ path: '/registry/imports', form: extractForm(syntheticExtract()) }),
  },
  listRegistryImports: { allowed: ['admin'], call: async () => ({ path: '/registry/imports' }) },
  getRegistryImport: {
    allowed: ['admin'],
    call: async (f) => ({ path: `/registry/imports/${await registryExtractId(f)}` }),
  },
  getRegistryEnterprise: {
    allowed: CALLERS,
    call: async (f) => {
      await registryExtractId(f);
      return { path: '/registry/enterprises/1111111111' };
    },
  },
  getCaeNaicsCorrespondence: {
    allowed: ['admin', 'coordinator', 'ministry', 'finance'],
    call: async () => ({ path: '/registry/cae-naics' }),
  },
  setCaeNaicsCorrespondence: {
    allowed: ['admin'],
    call: async () => ({ path: '/registry/cae-naics', json: { items: [{ cae: '6311', naics: '445110' }] } }),
  },
  getRegistryLicence: { allowed: ['admin'], call: async () => ({ path: '/registry/licence' }) },
  recordRegistryLicence: {
    allowed: ['admin'],
    call: async () => ({
      path: '/registry/licence',
      json: { licence: 'Licence de Données Québec, clause de rediffusion' },
    }),
  },
  revokeRegistryLicence: { allowed: ['admin'], call: async () => ({ path: '/registry/licence' }) },
  getRetentionSchedule: {
    allowed: ['privacy', 'admin'],
    call: async () => ({ path: '/privacy/retention-schedule' }),
  },
  setRetentionPeriod: {
    allowed: ['privacy'],
    call: async () => ({ path: '/privacy/retention-schedule/closed_file', json: { periodMonths: 84 } }),
  },
  listRetentionRuns: {
    allowed: ['privacy', 'admin'],
    call: async () => ({ path: '/privacy/retention-runs' }),
  },
  startRetentionRun: {
    allowed: ['privacy'],
    call: async () => ({ path: '/privacy/retention-runs', json: { dryRun: true } }),
  },
  getRetentionRun: {
    allowed: ['privacy', 'admin'],
    call: async (f) => ({
      path: `/privacy/retention-runs/${(await startRetentionRun(f.h.system, { dryRun: true }, { queue: false })).id}`,
    }),
  },
  listLegalHolds: { allowed: ['privacy', 'admin'], call: async () => ({ path: '/privacy/legal-holds' }) },
  placeLegalHold: {
    allowed: ['privacy', 'admin'],
    call: async (f) => ({
      path: `/privacy/legal-holds/${await submittedOfRetailer(f)}`,
      json: { reason: 'Matrice : litige' },
    }),
  },
  liftLegalHold: {
    allowed: ['privacy', 'admin'],
    call: async (f) => {
      const id = await submittedOfRetailer(f);
      await placeLegalHold(f.h.system, id, { reason: 'Matrice : litige' });
      return { path: `/privacy/legal-holds/${id}` };
    },
  },
  listSignals: {
    allowed: [...STAFF, 'finance'],
    call: async () => ({ path: '/signals?status=open' }),
  },
  resolveSignal: {
    allowed: [...STAFF, 'finance'],
    call: async (f) => ({
      path: `/signals/${await openSignal(f)}/resolution`,
      json: { outcome: 'dismissed', reason: 'Matrice : deux magasins du même propriétaire' },
    }),
  },
  listPersonFileReads: {
    allowed: ['privacy'],
    call: async (f) => ({ path: `/privacy/people/${(await f.h.user('retailer')).id}/file-reads` }),
  },
  listMyFileReads: { allowed: [...ROLES], call: async () => ({ path: '/me/file-reads' }) },
  deleteAccount: {
    allowed: ['privacy'],
    call: async (f) => ({
      path: `/privacy/accounts/${(await f.h.user('retailer')).id}/deletion`,
      json: { reason: 'Demande de la personne' },
    }),
  },
};

/** What an allowed caller may still get: a well-formed refusal of the content, never 401/403. */
const ALLOWED_REFUSALS: Record<string, number> = {
  verifyEmail: 404,
  revokeToken: 404,
  addPartnerMember: 404,
  importApplications: 422,
  completeDiagnostic: 409,
  getDiagnosticReport: 409,
  // Before the workshop: no attendance to record, no certificate yet, no satisfaction question yet.
  recordWorkshopAttendance: 409,
  importWorkshopAttendance: 409,
  getWorkshopCertificate: 409,
  answerWorkshopSatisfaction: 409,
  // No registry extract here: the business is not blocked, so no override is needed.
  recordRegistryOverride: 409,
  // One licence record in force at a time: recorded twice, or revoked when none is, is a conflict.
  recordRegistryLicence: 409,
  revokeRegistryLicence: 409,
};

/**
 * The matrix is run in MATRIX_PARTS files (tests/integration/authorization-matrix*.test.ts), each for
 * every operation and a share of the callers, so that the test workers share it out; each file has its
 * own database.
 */
export const MATRIX_PARTS = 5;

/** The file of one part after the first (authorization-matrix.test.ts), in tests/integration. */
export const matrixFile = (part: number) => `authorization-matrix-${part + 1}.test.ts`;

/** The callers of one part (0 to MATRIX_PARTS - 1): every MATRIX_PARTS-th caller, so every caller is in one part. */
export function callersOfPart(part: number): Caller[] {
  return CALLERS.filter((_, i) => i % MATRIX_PARTS === part);
}

/** Each role's API token, made by the set-up (one set per file: each test file loads this module afresh). */
const tokens = new Map<Caller, string>();

/** The matrix's set-up, filled before the file's tests: its harness, each role's token, a fixture per caller. */
export type MatrixSetUp = {
  h: Harness;
  tokens: Map<Caller, string>;
  fixture: (caller: Caller) => Fixture;
};

/** Sets up the matrix's program, people and expert profile before the file's tests, on a fresh database. */
export function setUpMatrix(): MatrixSetUp {
  let base: Omit<Fixture, 'caller'> | undefined;
  const setUp: MatrixSetUp = {
    h: undefined as unknown as Harness,
    tokens,
    fixture: (caller) => ({ ...base!, caller }),
  };
  beforeAll(async () => {
    const h = await createHarness();
    setUp.h = h;
    const programId = await defaultProgramId(h);
    for (const role of ROLES) tokens.set(role, await h.token((await h.user(role)).email));
    const coordinatorToken = tokens.get('coordinator')!;
    const expertAccount = await h.services.database.db.select().from(users).where(eq(users.role, 'expert'));
    const profile = await h.request('/api/v1/experts', {
      method: 'POST',
      token: coordinatorToken,
      json: {
        email: expertAccount[0]!.email,
        regions: ['06'],
        languages: ['fr'],
        specialties: [],
        capacity: 1000,
      },
    });
    base = {
      h,
      programId,
      retailerToken: tokens.get('retailer')!,
      adminToken: tokens.get('admin')!,
      coordinatorToken,
      expertId: (await profile.json()).id,
    };
    await submitted(h, programId, { neq: nextNeq() }); // someone else's application in the queue
  });
  afterAll(() => setUp.h?.close());
  return setUp;
}

/** One test per API operation for each of `callers`: whether the caller is let through, or refused as they should be. */
export function describeMatrix(setUp: MatrixSetUp, callers: readonly Caller[]) {
  describe(`authorization matrix (${engine}): ${callers.join(', ')}`, () => {
    for (const op of apiOperations) {
      for (const caller of callers) {
        const row = matrix[op.operationId];
        const allowed = row?.allowed.includes(caller) ?? false;
        it(`${op.operationId} as ${caller}: ${allowed ? 'allowed' : 'denied'}`, async () => {
          expect(row, `no matrix row for ${op.operationId}`).toBeTruthy();
          const call = await row!.call(setUp.fixture(caller));
          const token = setUp.tokens.get(caller);
          const res = await setUp.h.request(`/api/v1${call.path}`, {
            method: op.method.toUpperCase(),
            ...(token ? { token } : {}),
            ...(op.body ? { json: call.json ?? {} } : {}),
            ...(op.upload ? { body: call.form } : {}),
          });
          const detail = `${res.status} ${await res.clone().text()}`;
          if (allowed) {
            expect(res.status < 400 || res.status === ALLOWED_REFUSALS[op.operationId], detail).toBe(true);
          } else if (caller === 'anonymous') {
            expect(res.status, detail).toBe(401);
          } else {
            expect([403, 404], detail).toContain(res.status);
            expect(res.headers.get('content-type')).toContain('application/problem+json');
          }
        });
      }
    }
  });
}
