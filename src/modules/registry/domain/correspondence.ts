import { z } from 'zod';

/** One line of the CAE → NAICS correspondence: a CAE code (digits) and the NAICS code it counts as. */
export const correspondenceInput = z.object({
  items: z
    .array(
      z.object({
        cae: z
          .string()
          .trim()
          .regex(/^\d{1,6}$/, 'registry:errors.cae'),
        naics: z
          .string()
          .trim()
          .regex(/^\d{2,6}$/, 'registry:errors.naics'),
      }),
    )
    .max(5000)
    .refine((items) => new Set(items.map((i) => i.cae)).size === items.length, 'registry:errors.cae_twice'),
});
export type CorrespondenceInput = z.infer<typeof correspondenceInput>;

/** The correspondence as administrators type it: one `CAE NAICS` pair a line (space, comma, semicolon). */
export function correspondenceFromText(text: string): { items: { cae: string; naics: string }[] } {
  return {
    items: text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => {
        const [cae = '', naics = ''] = l.split(/[\s,;]+/);
        return { cae, naics };
      }),
  };
}
