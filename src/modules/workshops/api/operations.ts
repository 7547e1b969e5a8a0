import { z } from 'zod';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  attendance,
  createdWorkshops,
  presentAttendance,
  presentCreated,
  presentRegistration,
  presentSatisfaction,
  presentWorkshop,
  presentWorkshopDetail,
  presentWorkshopList,
  registration,
  satisfaction,
  workshop,
  workshopDetail,
  workshopList,
} from '../presenters/workshops.ts';
import { acceptOffer } from '../use-cases/accept-offer.ts';
import { answerSatisfaction, satisfactionInput } from '../use-cases/answer-satisfaction.ts';
import { cancelRegistration } from '../use-cases/cancel-registration.ts';
import { cancelWorkshop } from '../use-cases/cancel-workshop.ts';
import { createWorkshops, createWorkshopsInput } from '../use-cases/create-workshops.ts';
import { getCertificate } from '../use-cases/get-certificate.ts';
import { getWorkshop } from '../use-cases/get-workshop.ts';
import { importAttendance, MAX_ATTENDANCE_CSV_BYTES } from '../use-cases/import-attendance.ts';
import { listWorkshops, listWorkshopsInput } from '../use-cases/list-workshops.ts';
import { publishWorkshop } from '../use-cases/publish-workshop.ts';
import { attendanceInput, recordAttendance } from '../use-cases/record-attendance.ts';
import { registerForWorkshop } from '../use-cases/register-for-workshop.ts';
import { updateWorkshop, updateWorkshopInput } from '../use-cases/update-workshop.ts';

const common = { tag: 'workshops', access: 'user' } as const;

export const workshopOperations: ApiOperation[] = [
  defineOperation({
    ...common,
    operationId: 'createWorkshops',
    method: 'post',
    path: '/workshops',
    summary:
      'Create a workshop, or a series (several `dates`, Montréal wall-clock times) sharing a seriesId; drafts until published',
    body: createWorkshopsInput,
    response: createdWorkshops,
    successStatus: 201,
    handle: async (ctx, { body }) => presentCreated(await createWorkshops(ctx, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'listWorkshops',
    method: 'get',
    path: '/workshops',
    summary:
      'Workshops: the team sees all, an expert those they facilitate, a retailer those open to their business (recommended first) and their own registrations',
    query: listWorkshopsInput,
    response: workshopList,
    handle: async (ctx, { query }) => presentWorkshopList(await listWorkshops(ctx, query)),
  }),
  defineOperation({
    ...common,
    operationId: 'getWorkshop',
    method: 'get',
    path: '/workshops/{id}',
    summary: 'A workshop with its registrations, waitlist and figures (the team and its facilitator)',
    response: workshopDetail,
    handle: async (ctx, { params }) => presentWorkshopDetail(await getWorkshop(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'updateWorkshop',
    method: 'put',
    path: '/workshops/{id}',
    summary:
      'Change a workshop before it starts (every field, `date` {date, time}); more places are offered to the waitlist, a new time or place e-mails the updated .ics',
    body: updateWorkshopInput,
    response: workshop,
    handle: async (ctx, { params, body }) => presentWorkshop(await updateWorkshop(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'publishWorkshop',
    method: 'post',
    path: '/workshops/{id}/publish',
    summary: 'Open a draft workshop to registrations',
    response: workshop,
    handle: async (ctx, { params }) => presentWorkshop(await publishWorkshop(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'cancelWorkshop',
    method: 'post',
    path: '/workshops/{id}/cancel',
    summary:
      'Cancel a workshop before it starts; every registration ends, those holding a place get METHOD:CANCEL',
    response: workshop,
    handle: async (ctx, { params }) => presentWorkshop(await cancelWorkshop(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'registerForWorkshop',
    method: 'post',
    path: '/workshops/{id}/registrations',
    summary:
      'The signed-in retailer registers their business: `registered` (the .ics is e-mailed) or `waitlisted` with its position',
    response: registration,
    successStatus: 201,
    handle: async (ctx, { params }) => presentRegistration(await registerForWorkshop(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'cancelWorkshopRegistration',
    method: 'post',
    path: '/workshops/{id}/registrations/{registrationId}/cancel',
    summary: 'Cancel a registration (METHOD:CANCEL e-mailed); a freed place is offered to the next in line',
    response: registration,
    handle: async (ctx, { params }) =>
      presentRegistration(await cancelRegistration(ctx, params.id!, params.registrationId!)),
  }),
  defineOperation({
    ...common,
    operationId: 'acceptWorkshopOffer',
    method: 'post',
    path: '/workshops/{id}/registrations/{registrationId}/accept',
    summary: 'Take the place offered from the waitlist before the offer ends',
    response: registration,
    handle: async (ctx, { params }) =>
      presentRegistration(await acceptOffer(ctx, params.id!, params.registrationId!)),
  }),
  defineOperation({
    ...common,
    operationId: 'answerWorkshopSatisfaction',
    method: 'post',
    path: '/workshops/{id}/registrations/{registrationId}/satisfaction',
    summary: 'The participant rates the workshop (1–5) with a comment, once it has ended',
    body: satisfactionInput,
    response: satisfaction,
    handle: async (ctx, { params, body }) =>
      presentSatisfaction(await answerSatisfaction(ctx, params.id!, params.registrationId!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'recordWorkshopAttendance',
    method: 'put',
    path: '/workshops/{id}/attendance',
    summary:
      'Record attendance: a list of {registrationId, present, minutesAttended} (the facilitator or the team, once started)',
    body: attendanceInput,
    response: attendance,
    handle: async (ctx, { params, body }) => presentAttendance(await recordAttendance(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'importWorkshopAttendance',
    method: 'post',
    path: '/workshops/{id}/attendance/import',
    summary:
      'Record attendance from a webinar tool’s list: a CSV file `email,minutes` in the field `csv`, one row per connection (reconnections add up; a registered person not listed is absent); addresses matching no registration are returned in `unmatched`',
    upload: { file: 'csv', maxBytes: MAX_ATTENDANCE_CSV_BYTES, fields: z.strictObject({}) },
    response: attendance.extend({
      unmatched: z.array(z.string()).describe('Addresses of the list that match no registration'),
    }),
    handle: async (ctx, { params, file }) => {
      const { items, unmatched } = await importAttendance(ctx, params.id!, file ? await file.text() : '');
      return { ...presentAttendance({ items }), unmatched };
    },
  }),
  defineOperation({
    ...common,
    operationId: 'getWorkshopCertificate',
    method: 'get',
    path: '/workshops/{id}/certificates/{registrationId}.pdf',
    summary:
      'The attendance certificate (PDF, in the participant’s language) once the minimum share is attended',
    produces: 'application/pdf',
    handle: async (ctx, { params }) => {
      const { pdf, filename } = await getCertificate(ctx, params.id!, params.registrationId!);
      return { status: 200, file: new Uint8Array(pdf), contentType: 'application/pdf', filename };
    },
  }),
];
