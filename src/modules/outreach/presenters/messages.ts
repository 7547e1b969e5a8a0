import { z } from 'zod';
import { instant, instantOrNull, presentPage } from '../../../platform/http/present.ts';
import type { Page } from '../../../platform/pagination.ts';
import { MESSAGE_KINDS, MESSAGE_STATUSES, SEGMENT_STAGES } from '../domain/messages.ts';
import type { MessageView } from '../use-cases/message-view.ts';

export const audience = z.object({
  recipients: z.number().int().describe('People the message would reach now'),
  withoutConsent: z
    .number()
    .int()
    .describe('People of the segment a newsletter leaves out: they have not consented to it'),
});

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const message = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  kind: z.enum(MESSAGE_KINDS),
  subject: bilingual,
  body: bilingual,
  segment: z.object({
    statuses: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    subsectors: z.array(z.string()).optional(),
    stages: z.array(z.enum(SEGMENT_STAGES)).optional(),
    workshops: z
      .object({
        ids: z.array(z.uuid()).optional().describe('These workshops of the program; absent: any of them'),
        attended: z.boolean().optional().describe('Only businesses recorded present'),
      })
      .optional()
      .describe("Businesses registered to (or present at) the program's workshops"),
  }),
  status: z.enum(MESSAGE_STATUSES),
  createdAt: z.iso.datetime(),
  queuedAt: z.iso.datetime().nullable(),
  progress: z.object({
    recipients: z.number().int().describe('People drawn from the segment when it was sent'),
    queued: z.number().int().describe('Mails handed to the outbox'),
    sent: z.number().int().describe('Mails accepted by the SMTP server'),
    failed: z.number().int().describe('Mails given up after their retries'),
    unsubscribed: z.number().int().describe('Recipients who unsubscribed through this message'),
  }),
});

export const messagePage = z.object({ items: z.array(message), nextCursor: z.string().nullable() });

export function presentMessage(m: MessageView): z.infer<typeof message> {
  return {
    id: m.id,
    programId: m.programId,
    kind: m.kind,
    subject: { fr: m.subjectFr, en: m.subjectEn },
    body: { fr: m.bodyFr, en: m.bodyEn },
    segment: m.segment,
    status: m.status,
    createdAt: instant(m.createdAt),
    queuedAt: instantOrNull(m.queuedAt),
    progress: m.progress,
  };
}

export const presentMessagePage = (page: Page<MessageView>) => presentPage(page, presentMessage);
