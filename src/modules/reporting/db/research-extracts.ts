import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { researchExtractChunks, researchExtracts } from './tables.ts';

export type ExtractRow = typeof researchExtracts.$inferSelect;

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/** Extracts with the names of who asked and who decided, and the program's name, newest first. */
export async function extractsWithNames(db: Executor, where: SQL | undefined, limit = 200) {
  const rows = await db
    .select({
      extract: researchExtracts,
      requesterName: requester.name,
      deciderName: decider.name,
      programNameFr: programs.nameFr,
      programNameEn: programs.nameEn,
    })
    .from(researchExtracts)
    .innerJoin(requester, eq(requester.id, researchExtracts.requestedBy))
    .leftJoin(decider, eq(decider.id, researchExtracts.decidedBy))
    .innerJoin(programs, eq(programs.id, researchExtracts.programId))
    .where(where)
    .orderBy(desc(researchExtracts.requestedAt), desc(researchExtracts.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r.extract,
    requesterName: r.requesterName,
    deciderName: r.deciderName,
    programName: { fr: r.programNameFr, en: r.programNameEn },
  }));
}

export type ExtractWithNames = Awaited<ReturnType<typeof extractsWithNames>>[number];

export async function findExtract(db: Executor, id: string): Promise<ExtractWithNames | undefined> {
  const [row] = await extractsWithNames(db, eq(researchExtracts.id, id), 1);
  return row;
}

/**
 * Marks a requested extract as being decided by this administrator, unless someone already is: two
 * administrators approving at once extract it once.
 */
export async function claimExtract(db: Executor, id: string, adminId: string, at: Date): Promise<boolean> {
  const claimed = await db
    .update(researchExtracts)
    .set({ decidedBy: adminId, decidedAt: at })
    .where(
      and(
        eq(researchExtracts.id, id),
        eq(researchExtracts.status, 'requested'),
        isNull(researchExtracts.decidedAt),
      ),
    )
    .returning({ id: researchExtracts.id });
  return claimed.length === 1;
}

/** Gives a claim back after an extraction that failed, so the request can be decided again. */
export async function releaseClaim(db: Executor, id: string): Promise<void> {
  await db
    .update(researchExtracts)
    .set({ decidedBy: null, decidedAt: null })
    .where(and(eq(researchExtracts.id, id), eq(researchExtracts.status, 'requested')));
}

export async function appendChunk(db: Executor, extractId: string, position: number, data: Uint8Array) {
  await db.insert(researchExtractChunks).values({ extractId, position, data });
}

export async function deleteChunks(db: Executor, extractId: string): Promise<void> {
  await db.delete(researchExtractChunks).where(eq(researchExtractChunks.extractId, extractId));
}

/**
 * Erases the rows of the extracts retention found due (their stored zip); each record stays, marked
 * `erased`, as the evidence of who received what. Runs inside the retention run's transaction.
 */
export async function eraseResearchExtracts(tx: Executor, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.delete(researchExtractChunks).where(inArray(researchExtractChunks.extractId, ids));
  const erased = await tx
    .update(researchExtracts)
    .set({ status: 'erased', erasedAt: at })
    .where(and(inArray(researchExtracts.id, ids), eq(researchExtracts.status, 'approved')))
    .returning({ id: researchExtracts.id });
  return erased.length;
}

/** The zip's pieces, one query each, so a download holds a megabyte at a time. */
export function chunkStream(db: Executor, extractId: string): ReadableStream<Uint8Array> {
  let position = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const [row] = await db
        .select({ data: researchExtractChunks.data })
        .from(researchExtractChunks)
        .where(
          and(eq(researchExtractChunks.extractId, extractId), eq(researchExtractChunks.position, position)),
        )
        .orderBy(asc(researchExtractChunks.position));
      position++;
      if (row) controller.enqueue(new Uint8Array(row.data));
      else controller.close();
    },
  });
}
