import { z } from 'zod';
import { parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import { centsSchema } from './money.ts';

/** What an envelope pays for: the experts' hours, grants to retailers, or workshops. */
export const ENVELOPE_KINDS = ['accompaniment', 'grants', 'workshops'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

const fiscalYearField = z
  .string()
  .refine((label) => parseFiscalYear(label) !== null, { error: 'funding:errors.fiscal_year' })
  .transform((label) => parseFiscalYear(label)!);

const envelopeInput = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'funding:errors.envelope_key' }),
    nameFr: z.string().trim().min(1, { error: 'common:validation.required' }).max(120),
    nameEn: z.string().trim().min(1, { error: 'common:validation.required' }).max(120),
    kind: z.enum(ENVELOPE_KINDS, { error: 'funding:errors.envelope_kind' }),
    hourlyRateCents: centsSchema.nullable().optional(),
    budgets: z.array(z.strictObject({ fiscalYear: fiscalYearField, amountCents: centsSchema })).max(20),
  })
  .superRefine((v, ctx) => {
    // The accompaniment envelope is drawn by hours × rate: without a rate it could not be drawn.
    if (v.kind === 'accompaniment' && !v.hourlyRateCents)
      ctx.addIssue({ code: 'custom', path: ['hourlyRateCents'], message: 'funding:errors.hourly_rate' });
    const years = v.budgets.map((b) => b.fiscalYear);
    years.forEach((year, i) => {
      if (years.indexOf(year) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['budgets', i, 'fiscalYear'],
          message: 'funding:errors.fiscal_year_twice',
        });
    });
  });

/** A program's envelopes and their budget per fiscal year, as administrators set them. */
export const budgetInput = z
  .strictObject({ envelopes: z.array(envelopeInput).min(1).max(10) })
  .superRefine((v, ctx) => {
    const keys = v.envelopes.map((e) => e.key);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['envelopes', i, 'key'],
          message: 'funding:errors.envelope_key_twice',
        });
    });
  });
export type BudgetInput = z.output<typeof budgetInput>;
