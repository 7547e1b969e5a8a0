import { z } from 'zod';
import { SIGNAL_KINDS, SIGNAL_OUTCOMES, SIGNAL_STATUSES } from '../domain/kinds.ts';
import type { SignalView } from '../use-cases/signal-view.ts';

const instant = z.iso.datetime({ offset: true });

export const signal = z.object({
  id: z.uuid(),
  kind: z.enum(SIGNAL_KINDS),
  status: z.enum(SIGNAL_STATUSES),
  explanation: z.string().describe('The signal in words, in the reader’s language'),
  evidence: z.object({
    value: z
      .string()
      .optional()
      .describe('What the files share, as shown (a bank account: its last three digits only)'),
    count: z.number().int().describe('How many files share it'),
    variant: z
      .string()
      .optional()
      .describe('Which case of the kind (a registry status: `unlisted`, `bankrupt`)'),
    details: z
      .record(z.string(), z.string())
      .optional()
      .describe('The registry’s value beside the declared one, the program’s limit'),
  }),
  files: z.array(
    z.object({
      applicationId: z.uuid(),
      claimId: z.uuid().nullable().describe('The claim, for the invoice and receipt kinds'),
      programId: z.uuid(),
      businessName: z.string().nullable(),
      claimNumber: z.number().int().nullable(),
    }),
  ),
  resolution: z
    .object({
      outcome: z.enum(SIGNAL_OUTCOMES),
      reason: z.string(),
      resolvedBy: z.string(),
      resolvedAt: instant,
    })
    .nullable(),
  raisedAt: instant,
  updatedAt: instant,
});

export const signalPage = z.object({ items: z.array(signal), nextCursor: z.string().nullable() });

export const presentSignal = (s: SignalView) => ({
  ...s,
  resolution: s.resolution && {
    ...s.resolution,
    outcome: s.resolution.outcome as (typeof SIGNAL_OUTCOMES)[number],
    resolvedAt: s.resolution.resolvedAt.toISOString(),
  },
  raisedAt: s.raisedAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
