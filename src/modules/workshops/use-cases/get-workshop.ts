import type { Ctx } from '../../../platform/context.ts';
import { authorizeVisible, isAllowed } from '../../../wiring/authorize.ts';
import { placesOf, registrationsWithPeople, waitlistOf } from '../db/queries.ts';
import { attendanceFigures, earnsCertificate } from '../domain/workshops.ts';
import { loadWorkshop } from './load-workshop.ts';
import { registrationView, workshopView } from './workshop-view.ts';

/**
 * One workshop for the team and its facilitator: who registered, waits or holds an offer (with names,
 * for attendance), and its figures: registrations, waitlist, attendance rate, satisfaction.
 */
export async function getWorkshop(ctx: Ctx, id: string) {
  const workshop = await loadWorkshop(ctx, id);
  authorizeVisible(ctx.actor, 'workshop.attendance', workshop);
  const [people, line, places] = await Promise.all([
    registrationsWithPeople(ctx.db, id),
    waitlistOf(ctx.db, id),
    placesOf(ctx.db, id),
  ]);
  const registered = people.filter((p) => p.registration.status === 'registered');
  const recorded = registered.filter((p) => p.registration.present !== null);
  const answers = registered.flatMap((p) =>
    p.registration.satisfaction ? [p.registration.satisfaction] : [],
  );
  return {
    workshop: workshopView(workshop, places),
    registrations: people.map((p) => ({
      ...registrationView(
        p.registration,
        p.registration.status === 'waitlisted' ? line.findIndex((r) => r.id === p.registration.id) + 1 : null,
      ),
      name: p.name,
      email: p.email,
      certificate: p.registration.status === 'registered' && earnsCertificate(p.registration, workshop),
    })),
    figures: {
      registered: registered.length,
      waitlisted: line.length,
      offered: people.filter((p) => p.registration.status === 'offered').length,
      cancelled: people.filter((p) => p.registration.status === 'cancelled').length,
      ...attendanceFigures({
        recorded: recorded.length,
        present: recorded.filter((p) => p.registration.present).length,
        answers: answers.length,
        ratingSum: answers.reduce((a, b) => a + b, 0),
      }),
    },
    can: {
      manage: isAllowed(ctx.actor, 'workshop.manage'),
      attendance: workshop.startsAt.getTime() <= ctx.now().getTime(),
    },
  };
}
export type WorkshopDetail = Awaited<ReturnType<typeof getWorkshop>>;
