import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';
import { aidRulesSchema } from '../domain/aid-rules.ts';
import { COST_CATEGORIES } from '../domain/cost-categories.ts';
import type { AgreementView } from '../use-cases/agreement-view.ts';
import type { getAidRules } from '../use-cases/get-aid-rules.ts';
import type { listAgreements } from '../use-cases/list-agreements.ts';

const money = z.number().int();
const day = z.iso.date().nullable();
const when = z.iso.datetime().nullable();
const at = instantOrNull;

export const aidRulesAnswer = z.object({
  programId: z.uuid(),
  /** 0: the defaults, never saved. */
  version: z.number().int(),
  rules: aidRulesSchema,
  createdAt: when,
});

export const presentAidRules = (
  r: Awaited<ReturnType<typeof getAidRules>>,
): z.input<typeof aidRulesAnswer> => ({
  ...r,
  createdAt: at(r.createdAt),
});

const line = z.object({
  id: z.uuid(),
  position: z.number().int(),
  category: z.enum(COST_CATEGORIES),
  description: z.string(),
  amountCents: money,
  plannedSupplier: z.string().nullable(),
  quotation: z.string().nullable(),
});

export const agreement = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programName: z.string(),
  applicationId: z.uuid(),
  businessName: z.string(),
  envelopeId: z.uuid(),
  envelopeName: z.string(),
  fiscalYear: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.number().int(),
  rulesVersion: z.number().int(),
  rules: aidRulesSchema,
  lines: z.array(line),
  otherPublicAidCents: money,
  gstRegistered: z.boolean(),
  qstRegistered: z.boolean(),
  grantCents: money,
  eligibleCents: money,
  /** The grant's arithmetic in the caller's words. */
  arithmetic: z.array(z.string()),
  acceptBy: day,
  offeredAt: when,
  acceptedAt: when,
  acceptedName: z.string().nullable(),
  declinedAt: when,
  endReason: z.string().nullable(),
  closedAt: when,
  /** The retailer may accept now: offered, before its deadline, the program open. */
  canAccept: z.boolean(),
  claimedCents: money,
  paidCents: money,
  leftCents: money,
  amendments: z.array(
    z.object({
      id: z.uuid(),
      reason: z.string(),
      lines: z.array(
        z.object({
          id: z.uuid().nullable(),
          category: z.string(),
          description: z.string(),
          amountCents: money,
        }),
      ),
      requestedAt: z.iso.datetime(),
      decision: z.enum(['approved', 'refused']).nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: when,
    }),
  ),
});

export const presentAgreement = (a: AgreementView): z.input<typeof agreement> => {
  const { applicantId: _, ...rest } = a;
  return {
    ...rest,
    offeredAt: at(a.offeredAt),
    acceptedAt: at(a.acceptedAt),
    declinedAt: at(a.declinedAt),
    closedAt: at(a.closedAt),
    amendments: a.amendments.map((m) => ({
      ...m,
      requestedAt: instant(m.requestedAt),
      decidedAt: at(m.decidedAt),
    })),
  };
};

export const amendmentAnswer = z.object({
  amendmentId: z.uuid(),
  /** True: the change was small and applied at once; false: it waits for the team's decision. */
  applied: z.boolean(),
  reasons: z.array(z.enum(['substitution', 'large_change', 'grant_increase'])),
  agreement,
});

export const agreementList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      programId: z.uuid(),
      applicationId: z.uuid(),
      businessName: z.string(),
      status: z.enum(AGREEMENT_STATUSES),
      fiscalYear: z.string(),
      grantCents: money.nullable(),
      acceptBy: day,
      updatedAt: z.iso.datetime(),
    }),
  ),
});

export const presentAgreementList = (
  rows: Awaited<ReturnType<typeof listAgreements>>,
): z.input<typeof agreementList> => ({
  items: rows.map((r) => ({ ...r, updatedAt: instant(r.updatedAt) })),
});
