import { sessionCalendar } from '../../../kernel/calendar.ts';
import { formatDateTime } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { expertContact } from '../../experts/index.ts';
import { contactOf } from '../../identity/index.ts';
import type { Program } from '../../programs/index.ts';
import type { SessionRow } from '../db/queries.ts';
import type { CoachedFile } from './load-file.ts';

type Person = { name: string; email: string; locale: Locale };

/** Who a session's invitation goes to: its expert (the organiser) and the retailer. */
export async function sessionPeople(db: Executor, session: SessionRow, file: CoachedFile) {
  const expert = (await expertContact(db, session.expertId))!;
  const retailer = file.applicantId ? await contactOf(db, file.applicantId) : undefined;
  return { expert, retailer };
}

type ProgramNames = Pick<Program, 'nameFr' | 'nameEn'>;

/** The `.ics` of a session as it stands, in one language: a request, or a cancellation once cancelled. */
export function invitationFile(
  ctx: Ctx,
  session: SessionRow,
  file: CoachedFile,
  program: ProgramNames,
  people: { expert: Person; retailer?: Person },
  locale: Locale,
) {
  const t = translatorFor(ctx.services.i18n, locale);
  const { expert } = people;
  return sessionCalendar({
    uid: `${session.id}@virage`,
    sequence: session.sequence,
    method: session.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    start: session.startsAt,
    durationMinutes: session.durationMinutes,
    summary: t('coaching:calendar.summary', { business: file.tradeName || file.legalName }),
    description: t('coaching:calendar.description', {
      program: locale === 'fr' ? program.nameFr : program.nameEn,
      expert: expert.name,
      mode: t(`coaching:modes.${session.mode}`),
      minutes: session.durationMinutes,
    }),
    location: session.location,
    url: `${ctx.services.config.publicUrl}/applications/${file.id}`,
    organizer: { name: expert.name, email: expert.email },
    attendees: people.retailer ? [{ name: people.retailer.name, email: people.retailer.email }] : [],
    // When this version of the session was written, not when the file is made: the invitation sent and
    // the one downloaded later are then the same file.
    stamp: session.updatedAt,
    reminder: t('coaching:calendar.reminder', {
      business: file.tradeName || file.legalName,
      expert: expert.name,
    }),
  });
}

/**
 * Tells the retailer and the expert, each in their language, with the invitation attached: a new
 * session, a change (same UID, higher SEQUENCE) or a cancellation. Runs in the caller's transaction.
 */
export async function sendSessionInvitations(
  tx: Executor,
  ctx: Ctx,
  { session, file, program }: { session: SessionRow; file: CoachedFile; program: ProgramNames },
  kind: 'session_scheduled' | 'session_changed' | 'session_cancelled',
) {
  const people = await sessionPeople(tx, session, file);
  for (const person of [people.retailer, people.expert]) {
    if (!person) continue;
    const t = translatorFor(ctx.services.i18n, person.locale);
    const ics = invitationFile(ctx, session, file, program, people, person.locale);
    await queueMail(tx, ctx, {
      to: person.email,
      locale: person.locale,
      template: `coaching:mail.${kind}`,
      params: {
        name: person.name,
        business: file.tradeName || file.legalName,
        expert: people.expert.name,
        when: formatDateTime(session.startsAt, person.locale),
        minutes: session.durationMinutes,
        mode: t(`coaching:modes.${session.mode}`),
        location: session.location ?? '',
      },
      actionUrl: `${ctx.services.config.publicUrl}/applications/${file.id}`,
      attachments: [
        {
          filename: 'invite.ics',
          contentType: `text/calendar; charset=utf-8; method=${session.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
          content: ics,
        },
      ],
    });
  }
}
