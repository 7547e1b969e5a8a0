import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { currentConsentTexts } from '../db/queries.ts';
import { consentTexts } from '../db/tables.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';

const text = z.strictObject({
  fr: z.string().trim().min(20).max(4000),
  en: z.string().trim().min(20).max(4000),
});
export const publishConsentTextsInput = z.strictObject({
  texts: z.strictObject(
    Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, text.optional()])) as Record<
      (typeof CONSENT_PURPOSES)[number],
      z.ZodOptional<typeof text>
    >,
  ),
});

/** New versions of consent texts (administrators); consents already given keep the version they were given on. */
export async function publishConsentTexts(
  ctx: Ctx,
  programId: string,
  input: unknown,
): Promise<{ versions: Record<string, number> }> {
  authorize(ctx.actor, 'program.configure');
  const program = await getProgram(ctx, programId);
  const { texts } = parseInput(publishConsentTextsInput, input, 'intake');
  return transaction(ctx, async (tx) => {
    const current = await currentConsentTexts(tx, program.id);
    const versions: Record<string, number> = {};
    for (const purpose of CONSENT_PURPOSES) {
      const next = texts[purpose];
      const previous = current[purpose];
      if (!next || (previous && previous.textFr === next.fr && previous.textEn === next.en)) continue;
      const version = (previous?.version ?? 0) + 1;
      await tx.insert(consentTexts).values({
        id: newId(),
        programId: program.id,
        purpose,
        version,
        textFr: next.fr,
        textEn: next.en,
        createdAt: ctx.now(),
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      versions[purpose] = version;
    }
    if (Object.keys(versions).length > 0) {
      await appendAudit(tx, ctx, {
        action: 'program.consent_texts_published',
        entityType: 'program',
        entityId: program.id,
        changes: { versions },
      });
    }
    return { versions };
  });
}
