import { z } from 'zod';

export const REVENUE_CHANGES = [
  'decrease_10',
  'decrease',
  'stable',
  'increase',
  'increase_10',
  'unknown',
] as const;

/** Tools a business may have adopted during the coaching (the same list at closure and six months later). */
export const TOOLS = [
  'website',
  'online_store',
  'marketplace',
  'social_media',
  'online_advertising',
  'email_marketing',
  'online_booking',
  'pos_inventory',
  'analytics',
  'crm',
] as const;

const satisfaction = z.number().int().min(1).max(5);

/** The outcome survey, at closure and six months later: what the program reports as its impact. */
export const outcomeAnswers = z.strictObject({
  onlineSalesShare: z.number().min(0).max(100),
  revenueChange: z.enum(REVENUE_CHANGES),
  jobsCreated: z.number().int().min(0).max(1000),
  jobsKept: z.number().int().min(0).max(1000),
  toolsAdopted: z.array(z.enum(TOOLS)).max(TOOLS.length),
  satisfactionExpert: satisfaction,
  satisfactionProgram: satisfaction,
  comments: z.string().trim().max(4000).optional(),
});

export type OutcomeAnswers = z.output<typeof outcomeAnswers>;

/** The second wave of the survey goes out about six months after closure. */
export const SIX_MONTHS_DAYS = 182;
