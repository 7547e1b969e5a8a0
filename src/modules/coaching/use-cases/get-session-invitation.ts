import { type Ctx, inChosenLanguage } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { getProgram } from '../../programs/index.ts';
import { findSession } from '../db/queries.ts';
import { loadFile } from './load-file.ts';
import { invitationFile, sessionPeople } from './session-invitation.ts';

/** The session's `.ics` as it stands now (latest SEQUENCE; a cancellation once cancelled), in the language the caller chose. */
export async function getSessionInvitation(ctx: Ctx, id: string): Promise<string> {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const session = await findSession(ctx.db, id);
  if (!session) throw new AppError('not_found');
  const file = await loadFile(ctx, session.applicationId, 'session.read');
  const program = await getProgram(ctx, file.programId);
  const people = await sessionPeople(ctx.db, session, file);
  return invitationFile(ctx, session, file, program, people, inChosenLanguage(ctx).locale);
}
