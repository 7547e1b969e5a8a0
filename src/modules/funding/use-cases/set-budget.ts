import { and, eq } from 'drizzle-orm';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { envelopeName, refusalText } from '../db/append-entries.ts';
import { envelopesOf } from '../db/envelopes.ts';
import { envelopeBalances } from '../db/ledger.ts';
import { envelopeBudgets, fundingEnvelopes } from '../db/tables.ts';
import { budgetInput } from '../domain/budget.ts';
import { balancesOf, checkBudgetChange } from '../domain/ledger.ts';
import { getBudget } from './get-budget.ts';

/**
 * Administrators set a program's envelopes (matched by key; an envelope is never removed, the ledger
 * names it) and their budget per fiscal year. Each budget row is locked while it changes, so lowering
 * it below what is engaged is refused even against a commitment made at the same moment.
 */
export async function setBudget(ctx: Ctx, programId: string, input: unknown) {
  authorize(ctx.actor, 'budget.configure');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const data = parseInput(budgetInput, input, 'funding');
  await getProgram(ctx, programId);
  await transaction(ctx, async (tx) => {
    const existing = await envelopesOf(tx, programId);
    const changes: Record<string, unknown>[] = [];
    for (const [i, e] of data.envelopes.entries()) {
      const fields = {
        nameFr: e.nameFr,
        nameEn: e.nameEn,
        kind: e.kind,
        hourlyRateCents: e.hourlyRateCents ?? null,
      };
      const before = existing.find((x) => x.key === e.key);
      // Upserted, so two administrators adding the same key at once get one envelope, not an error.
      const [envelope] = await tx
        .insert(fundingEnvelopes)
        .values({ id: newId(), programId, key: e.key, ...fields })
        .onConflictDoUpdate({
          target: [fundingEnvelopes.programId, fundingEnvelopes.key],
          set: { ...fields, updatedAt: ctx.now() },
        })
        .returning();
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
        (k) => before?.[k] !== fields[k],
      );
      if (!before) changes.push({ envelope: e.key, created: fields });
      else if (changed.length > 0)
        changes.push({
          envelope: e.key,
          ...Object.fromEntries(changed.map((k) => [k, [before[k], fields[k]]])),
        });
      for (const [j, b] of e.budgets.entries()) {
        const where = and(
          eq(envelopeBudgets.envelopeId, envelope!.id),
          eq(envelopeBudgets.fiscalYear, b.fiscalYear),
        );
        // The row exists before it is locked (a new year starts at 0 inside this transaction), so a
        // commitment and this change always meet on the same lock.
        const created = await tx
          .insert(envelopeBudgets)
          .values({ envelopeId: envelope!.id, fiscalYear: b.fiscalYear, amountCents: 0 })
          .onConflictDoNothing()
          .returning();
        const [locked] = await tx.select().from(envelopeBudgets).where(where).for('update');
        const current = created.length > 0 ? null : locked!;
        if (current?.amountCents === b.amountCents) continue;
        const balances = balancesOf(await envelopeBalances(tx, [envelope!.id], [b.fiscalYear]));
        const verdict = checkBudgetChange(balances, envelope!.id, b.fiscalYear, b.amountCents);
        if (!verdict.ok) {
          const message = refusalText(ctx, verdict);
          throw new AppError('conflict', {
            key: 'funding:errors.budget_refused',
            params: {
              envelope: envelopeName(ctx, envelope!),
              fiscalYear: fiscalYearLabel(b.fiscalYear),
              message,
            },
            fields: [
              {
                path: `envelopes.${i}.budgets.${j}.amountCents`,
                key: 'funding:errors.refused',
                params: { message },
              },
            ],
            extra: { envelope: e.key, fiscalYear: fiscalYearLabel(b.fiscalYear), ...verdict.params },
          });
        }
        await tx
          .update(envelopeBudgets)
          .set({ amountCents: b.amountCents, updatedAt: ctx.now() })
          .where(where);
        changes.push({
          envelope: e.key,
          fiscalYear: fiscalYearLabel(b.fiscalYear),
          amountCents: [current?.amountCents ?? null, b.amountCents],
        });
      }
    }
    if (changes.length > 0)
      await appendAudit(tx, ctx, {
        action: 'budget.set',
        entityType: 'program',
        entityId: programId,
        changes: { changes },
      });
  });
  return getBudget(ctx, programId, {});
}
