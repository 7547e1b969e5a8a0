import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { contactOf } from '../../identity/index.ts';
import { applicationProfile } from '../../intake/index.ts';
import { renderCertificatePdf } from '../certificate/certificate-pdf.ts';
import { earnsCertificate } from '../domain/workshops.ts';
import { loadRegistration } from './load-workshop.ts';
import { titleIn } from './registration-mail.ts';

/**
 * The attendance certificate of a registration, in the participant's language, for whoever may see
 * it (the participant, the team, the facilitator); only once attendance meets the workshop's minimum share.
 */
export async function getCertificate(ctx: Ctx, workshopId: string, registrationId: string) {
  const { workshop, registration, resource } = await loadRegistration(ctx, workshopId, registrationId);
  authorizeVisible(ctx.actor, 'workshop.certificate', resource);
  if (registration.status !== 'registered' || !earnsCertificate(registration, workshop))
    throw new AppError('conflict', {
      key: 'workshops:errors.no_certificate',
      params: { percent: workshop.minimumAttendancePercent },
    });
  const [person, business, facilitator] = await Promise.all([
    contactOf(ctx.db, registration.userId),
    applicationProfile(ctx.db, registration.applicationId),
    workshop.facilitatorUserId ? contactOf(ctx.db, workshop.facilitatorUserId) : undefined,
  ]);
  const locale = person?.locale ?? ctx.locale;
  const pdf = await renderCertificatePdf(
    {
      reference: registration.id,
      person: person?.name ?? '',
      business: (business?.tradeName || business?.legalName) ?? '',
      title: titleIn(workshop, locale),
      start: workshop.startsAt,
      minutesAttended: registration.minutesAttended ?? 0,
      durationMinutes: workshop.durationMinutes,
      facilitator: facilitator?.name ?? null,
    },
    translatorFor(ctx.services.i18n, locale),
    locale,
    ctx.now(),
  );
  return {
    pdf,
    filename: `${locale === 'fr' ? 'attestation' : 'certificate'}-${registration.id.slice(0, 8)}.pdf`,
  };
}
