import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { currentConsentTexts } from '../db/queries.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../domain/consents.ts';

/** The consent text in force for each purpose, for administrators to edit (none yet: version 0, empty). */
export async function getConsentTexts(
  ctx: Ctx,
  programId: string,
): Promise<{ purpose: ConsentPurpose; version: number; fr: string; en: string }[]> {
  authorize(ctx.actor, 'program.configure');
  const program = await getProgram(ctx, programId);
  const texts = await currentConsentTexts(ctx.db, program.id);
  return CONSENT_PURPOSES.map((purpose) => ({
    purpose,
    version: texts[purpose]?.version ?? 0,
    fr: texts[purpose]?.textFr ?? '',
    en: texts[purpose]?.textEn ?? '',
  }));
}
