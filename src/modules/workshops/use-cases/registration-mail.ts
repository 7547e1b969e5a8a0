import { sessionCalendar } from '../../../kernel/calendar.ts';
import { formatDateTime } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { contactOf } from '../../identity/index.ts';
import type { RegistrationRow, WorkshopRow } from '../db/queries.ts';

/** What happened to a registration, each its own e-mail; those that change a place carry the `.ics`. */
export type RegistrationMail =
  | 'registered'
  | 'changed'
  | 'waitlisted'
  | 'offered'
  | 'offer_expired'
  | 'cancelled'
  | 'workshop_cancelled'
  | 'satisfaction';

const WITH_CALENDAR: Partial<Record<RegistrationMail, 'REQUEST' | 'CANCEL'>> = {
  registered: 'REQUEST',
  changed: 'REQUEST',
  cancelled: 'CANCEL',
};

export const titleIn = (w: Pick<WorkshopRow, 'titleFr' | 'titleEn'>, locale: Locale) =>
  locale === 'fr' ? w.titleFr : w.titleEn;

/** Where it happens, as a person reads it: the place, or the link of the webinar. */
export const whereOf = (w: Pick<WorkshopRow, 'format' | 'place' | 'link'>) =>
  (w.format === 'online' ? w.link : w.place) ?? '';

/**
 * The registration's `.ics` in one language: one UID for the life of the registration, a higher
 * SEQUENCE at each change, METHOD:CANCEL once it no longer holds a place.
 */
export async function registrationCalendar(
  db: Executor,
  ctx: Ctx,
  workshop: WorkshopRow,
  registration: RegistrationRow,
  locale: Locale,
  method: 'REQUEST' | 'CANCEL',
) {
  const t = translatorFor(ctx.services.i18n, locale);
  const [person, facilitator] = await Promise.all([
    contactOf(db, registration.userId),
    workshop.facilitatorUserId ? contactOf(db, workshop.facilitatorUserId) : undefined,
  ]);
  const title = titleIn(workshop, locale);
  return sessionCalendar({
    uid: `${registration.id}@virage.workshops`,
    sequence: registration.sequence,
    method,
    start: workshop.startsAt,
    durationMinutes: workshop.durationMinutes,
    summary: t('workshops:calendar.summary', { title }),
    description: locale === 'fr' ? workshop.descriptionFr : workshop.descriptionEn,
    location: whereOf(workshop) || null,
    url: workshop.format === 'online' ? workshop.link : `${ctx.services.config.publicUrl}/workshops`,
    organizer: facilitator
      ? { name: facilitator.name, email: facilitator.email }
      : { name: 'Virage', email: ctx.services.config.contacts.programEmail },
    attendees: person ? [{ name: person.name, email: person.email }] : [],
    stamp: registration.updatedAt,
    reminder: t('workshops:calendar.reminder', { title }),
  });
}

/** Tells the retailer, in their language, what became of their registration; in the caller's transaction. */
export async function mailRegistration(
  tx: Executor,
  ctx: Ctx,
  workshop: WorkshopRow,
  registration: RegistrationRow,
  kind: RegistrationMail,
  extra: Record<string, unknown> = {},
) {
  const person = await contactOf(tx, registration.userId);
  if (!person) return;
  const method = WITH_CALENDAR[kind];
  await queueMail(tx, ctx, {
    to: person.email,
    locale: person.locale,
    template: `workshops:mail.${kind}`,
    params: {
      name: person.name,
      title: titleIn(workshop, person.locale),
      when: formatDateTime(workshop.startsAt, person.locale),
      minutes: workshop.durationMinutes,
      where: whereOf(workshop),
      expires: registration.offerExpiresAt ? formatDateTime(registration.offerExpiresAt, person.locale) : '',
      ...extra,
    },
    actionUrl:
      kind === 'satisfaction'
        ? `${ctx.services.config.publicUrl}/workshops/${workshop.id}/satisfaction/${registration.id}`
        : `${ctx.services.config.publicUrl}/workshops`,
    attachments: method
      ? [
          {
            filename: 'invite.ics',
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: await registrationCalendar(tx, ctx, workshop, registration, person.locale, method),
          },
        ]
      : undefined,
  });
}
