import { inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { bankAccounts, claimAttachments } from './tables.ts';

// Funding's writes for the retention run (privacy decides what is due, decision 42).

/** Destroys claim attachments' rows; returns the hashes they held, for the bytes no other row holds. */
export async function destroyClaimAttachments(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .delete(claimAttachments)
    .where(inArray(claimAttachments.id, ids))
    .returning({ sha256: claimAttachments.sha256 });
  return [...new Set(rows.map((r) => r.sha256))];
}

/** Destroys the bank details of these businesses. */
export async function destroyBankAccounts(tx: Tx, applicationIds: string[]): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const rows = await tx
    .delete(bankAccounts)
    .where(inArray(bankAccounts.applicationId, applicationIds))
    .returning({ id: bankAccounts.applicationId });
  return rows.length;
}

/** Which of these file hashes an attachment still holds (the file store's only user). */
export async function heldFileHashes(db: Executor, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ sha256: claimAttachments.sha256 })
    .from(claimAttachments)
    .where(inArray(claimAttachments.sha256, hashes));
  return new Set(rows.map((r) => r.sha256));
}
