import { z } from 'zod';
import {
  REGISTRATION_STATUSES,
  WORKSHOP_AUDIENCES,
  WORKSHOP_FORMATS,
  WORKSHOP_STATUSES,
} from '../domain/workshops.ts';
import type { answerSatisfaction } from '../use-cases/answer-satisfaction.ts';
import type { WorkshopDetail } from '../use-cases/get-workshop.ts';
import type { WorkshopListItem } from '../use-cases/list-workshops.ts';
import type { RegistrationView, WorkshopView } from '../use-cases/workshop-view.ts';

const montreal = z.string().describe('ISO 8601 with Montréal’s offset');

export const workshop = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  seriesId: z.uuid().nullable().describe('Shared by the dates of a series'),
  titleFr: z.string(),
  titleEn: z.string(),
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  topic: z.string().describe('A dimension of the program’s diagnostic'),
  language: z.enum(['fr', 'en']),
  format: z.enum(WORKSHOP_FORMATS),
  place: z.string().nullable(),
  link: z.string().nullable(),
  startsAt: montreal,
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  audience: z.enum(WORKSHOP_AUDIENCES),
  region: z.string().nullable(),
  facilitatorUserId: z.uuid().nullable(),
  offerHours: z.number().int(),
  minimumAttendancePercent: z.number().int(),
  status: z.enum(WORKSHOP_STATUSES),
  placesTaken: z.number().int().describe('Registered, or held for an offer'),
  placesLeft: z.number().int(),
  waiting: z.number().int(),
});
export const presentWorkshop = (w: WorkshopView): z.input<typeof workshop> => w;

export const registration = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  applicationId: z.uuid(),
  status: z.enum(REGISTRATION_STATUSES),
  position: z.number().int().nullable().describe('Place in the waitlist (1 = next); null unless waitlisted'),
  offerExpiresAt: montreal.nullable().describe('Until when an offered place is held'),
  present: z.boolean().nullable(),
  minutesAttended: z.number().int().nullable(),
});
export const presentRegistration = (r: RegistrationView): z.input<typeof registration> => r;

export const createdWorkshops = z.object({ seriesId: z.uuid().nullable(), items: z.array(workshop) });
export const presentCreated = (c: { seriesId: string | null; items: WorkshopView[] }) => c;

export const workshopList = z.object({
  items: z.array(
    workshop.extend({
      recommended: z.boolean().describe('Its topic is one of the business’s weakest dimensions'),
      registration: registration.nullable().describe('The retailer’s own registration, if any'),
    }),
  ),
});
export const presentWorkshopList = (l: { items: WorkshopListItem[] }): z.input<typeof workshopList> => l;

export const attendance = z.object({ items: z.array(registration) });
export const presentAttendance = (a: { items: RegistrationView[] }): z.input<typeof attendance> => a;

export const workshopDetail = z.object({
  workshop,
  registrations: z.array(
    registration.extend({ name: z.string(), email: z.string(), certificate: z.boolean() }),
  ),
  figures: z.object({
    registered: z.number().int(),
    waitlisted: z.number().int(),
    offered: z.number().int(),
    cancelled: z.number().int(),
    attendanceRate: z.number().nullable().describe('Percent present among those recorded'),
    satisfaction: z.object({ answers: z.number().int(), mean: z.number().nullable() }),
  }),
  can: z.object({ manage: z.boolean(), attendance: z.boolean() }),
});
export const presentWorkshopDetail = (d: WorkshopDetail): z.input<typeof workshopDetail> => d;

export const satisfaction = z.object({
  registrationId: z.uuid(),
  rating: z.number().int(),
  comment: z.string().nullable(),
});
export const presentSatisfaction = (
  s: Awaited<ReturnType<typeof answerSatisfaction>>,
): z.input<typeof satisfaction> => s;
