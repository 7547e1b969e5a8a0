import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programs } from '../db/tables.ts';

export const name = z.string().trim().min(1).max(200);
export const description = z.string().trim().min(1).max(4000);
export const targetRetailers = z.number().int().min(1).max(1_000_000);
const instant = z.iso
  .datetime({ offset: true, error: 'programs:validation.datetime' })
  .transform((v) => new Date(v));

export const updateProgramSettingsInput = z
  .strictObject({
    nameFr: name,
    nameEn: name,
    descriptionFr: description,
    descriptionEn: description,
    targetRetailers,
    intakeOpensAt: instant.nullable(),
    intakeClosesAt: instant.nullable(),
    automatedDecisionNoticeFr: description,
    automatedDecisionNoticeEn: description,
    /** Coaching hours each retailer may use, in quarter hours (10 by default). */
    coachingHoursPerRetailer: z
      .number()
      .min(0)
      .max(200)
      .multipleOf(0.25, { error: 'programs:validation.quarter_hours' }),
    /** Where retailers write to the program's team (every e-mail says it); null: the platform's address. */
    contactEmail: z.email().max(254).nullable(),
  })
  .partial()
  .refine((v) => !v.intakeOpensAt || !v.intakeClosesAt || v.intakeOpensAt < v.intakeClosesAt, {
    error: 'programs:validation.window_order',
    path: ['intakeClosesAt'],
  });

/**
 * Names, descriptions, target, intake window, automated-decision notice, coaching hours per retailer
 * and the team's contact address (administrators); every change audited. Closing the intake ends
 * what other modules keep open for it (offers of funding) in the same transaction.
 */
export async function updateProgramSettings(ctx: Ctx, programId: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'program.configure');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const { coachingHoursPerRetailer, ...settings } = parseInput(updateProgramSettingsInput, input, 'programs');
  const changes = {
    ...settings,
    ...(coachingHoursPerRetailer === undefined
      ? {}
      : { coachingMinutesPerRetailer: Math.round(coachingHoursPerRetailer * 60) }),
  };
  await transaction(ctx, async (tx) => {
    const [program] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
    if (!program) throw new AppError('not_found');
    const diff = Object.fromEntries(
      Object.entries(changes)
        .filter(([key, value]) => String(program[key as keyof typeof program]) !== String(value))
        .map(([key, value]) => [key, [program[key as keyof typeof program], value]]),
    );
    if (Object.keys(diff).length === 0) return;
    await tx
      .update(programs)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(programs.id, programId));
    await appendAudit(tx, ctx, {
      action: 'program.settings_changed',
      entityType: 'program',
      entityId: programId,
      changes: diff,
    });
    // A closing time in the future is left to the quarter-hour sweep that settles offers.
    if (settings.intakeClosesAt && settings.intakeClosesAt <= ctx.now())
      await ctx.services.reactions.intakeClosed(tx, ctx, programId);
  });
}
