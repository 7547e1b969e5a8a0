import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError, uniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { setUpProgramDiagnostic } from '../../diagnostic/index.ts';
import { setUpProgramIntake } from '../../intake/index.ts';
import { programs } from '../db/tables.ts';
import { programSlug } from '../domain/slug.ts';
import { description, name, targetRetailers } from './update-program-settings.ts';

export const createProgramInput = z
  .strictObject({
    nameFr: name,
    nameEn: name,
    descriptionFr: description.optional(),
    descriptionEn: description.optional(),
    slug: programSlug,
    targetRetailers,
    /** An existing program whose settings, descriptions, criteria, consent texts and questionnaire are copied. */
    copyFrom: z.uuid().optional(),
  })
  .superRefine((v, issue) => {
    // A fresh program has nothing to take its descriptions from.
    for (const key of ['descriptionFr', 'descriptionEn'] as const)
      if (!v.copyFrom && !v[key])
        issue.addIssue({ code: 'custom', path: [key], message: 'common:validation.required' });
  });

/**
 * A new program with its own slug, target, criteria, consent texts and questionnaire (administrators):
 * copied from `copyFrom` where not given (settings, descriptions, the current criteria and consent
 * texts, the published questionnaire and its recommendations), else the defaults; one transaction, audited.
 */
export async function createProgram(ctx: Ctx, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(ctx.actor, 'program.create');
  const { copyFrom, ...data } = parseInput(createProgramInput, input, 'programs');
  return transaction(ctx, async (tx) => {
    const [source] = copyFrom ? await tx.select().from(programs).where(eq(programs.id, copyFrom)) : [];
    if (copyFrom && !source) throw fieldError('copyFrom', 'programs:validation.unknown_program');
    const [taken] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, data.slug));
    if (taken) throw slugTaken();
    const id = newId();
    const program = {
      id,
      ...data,
      descriptionFr: data.descriptionFr ?? source!.descriptionFr,
      descriptionEn: data.descriptionEn ?? source!.descriptionEn,
      ...(source && {
        intakeOpensAt: source.intakeOpensAt,
        intakeClosesAt: source.intakeClosesAt,
        automatedDecisionNoticeFr: source.automatedDecisionNoticeFr,
        automatedDecisionNoticeEn: source.automatedDecisionNoticeEn,
        coachingMinutesPerRetailer: source.coachingMinutesPerRetailer,
      }),
    };
    try {
      // A savepoint: a slug taken at the same moment by another administrator is reported, not a 500.
      await tx.transaction((sp) => sp.insert(programs).values(program));
    } catch (error) {
      if (uniqueViolation(error) === 'programs_slug_key') throw slugTaken();
      throw error;
    }
    const intake = await setUpProgramIntake(tx, ctx, id, copyFrom);
    const diagnostic = await setUpProgramDiagnostic(tx, ctx, id, copyFrom);
    await appendAudit(tx, ctx, {
      action: 'program.created',
      entityType: 'program',
      entityId: id,
      changes: { ...program, copyFrom: copyFrom ?? null, intake, diagnostic },
    });
    return { id, slug: data.slug };
  });
}

const slugTaken = () =>
  new AppError('conflict', {
    key: 'programs:errors.slug_taken',
    fields: [{ path: 'slug', key: 'programs:errors.slug_taken' }],
  });
