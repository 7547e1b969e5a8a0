import { z } from 'zod';
import { montrealInstant } from '../../../kernel/format.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { getCurrentQuestionnaire } from '../../diagnostic/index.ts';
import { activeAccount } from '../../identity/index.ts';
import { WORKSHOP_AUDIENCES, WORKSHOP_FORMATS } from '../domain/workshops.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What describes a workshop, at creation and when changed (dates apart). */
export const workshopFields = {
  titleFr: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
  descriptionFr: z.string().trim().min(1).max(4000),
  descriptionEn: z.string().trim().min(1).max(4000),
  topic: z.string().trim().min(1).max(60).describe('A dimension of the program’s diagnostic'),
  language: z.enum(['fr', 'en']),
  format: z.enum(WORKSHOP_FORMATS),
  place: z.string().trim().max(500).nullable().optional(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  durationMinutes: z.number().int().min(15).max(480),
  capacity: z.number().int().min(1).max(1000),
  audience: z.enum(WORKSHOP_AUDIENCES),
  region: z
    .enum(REGION_CODES as [string, ...string[]])
    .nullable()
    .optional(),
  facilitatorUserId: z.uuid().nullable().optional(),
  offerHours: z.number().int().min(1).max(168).optional().describe('How long a freed place is held (hours)'),
  minimumAttendancePercent: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Share of the duration to attend for the certificate'),
};

/** A date and a Montréal wall-clock time (`2027-03-15`, `13:30`). */
export const workshopDate = z.strictObject({
  date: z.string().regex(DATE),
  time: z.string().regex(TIME),
});

type Described = {
  topic: string;
  format: 'in_person' | 'online';
  place?: string | null;
  link?: string | null;
  audience: string;
  region?: string | null;
  facilitatorUserId?: string | null;
};

/**
 * Checks what the schema cannot: the topic is a dimension of the program's diagnostic, a place for a
 * workshop in person and a link for a webinar, a region for a regional audience, a facilitator who is
 * an active expert or coordinator. Every problem names its field.
 */
export async function checkDescription(ctx: Ctx, programId: string, data: Described): Promise<void> {
  const issues: FieldIssue[] = [];
  const dimensions = await topicsOf(ctx, programId);
  if (!dimensions.some((d) => d.id === data.topic))
    issues.push({ path: 'topic', key: 'workshops:validation.topic' });
  if (data.format === 'in_person' && !data.place)
    issues.push({ path: 'place', key: 'workshops:validation.place_required' });
  if (data.format === 'online' && !data.link)
    issues.push({ path: 'link', key: 'workshops:validation.link_required' });
  if (data.audience === 'region' && !data.region)
    issues.push({ path: 'region', key: 'workshops:validation.region_required' });
  if (data.facilitatorUserId) {
    const account = await activeAccount(ctx.db, data.facilitatorUserId);
    if (!account || !['expert', 'coordinator'].includes(account.role))
      issues.push({ path: 'facilitatorUserId', key: 'workshops:validation.facilitator' });
  }
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
}

/** The program's diagnostic dimensions, the workshops' topics, in the reader's language. */
export async function topicsOf(ctx: Ctx, programId: string): Promise<{ id: string; label: string }[]> {
  const questionnaire = await getCurrentQuestionnaire(ctx, { programId });
  return questionnaire.dimensions.map((d) => ({ id: d.id, label: d.label }));
}

/** The start instant of one date of a workshop, in the future, or a field error naming it. */
export function startOf(ctx: Ctx, when: { date: string; time: string }, path: string): Date {
  const start = montrealInstant(when.date, when.time);
  if (!start)
    throw new AppError('invalid_input', { fields: [{ path, key: 'workshops:validation.no_such_time' }] });
  if (start.getTime() <= ctx.now().getTime())
    throw new AppError('invalid_input', { fields: [{ path, key: 'workshops:validation.in_past' }] });
  return start;
}
