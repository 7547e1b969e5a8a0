import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { findExtract } from '../db/research-extracts.ts';
import { researchExtracts } from '../db/tables.ts';
import { extractRequestInput } from '../domain/research.ts';
import { extractView } from './extract-view.ts';

/** A researcher asks for an extract: recorded as requested, for an administrator to decide. */
export async function requestResearchExtract(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'research_extract.request');
  const data = parseInput(extractRequestInput, input, 'reporting');
  await getProgram(ctx, data.programId);
  const id = newId();
  const requestedBy = ctx.actor.kind === 'user' ? ctx.actor.id : '';
  // One order whatever the order asked: the groups decide the columns.
  const variableGroups = [...new Set(data.variableGroups)].sort();
  await transaction(ctx, async (tx) => {
    await tx.insert(researchExtracts).values({
      id,
      programId: data.programId,
      requestedBy,
      purpose: data.purpose,
      variableGroups,
      generalisation: data.generalisation,
      requestedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'research_extract.requested',
      entityType: 'research_extract',
      entityId: id,
      changes: { programId: data.programId, variableGroups, generalisation: data.generalisation },
    });
  });
  return extractView(ctx, (await findExtract(ctx.db, id))!);
}
