import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as editPage from '../../src/modules/workshops/ui/workshop-edit.tsx';
import * as newPage from '../../src/modules/workshops/ui/workshop-new.tsx';
import * as listPage from '../../src/modules/workshops/ui/workshops.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { load, send } from '../support/pages.ts';
import { publishedWorkshop, workshopInput } from '../support/workshops.ts';

let h: Harness;
let programId: string;
let coordinator: string;
let team: Ctx;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  team = await h.as({ bearerToken: coordinator });
});
afterAll(() => h?.close());

/** Where a form's answer sends the browser: the page's action returns the redirection. */
const redirected = (answer: unknown) => {
  const response = answer as Response;
  return { status: response.status, location: response.headers.get('location') ?? undefined };
};

const form = (overrides: Record<string, string> = {}) => ({
  programId,
  titleFr: 'Atelier',
  titleEn: 'Workshop',
  descriptionFr: 'Description',
  descriptionEn: 'Description',
  topic: 'marketing',
  language: 'fr',
  format: 'in_person',
  place: '1, rue Principale',
  link: '',
  'dates.0.date': '2027-02-10',
  'dates.0.time': '13:30',
  'dates.1.date': '',
  'dates.1.time': '',
  'dates.2.date': '',
  'dates.2.time': '',
  durationMinutes: '90',
  capacity: '2',
  audience: 'program',
  region: '',
  facilitatorUserId: '',
  offerHours: '24',
  minimumAttendancePercent: '80',
  ...overrides,
});

describe('workshop pages', () => {
  it('creates a series from the form, names the field of each mistake, and changes a workshop', async () => {
    const start = await load(newPage.loader, team, '/workshops/new');
    expect(start.topics.map((t) => t.id)).toContain('marketing');

    const failed = (await send(
      newPage.action,
      team,
      '/workshops/new',
      form({ place: '', 'dates.0.time': '25:00' }),
    )) as {
      data: { error: { errors: { path: string }[] } };
    };
    expect(failed.data.error.errors.map((e) => e.path).sort()).toEqual(['dates.0.time']);
    const missingPlace = (await send(newPage.action, team, '/workshops/new', form({ place: '' }))) as {
      data: { error: { errors: { path: string }[] } };
    };
    expect(missingPlace.data.error.errors.map((e) => e.path)).toEqual(['place']);

    const created = redirected(
      await send(
        newPage.action,
        team,
        '/workshops/new',
        form({ 'dates.1.date': '2027-02-17', 'dates.1.time': '13:30' }),
      ),
    );
    expect(created).toMatchObject({
      status: 302,
      location: expect.stringMatching(/^\/workshops\/[\w-]+\?created=1$/),
    });
    const id = created.location!.split('/')[2]!.split('?')[0]!;
    const list = await load(listPage.loader, team, '/workshops');
    expect(list.items.filter((i) => i.title === 'Atelier')).toHaveLength(2);

    const edit = await load(editPage.loader, team, `/workshops/${id}/edit`, { id });
    expect(edit.values).toMatchObject({
      'dates.0.date': '2027-02-10',
      'dates.0.time': '13:30',
      capacity: '2',
    });
    const badDate = (await send(
      editPage.action,
      team,
      `/workshops/${id}/edit`,
      { ...edit.values, 'dates.0.date': '2026-01-01' },
      { id },
    )) as {
      data: { error: { errors: { path: string }[] } };
    };
    expect(badDate.data.error.errors.map((e) => e.path)).toEqual(['dates.0.date']);
    const saved = redirected(
      await send(editPage.action, team, `/workshops/${id}/edit`, { ...edit.values, capacity: '5' }, { id }),
    );
    expect(saved).toMatchObject({ status: 302, location: `/workshops/${id}?saved=1` });
    expect((await load(editPage.loader, team, `/workshops/${id}/edit`, { id })).values.capacity).toBe('5');
  });

  it('lets a retailer register, see the waitlist position, and cancel from « Ateliers »', async () => {
    const id = await publishedWorkshop(h, coordinator, workshopInput(programId, { capacity: 1 }));
    const first = await acceptedApplication(h, programId, coordinator);
    await h.request(`/api/v1/workshops/${id}/registrations`, { method: 'POST', token: first.token });
    const app = await acceptedApplication(h, programId, coordinator);
    const ctx = await h.as({ bearerToken: app.token }, { locale: 'en' });
    const before = await load(listPage.loader, ctx, '/workshops');
    expect(before.staff).toBe(false);
    expect(before.items.find((i) => i.id === id)).toMatchObject({ left: 0, registration: null });
    const registered = await send(listPage.action, ctx, '/workshops', { intent: 'register', workshopId: id });
    expect(registered).toEqual({ done: 'waitlisted', position: 1 });
    const after = await load(listPage.loader, ctx, '/workshops');
    const mine = after.items.find((i) => i.id === id)!.registration!;
    expect(mine).toMatchObject({ status: 'waitlisted', position: 1, certificate: null });
    expect(
      await send(listPage.action, ctx, '/workshops', {
        intent: 'cancel',
        workshopId: id,
        registrationId: mine.id,
      }),
    ).toEqual({ done: 'cancelled', position: null });
  });
});
