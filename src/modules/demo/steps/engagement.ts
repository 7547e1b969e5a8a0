import { formatDate, montrealInstant } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { sendMessage } from '../../outreach/index.ts';
import { updateReminderSettings } from '../../reminders/index.ts';
import {
  answerSatisfaction,
  createWorkshops,
  publishWorkshop,
  recordAttendance,
  registerForWorkshop,
} from '../../workshops/index.ts';
import { actingAs, type Person } from './acting-as.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A webinar held two weeks ago, with its attendance and satisfaction; an in-person workshop, full, ahead. */
const PAST_WEBINAR_DAYS_AGO = 14;
const FULL_WORKSHOP_DAYS_AHEAD = 10;
const FULL_WORKSHOP_CAPACITY = 4;
const FULL_WORKSHOP_WAITING = 2;
const PAST_WEBINAR_PARTICIPANTS = 8;
/** The participants' ratings, in turn (1 to 5); every fourth participant leaves early, every fifth is absent. */
const RATINGS = [5, 4, 5, 3, 4];

export type EngagementTally = {
  workshops: number;
  registered: number;
  waitlisted: number;
  present: number;
  satisfactionAnswers: number;
  newsletters: number;
};

export type AcceptedBusiness = { person: Person; applicationId: string; decidedAt: Date };

/** One date of a workshop, as its form takes it: the Montréal day and time `daysFromNow` days from now. */
const dateOf = (now: Date, daysFromNow: number, time: string) => ({
  date: formatDate(new Date(now.getTime() + daysFromNow * DAY)),
  time,
});

/**
 * The program's engagement, through the use cases as the team and the retailers use them: a webinar
 * two weeks ago (registrations, the facilitator's attendance, satisfaction answers), an in-person
 * workshop ahead that is full with a waitlist, the reminders' settings, and a newsletter to the
 * businesses that finished their entry diagnostic.
 */
export async function runEngagement(
  ctx: Ctx,
  options: {
    now: Date;
    launchAt: Date;
    programId: string;
    coordinator: Person;
    facilitator: Person;
    accepted: AcceptedBusiness[];
  },
): Promise<EngagementTally> {
  const { now, programId, coordinator } = options;
  const tally: EngagementTally = {
    workshops: 0,
    registered: 0,
    waitlisted: 0,
    present: 0,
    satisfactionAnswers: 0,
    newsletters: 0,
  };

  // The reminders: a draft nudged after five days rather than seven; the rest as delivered.
  await updateReminderSettings(actingAs(ctx, coordinator, { at: options.launchAt }), programId, {
    reminders: [{ kind: 'draft-left-7-days', enabled: true, days: 5 }],
  });

  // The webinar, announced three weeks ahead, for the businesses accepted a day before it at least.
  const webinarDate = dateOf(now, -PAST_WEBINAR_DAYS_AGO, '10:00');
  const webinarStart = montrealInstant(webinarDate.date, webinarDate.time)!;
  const announcedAt = new Date(webinarStart.getTime() - 21 * DAY);
  const asTeamThen = actingAs(ctx, coordinator, { at: announcedAt });
  const webinar = await createWorkshops(asTeamThen, {
    programId,
    titleFr: 'Votre fiche Google : être trouvé près de chez vous',
    titleEn: 'Your Google profile: being found nearby',
    descriptionFr: 'Remplir, illustrer et tenir à jour sa fiche d’entreprise ; répondre aux avis.',
    descriptionEn: 'Filling in, illustrating and updating your business profile; answering reviews.',
    topic: 'marketing',
    language: 'fr',
    format: 'online',
    link: 'https://webinaire.virage.example/fiche-google',
    durationMinutes: 90,
    capacity: 30,
    audience: 'program',
    facilitatorUserId: options.facilitator.id,
    dates: [webinarDate],
  });
  const webinarId = webinar.items[0]!.id;
  await publishWorkshop(asTeamThen, webinarId);
  tally.workshops++;
  const early = options.accepted
    .filter((a) => a.decidedAt.getTime() < webinarStart.getTime() - DAY)
    .slice(0, PAST_WEBINAR_PARTICIPANTS);
  const participants: { person: Person; registrationId: string }[] = [];
  for (const a of early) {
    const at = new Date(Math.max(announcedAt.getTime(), a.decidedAt.getTime()) + 2 * HOUR);
    const registration = await registerForWorkshop(actingAs(ctx, a.person, { at }), webinarId);
    participants.push({ person: a.person, registrationId: registration.id });
    tally.registered++;
  }
  if (participants.length > 0) {
    const asFacilitator = actingAs(ctx, options.facilitator, {
      at: new Date(webinarStart.getTime() + 2 * HOUR),
    });
    const rows = participants.map((p, i) => {
      const present = i % 5 !== 4;
      return {
        registrationId: p.registrationId,
        present,
        minutesAttended: present ? (i % 4 === 3 ? 45 : 90) : 0,
      };
    });
    await recordAttendance(asFacilitator, webinarId, rows);
    tally.present = rows.filter((r) => r.present).length;
    for (const [i, p] of participants.entries()) {
      if (!rows[i]!.present || i % 3 === 2) continue; // not everyone answers
      const at = new Date(webinarStart.getTime() + DAY + i * HOUR);
      await answerSatisfaction(actingAs(ctx, p.person, { at }), webinarId, p.registrationId, {
        rating: RATINGS[i % RATINGS.length],
      });
      tally.satisfactionAnswers++;
    }
  }

  // The in-person workshop ahead: its places taken, two businesses in line.
  const asTeamNow = actingAs(ctx, coordinator, { at: new Date(now.getTime() - 5 * DAY) });
  const workshop = await createWorkshops(asTeamNow, {
    programId,
    titleFr: 'Vendre en ligne sans se ruiner',
    titleEn: 'Selling online on a budget',
    descriptionFr: 'Choisir une plateforme, fixer ses frais de livraison et gérer les retours.',
    descriptionEn: 'Choosing a platform, setting delivery fees and handling returns.',
    topic: 'marketing',
    language: 'fr',
    format: 'in_person',
    place: '1000, rue Sherbrooke Ouest, Montréal',
    durationMinutes: 120,
    capacity: FULL_WORKSHOP_CAPACITY,
    audience: 'program',
    facilitatorUserId: options.facilitator.id,
    dates: [dateOf(now, FULL_WORKSHOP_DAYS_AHEAD, '13:30')],
  });
  const workshopId = workshop.items[0]!.id;
  await publishWorkshop(asTeamNow, workshopId);
  tally.workshops++;
  const candidates = options.accepted.slice(-(FULL_WORKSHOP_CAPACITY + FULL_WORKSHOP_WAITING));
  for (const [i, a] of candidates.entries()) {
    const at = new Date(Math.max(now.getTime() - 4 * DAY + i * HOUR, a.decidedAt.getTime() + HOUR));
    const registration = await registerForWorkshop(actingAs(ctx, a.person, { at }), workshopId);
    if (registration.status === 'waitlisted') tally.waitlisted++;
    else tally.registered++;
  }

  // A newsletter to the businesses past their entry diagnostic (only those who consented receive it).
  await sendMessage(actingAs(ctx, coordinator, { at: new Date(now.getTime() - 3 * DAY) }), {
    programId,
    kind: 'newsletter',
    segment: { stages: ['t0_completed'] },
    subject: { fr: 'Un atelier pour vendre en ligne', en: 'A workshop to sell online' },
    body: {
      fr: 'Un atelier en personne sur la vente en ligne aura lieu à Montréal. Inscrivez-vous depuis votre espace Virage.',
      en: 'An in-person workshop on selling online will be held in Montréal. Register from your Virage space.',
    },
  });
  tally.newsletters++;
  return tally;
}
