import { z } from 'zod';
import { businessDraftSchema } from './business-fields.ts';
import { CONSENT_PURPOSES } from './consents.ts';

/** What a retailer may change on an application (all optional: drafts are saved as the form goes). */
export const applicationChangesShape = {
  business: businessDraftSchema.optional(),
  consents: z
    .strictObject(
      Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, z.boolean()])) as Record<
        (typeof CONSENT_PURPOSES)[number],
        z.ZodBoolean
      >,
    )
    .partial()
    .optional(),
  /** "I may represent this business." */
  attestation: z.boolean().optional(),
  /** A partner's referral code (empty to remove). */
  referralCode: z.string().trim().max(40).optional(),
  /**
   * The establishment (store) the application is for, among those the registry lists for the NEQ
   * looked up: its registry number, or `other` (none of these, another address).
   */
  establishment: z.string().trim().min(1).max(20).optional(),
  /** The step of the form to come back to. */
  draftStep: z.number().int().min(1).max(5).optional(),
};

export const applicationChangesInput = z.strictObject(applicationChangesShape);
export type ApplicationChanges = z.output<typeof applicationChangesInput>;
