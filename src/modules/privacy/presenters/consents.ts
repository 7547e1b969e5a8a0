import { z } from 'zod';
import { instantOrNull } from '../../../platform/http/present.ts';
import { type BusinessConsents, CONSENT_PURPOSES } from '../../intake/index.ts';

export const myConsents = z.object({
  businesses: z.array(
    z.object({
      applicationId: z.uuid(),
      programId: z.uuid(),
      businessName: z.string().nullable(),
      consents: z.array(
        z.object({
          purpose: z.enum(CONSENT_PURPOSES),
          state: z.enum(['not_given', 'given', 'withdrawn']),
          required: z.boolean().describe('Participation cannot go on without it'),
          textVersion: z
            .number()
            .int()
            .nullable()
            .describe('The version of the text agreed to or withdrawn from'),
          givenAt: z.iso.datetime().nullable(),
          withdrawnAt: z.iso.datetime().nullable(),
        }),
      ),
    }),
  ),
});

export const presentMyConsents = ({
  businesses,
}: {
  businesses: BusinessConsents[];
}): z.input<typeof myConsents> => ({
  businesses: businesses.map((b) => ({
    ...b,
    consents: b.consents.map((c) => ({
      ...c,
      givenAt: instantOrNull(c.givenAt),
      withdrawnAt: instantOrNull(c.withdrawnAt),
    })),
  })),
});
