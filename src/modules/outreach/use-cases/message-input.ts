import { z } from 'zod';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { APPLICATION_STATUSES } from '../../intake/index.ts';
import { MESSAGE_KINDS, SEGMENT_STAGES, type Segment } from '../domain/messages.ts';

const few = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();

/** A segment's criteria as written (see `Segment`). */
export const segmentInput = z.strictObject({
  statuses: few(z.enum(APPLICATION_STATUSES)),
  regions: few(z.enum(REGION_CODES as [string, ...string[]])),
  subsectors: few(z.string().regex(/^[1-9]\d{2}$/, { error: 'outreach:validation.subsector' })),
  stages: few(z.enum(SEGMENT_STAGES)),
  workshops: z.strictObject({ ids: few(z.uuid()), attended: z.boolean().optional() }).optional(),
}) satisfies z.ZodType<Segment>;

const subject = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(20_000);

export const audienceInput = z.strictObject({
  programId: z.uuid(),
  kind: z.enum(MESSAGE_KINDS),
  segment: segmentInput.default({}),
});

export const messageInput = audienceInput.extend({
  subject: z.strictObject({ fr: subject, en: subject }),
  body: z.strictObject({ fr: body, en: body }),
});
export type MessageInput = z.output<typeof messageInput>;
