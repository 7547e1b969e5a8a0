import { montrealIso } from '../../../kernel/format.ts';
import type { RegistrationRow, WorkshopRow } from '../db/queries.ts';

/** A workshop in its API shape (times with Montréal's offset), with its places. */
export function workshopView(w: WorkshopRow, places: { taken: number; waiting: number }) {
  return {
    id: w.id,
    programId: w.programId,
    seriesId: w.seriesId,
    titleFr: w.titleFr,
    titleEn: w.titleEn,
    descriptionFr: w.descriptionFr,
    descriptionEn: w.descriptionEn,
    topic: w.topic,
    language: w.language,
    format: w.format,
    place: w.place,
    link: w.link,
    startsAt: montrealIso(w.startsAt),
    durationMinutes: w.durationMinutes,
    capacity: w.capacity,
    audience: w.audience,
    region: w.region,
    facilitatorUserId: w.facilitatorUserId,
    offerHours: w.offerHours,
    minimumAttendancePercent: w.minimumAttendancePercent,
    status: w.status,
    placesTaken: places.taken,
    placesLeft: Math.max(0, w.capacity - places.taken),
    waiting: places.waiting,
  };
}
export type WorkshopView = ReturnType<typeof workshopView>;

/** A registration as its holder (or the team) sees it. */
export function registrationView(r: RegistrationRow, position: number | null) {
  return {
    id: r.id,
    workshopId: r.workshopId,
    applicationId: r.applicationId,
    status: r.status,
    position,
    offerExpiresAt: r.offerExpiresAt ? montrealIso(r.offerExpiresAt) : null,
    present: r.present,
    minutesAttended: r.minutesAttended,
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;
