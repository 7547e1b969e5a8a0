import { z } from 'zod';

/**
 * A supplier's registration numbers, as printed on its invoices: GST/HST `123456789RT0001` (the
 * 9-digit business number, the RT program, a 4-digit account) and QST `1234567890TQ0001`. People
 * type them with spaces or dashes; they are kept without.
 */
const normalise = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

export const gstNumberSchema = z
  .string()
  .transform(normalise)
  .pipe(z.string().regex(/^\d{9}RT\d{4}$/, { error: 'funding:errors.gst_number' }));

export const qstNumberSchema = z
  .string()
  .transform(normalise)
  .pipe(z.string().regex(/^\d{10}TQ\d{4}$/, { error: 'funding:errors.qst_number' }));
