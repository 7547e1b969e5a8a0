import { z } from 'zod';
import type { confirmAssignments } from '../use-cases/confirm-assignments.ts';
import type { view } from '../use-cases/create-expert.ts';
import type { proposeAssignments } from '../use-cases/propose-assignments.ts';

export const expert = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  specialties: z.array(z.string()),
  capacity: z.number().int(),
  activeFiles: z.number().int(),
  status: z.enum(['active', 'on_leave']),
});

/** The use cases already give an expert in its API shape; the type checks it against the schema. */
export const presentExpert = (profile: ReturnType<typeof view>): z.input<typeof expert> => profile;

export const expertList = z.object({ items: z.array(expert) });

export const presentExperts = (list: { items: ReturnType<typeof view>[] }): z.input<typeof expertList> => ({
  items: list.items.map(presentExpert),
});

export const proposal = z.object({
  assignments: z.array(
    z.object({
      applicationId: z.uuid(),
      expertId: z.uuid(),
      score: z.number().int(),
      reasons: z.array(z.string()),
      business: z.string().nullable(),
      expert: z.string().nullable(),
    }),
  ),
  unassigned: z.array(
    z.object({ applicationId: z.uuid(), reason: z.string(), business: z.string().nullable() }),
  ),
});

export const presentProposal = (
  proposed: Awaited<ReturnType<typeof proposeAssignments>>,
): z.input<typeof proposal> => proposed;

export const confirmation = z.object({
  confirmed: z.array(
    z.object({
      applicationId: z.uuid(),
      expertId: z.uuid(),
      changed: z.boolean().describe('True when the business had another expert before'),
    }),
  ),
});

export const presentConfirmation = (
  confirmed: Awaited<ReturnType<typeof confirmAssignments>>,
): z.input<typeof confirmation> => confirmed;
