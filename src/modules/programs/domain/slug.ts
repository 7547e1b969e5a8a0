import { z } from 'zod';

/** A program's address in its public pages (`/programs/{slug}`): lowercase letters, digits, single dashes. */
export const programSlug = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'programs:validation.slug' });
