import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { claimAttachments, claimInvoices } from '../db/tables.ts';
import { invoiceLineSchema } from '../domain/claims.ts';

/** An invoice as a request gives it: an existing one keeps its id (and the receipts attached to it). */
export const invoiceInput = invoiceLineSchema.safeExtend({ id: z.uuid().optional() });
export const invoicesField = z.array(invoiceInput).max(50);
export type InvoiceInput = z.output<typeof invoiceInput>;

/**
 * Replaces a claim's invoices, in `tx`: those named by id are updated, new ones inserted, the others
 * removed (their receipts stay on the claim, no longer tied to an invoice). Every invoice must draw on
 * a line of the claim's agreement, and an id must be one of this claim's invoices.
 */
export async function saveInvoices(
  tx: Tx,
  claimId: string,
  agreementLineIds: readonly string[],
  invoices: readonly InvoiceInput[],
): Promise<void> {
  const existing = await tx
    .select({ id: claimInvoices.id })
    .from(claimInvoices)
    .where(eq(claimInvoices.claimId, claimId));
  const existingIds = new Set(existing.map((r) => r.id));
  const issues: FieldIssue[] = [];
  invoices.forEach((invoice, i) => {
    if (!agreementLineIds.includes(invoice.budgetLineId))
      issues.push({ path: `invoices.${i}.budgetLineId`, key: 'funding:errors.budget_line_unknown' });
    if (invoice.id !== undefined && !existingIds.has(invoice.id))
      issues.push({ path: `invoices.${i}.id`, key: 'funding:claims.errors.invoice_unknown' });
  });
  if (issues.length) throw new AppError('invalid_input', { fields: issues });

  const kept = new Set(invoices.flatMap((i) => (i.id ? [i.id] : [])));
  const removed = [...existingIds].filter((id) => !kept.has(id));
  if (removed.length) {
    await tx
      .update(claimAttachments)
      .set({ invoiceId: null })
      .where(inArray(claimAttachments.invoiceId, removed));
    await tx.delete(claimInvoices).where(inArray(claimInvoices.id, removed));
  }
  for (const [position, { id, ...line }] of invoices.entries()) {
    const values = { ...line, position };
    if (id) await tx.update(claimInvoices).set(values).where(eq(claimInvoices.id, id));
    else await tx.insert(claimInvoices).values({ id: newId(), claimId, ...values });
  }
}
