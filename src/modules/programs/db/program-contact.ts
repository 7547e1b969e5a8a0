import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { programs } from './tables.ts';

/**
 * Where a retailer writes to a program's team: its own address, or the platform's (PROGRAM_CONTACT_EMAIL).
 * E-mails about a file name it, so that none ends without someone to reach.
 */
export async function programContactEmail(db: Executor, ctx: Ctx, programId: string): Promise<string> {
  const [row] = await db
    .select({ contactEmail: programs.contactEmail })
    .from(programs)
    .where(eq(programs.id, programId));
  return row?.contactEmail ?? ctx.services.config.contacts.programEmail;
}
