import type { Locale } from '../../../kernel/locale.ts';
import type { ConsentPurpose } from './consents.ts';
import type { CriterionResult } from './eligibility.ts';
import type { ApplicationStatus } from './status.ts';

/** The row fields a view needs (the table's select type, without depending on the ORM here). */
export type ApplicationRecord = {
  id: string;
  programId: string;
  applicantId: string | null;
  status: ApplicationStatus;
  draftStep: number;
  legalName: string | null;
  tradeName: string | null;
  neq: string | null;
  street: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  region: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  socialLinks: string[];
  naics: string | null;
  employees: number | null;
  annualRevenueBand: string | null;
  foundedYear: number | null;
  languagesServed: string[];
  onlinePresence: string[];
  goals: string | null;
  challenges: string | null;
  contactName: string | null;
  contactPhone: string | null;
  attestedAt: Date | null;
  referralCode: string | null;
  eligibility: CriterionResult[] | null;
  eligible: boolean | null;
  neqChecksumWarning: boolean;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  infoRequest: string | null;
  waitlistedAt: Date | null;
  reviewRequestedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type EventRecord = {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  message: string | null;
  actorName: string | null;
  occurredAt: Date;
};

/** The full application, as the retailer who applied and the program team see it. */
export function fullView(
  row: ApplicationRecord,
  extra: {
    consents: Record<ConsentPurpose, boolean>;
    criteriaVersion: number | null;
    partner: { id: string; name: string } | null;
    waitlistPosition: number | null;
    history: EventRecord[];
    locale: Locale;
    /** The registry establishment chosen for the NEQ of now (number or `other`), else null. */
    establishment: string | null;
  },
) {
  return {
    id: row.id,
    programId: row.programId,
    status: row.status,
    draftStep: row.draftStep,
    business: {
      legalName: row.legalName,
      tradeName: row.tradeName,
      neq: row.neq,
      street: row.street,
      municipality: row.municipalityName,
      municipalityCode: row.municipalityCode,
      postalCode: row.postalCode,
      region: row.region,
      phone: row.phone,
      email: row.email,
      website: row.website,
      socialLinks: row.socialLinks,
      naics: row.naics,
      employees: row.employees,
      foundedYear: row.foundedYear,
      annualRevenueBand: row.annualRevenueBand,
      languagesServed: row.languagesServed,
      onlinePresence: row.onlinePresence,
      goals: row.goals,
      challenges: row.challenges,
      contactName: row.contactName,
      contactPhone: row.contactPhone,
    },
    consents: extra.consents,
    attestation: row.attestedAt !== null,
    referralCode: row.referralCode,
    establishment: extra.establishment,
    partner: extra.partner,
    neqWarning: row.neqChecksumWarning,
    eligibility: row.eligibility
      ? {
          eligible: row.eligible === true,
          criteriaVersion: extra.criteriaVersion,
          criteria: row.eligibility.map((c) => ({
            id: c.id,
            passed: c.passed,
            label: c.label[extra.locale],
            message: c.message[extra.locale],
          })),
        }
      : null,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    infoRequest: row.infoRequest,
    waitlistPosition: extra.waitlistPosition,
    reviewRequestedAt: row.reviewRequestedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    history: extra.history,
  };
}
export type ApplicationView = ReturnType<typeof fullView>;

/** What a referring partner sees: the business's name, place and where its application stands. */
export function statusView(row: ApplicationRecord) {
  return {
    id: row.id,
    programId: row.programId,
    status: row.status,
    tradeName: row.tradeName || row.legalName,
    municipality: row.municipalityName,
    region: row.region,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
  };
}
export type ApplicationStatusView = ReturnType<typeof statusView>;
