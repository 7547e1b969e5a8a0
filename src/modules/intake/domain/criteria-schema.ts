import { z } from 'zod';
import { type Condition, type Criterion, FORMATS } from './eligibility.ts';

const fact = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { error: 'intake:validation.fact_name' });
const localised = (max: number) =>
  z.strictObject({ fr: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const comparison = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('in'),
    fact,
    values: z
      .array(z.union([z.string().max(40), z.number()]))
      .min(1)
      .max(200),
  }),
  z
    .strictObject({ op: z.literal('between'), fact, min: z.number(), max: z.number() })
    .refine((c) => c.min <= c.max, {
      error: 'intake:validation.between_order',
    }),
  z.strictObject({ op: z.literal('lte'), fact, value: z.number() }),
  z.strictObject({ op: z.literal('gte'), fact, value: z.number() }),
  z.strictObject({
    op: z.literal('equals'),
    fact,
    value: z.union([z.string().max(100), z.number(), z.boolean()]),
  }),
  z.strictObject({ op: z.literal('present'), fact }),
  z.strictObject({ op: z.literal('format'), fact, format: z.enum(FORMATS) }),
]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
  ]),
) as z.ZodType<Condition>;

export const criterionSchema: z.ZodType<Criterion> = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, { error: 'intake:validation.criterion_id' }),
  label: localised(200),
  test: conditionSchema,
  failure: localised(600),
  success: localised(600),
});

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1)
  .max(50)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, {
    error: 'intake:validation.criterion_ids_unique',
  });
