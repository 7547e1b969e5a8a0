import { type SQL, sql } from 'drizzle-orm';
import { approvedPlans } from '../../coaching/index.ts';
import { completedDiagnostics } from '../../diagnostic/index.ts';
import { programMembers } from '../../intake/index.ts';
import { workshopParticipants } from '../../workshops/index.ts';
import type { Segment, SegmentStage } from '../domain/messages.ts';

/** Each stage as a condition on a member `m` (intake's `programMembers` columns), as of `asOf`. */
function stageCondition(stage: SegmentStage, asOf: Date): SQL {
  switch (stage) {
    case 'accepted_without_t0':
      return sql`(m.status = 'accepted' and m.application_id not in (select application_id from (${completedDiagnostics('T0', asOf)}) t0))`;
    case 't0_completed':
      return sql`m.application_id in (select application_id from (${completedDiagnostics('T0', asOf)}) t0)`;
    case 'plan_approved':
      return sql`m.application_id in (select application_id from (${approvedPlans(asOf)}) p)`;
    case 'closed':
      return sql`m.closed`;
  }
}

/**
 * The segment's businesses as a subquery of `(application_id, user_id, consented)`: intake's members
 * of the program narrowed by the stages (any of them) and, when asked, to the businesses registered
 * to (or present at) the program's workshops, read through the workshops module.
 */
export function segmentMembers(programId: string, segment: Segment, asOf: Date): SQL {
  const conditions = [sql`true`];
  if (segment.stages?.length)
    conditions.push(
      sql`(${sql.join(
        segment.stages.map((s) => stageCondition(s, asOf)),
        sql` or `,
      )})`,
    );
  if (segment.workshops)
    conditions.push(
      sql`m.application_id in (select application_id from (${workshopParticipants(programId, segment.workshops)}) w)`,
    );
  const members = programMembers(
    { programId, statuses: segment.statuses, regions: segment.regions, subsectors: segment.subsectors },
    'newsletter',
  );
  return sql`select m.application_id, m.user_id, m.consented from (${members}) m
    where ${sql.join(conditions, sql` and `)}`;
}

/**
 * The segment per person: one row per account, consenting when any of their businesses in the
 * segment consented to the newsletter; the business named is a consenting one when there is one.
 */
export function segmentPeople(programId: string, segment: Segment, asOf: Date): SQL {
  return sql`select distinct on (s.user_id) s.user_id, s.application_id, s.consented
    from (${segmentMembers(programId, segment, asOf)}) s
    order by s.user_id, s.consented desc, s.application_id`;
}
