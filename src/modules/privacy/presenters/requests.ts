import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/requests.ts';
import type { RequestView } from '../use-cases/request-view.ts';

export const privacyRequest = z.object({
  id: z.uuid(),
  kind: z.enum(REQUEST_KINDS),
  details: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: z.iso.datetime(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  requesterId: z.uuid().describe('The account that filed it (a deletion request is answered by deleting it)'),
  requester: z.object({ name: z.string(), email: z.string(), locale: z.string() }),
  accountErasedAt: z.iso
    .datetime()
    .nullable()
    .describe('When the deletion of the requester’s account answered this request'),
  /** The 30-day clock: the last day to answer, the days left (negative once past) and whether it is overdue. */
  clock: z.object({ dueOn: z.iso.date(), daysLeft: z.number().int(), overdue: z.boolean() }),
});

export const privacyRequestList = z.object({ items: z.array(privacyRequest) });

export const presentPrivacyRequest = (r: RequestView): z.input<typeof privacyRequest> => ({
  ...r,
  receivedAt: instant(r.receivedAt),
  answeredAt: instantOrNull(r.answeredAt),
  accountErasedAt: instantOrNull(r.accountErasedAt),
});

export const presentPrivacyRequestList = (items: RequestView[]) => ({
  items: items.map(presentPrivacyRequest),
});
