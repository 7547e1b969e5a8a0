import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { SUPPLIER_CATEGORIES } from '../domain/suppliers.ts';

/** A supplier's directory entry, as the program team writes it. */
export const supplierFields = {
  name: z.string().trim().min(1).max(200),
  categories: z.array(z.enum(SUPPLIER_CATEGORIES)).min(1).max(SUPPLIER_CATEGORIES.length),
  regions: z.array(z.enum(REGION_CODES)).min(1).max(17),
  languages: z.array(z.enum(LOCALES)).min(1).max(2),
  website: z
    .string()
    .trim()
    .max(300)
    .regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, { error: 'coaching:validation.url' })
    .nullable()
    .optional(),
  descriptionFr: z.string().trim().max(2000).optional(),
  descriptionEn: z.string().trim().max(2000).optional(),
};
