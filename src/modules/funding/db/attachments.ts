import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { applications } from '../../intake/db/tables.ts';
import { claimAttachments, claimInvoices, claims } from './tables.ts';

/** A claim as its files' access rules see it: whose business, who coaches it, where it stands. */
export async function claimFileOf(db: Executor, claimId: string) {
  const [row] = await db
    .select({
      id: claims.id,
      number: claims.number,
      status: claims.status,
      applicationId: claims.applicationId,
      applicantId: applications.applicantId,
      assignedExpertUserId: applications.assignedExpertUserId,
    })
    .from(claims)
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .where(eq(claims.id, claimId));
  return row;
}
export type ClaimFile = NonNullable<Awaited<ReturnType<typeof claimFileOf>>>;

/** The claim's status, its row locked until the transaction ends (a submission waits for an upload). */
export async function lockedClaimStatus(tx: Executor, claimId: string) {
  const [row] = await tx
    .select({ status: claims.status })
    .from(claims)
    .where(eq(claims.id, claimId))
    .for('update');
  return row?.status;
}

export async function invoiceOfClaim(db: Executor, claimId: string, invoiceId: string) {
  const [row] = await db
    .select({ id: claimInvoices.id })
    .from(claimInvoices)
    .where(and(eq(claimInvoices.id, invoiceId), eq(claimInvoices.claimId, claimId)));
  return row;
}

/** The claim's invoices, to say which one a file belongs to. */
export async function invoicesOfClaim(db: Executor, claimId: string) {
  return db
    .select({
      id: claimInvoices.id,
      supplierName: claimInvoices.supplierName,
      invoiceNumber: claimInvoices.invoiceNumber,
    })
    .from(claimInvoices)
    .where(eq(claimInvoices.claimId, claimId))
    .orderBy(asc(claimInvoices.position));
}

export async function attachmentsOfClaim(db: Executor, claimId: string) {
  return db
    .select()
    .from(claimAttachments)
    .where(eq(claimAttachments.claimId, claimId))
    .orderBy(asc(claimAttachments.createdAt), asc(claimAttachments.id));
}

export async function attachmentOfClaim(db: Executor, claimId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(claimAttachments)
    .where(and(eq(claimAttachments.id, attachmentId), eq(claimAttachments.claimId, claimId)));
  return row;
}
export type ClaimAttachmentRow = typeof claimAttachments.$inferSelect;
