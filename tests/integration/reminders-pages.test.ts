import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_KINDS } from '../../src/modules/reminders/domain/kinds.ts';
import * as myReminders from '../../src/modules/reminders/ui/my-reminders.tsx';
import * as settings from '../../src/modules/reminders/ui/settings.tsx';
import * as stop from '../../src/modules/reminders/ui/stop.tsx';
import { getMyReminderPreference } from '../../src/modules/reminders/use-cases/get-my-reminder-preference.ts';
import { stopLink } from '../../src/modules/reminders/use-cases/stop-link.ts';
import type { Ctx } from '../../src/platform/context.ts';
import type { FormFailure } from '../../src/platform/ui/route.server.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { load, send, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let retailer: Ctx;
let coordinator: Ctx;
beforeAll(async () => {
  h = await createHarness();
  const as = async (role: 'retailer' | 'coordinator', locale: 'fr' | 'en') =>
    h.as({ bearerToken: await h.token((await h.user(role, { locale })).email) }, { locale });
  retailer = await as('retailer', 'fr');
  coordinator = await as('coordinator', 'en');
});
afterAll(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe(`reminder pages (${engine})`, () => {
  it('lets the program team change a delay, naming a wrong one, and keeps it from a retailer', async () => {
    const path = '/admin/program/reminders';
    const fields = (days: string) =>
      Object.fromEntries(
        Array.from({ length: REMINDER_KINDS.length }, (_, i) => [
          [`reminders.${i}.enabled`, 'on'],
          [`reminders.${i}.days`, i === 0 ? days : '7'],
        ]).flat(),
      );
    const bad = (await send(settings.action, coordinator, path, fields('zero'))) as { data: FormFailure };
    expect(bad.data.error.errors.map((e) => e.path)).toContain('reminders.0.days');
    expect(bad.data.error.errors.map((e) => e.message)).toContain(
      'Enter a whole number of days, from 1 to 90.',
    );
    expect(await send(settings.action, coordinator, path, fields('3'))).toEqual({ saved: true });
    const page = await renderPage(settings, coordinator, path, path);
    expect(page.status).toBe(200);
    const shown = text(page.html);
    expect(shown).toContain('Application left as a draft');
    expect(shown).toContain('3 days after the draft');
    expect(page.html).toContain('<label for="field-reminders-0-days"');
    expect((await thrown(load(settings.loader, retailer, path))).status).toBe(403);
  });

  it('stops reminders from the link in one, without signing in, after a confirmation; a forged link stops nothing', async () => {
    const person = await h.user('retailer', { locale: 'en' });
    const anonymous = await h.as({}, { locale: 'en' });
    const link = new URL(stopLink(h.config, person.id)).pathname;
    const token = link.split('/').pop()!;
    const forged = `${person.id}.${'A'.repeat(43)}`;
    expect(
      (await thrown(load(stop.loader, anonymous, `/reminders/stop/${forged}`, { token: forged }))).status,
    ).toBe(404);
    const other = stopLink(h.config, (await h.user('retailer')).id)
      .split('/')
      .pop()!;
    const swapped = `${person.id}.${other.split('.')[1]}`;
    expect(
      (await thrown(load(stop.loader, anonymous, `/reminders/stop/${swapped}`, { token: swapped }))).status,
    ).toBe(404);
    // Following the link (a mail scanner does) shows the confirmation and stops nothing.
    const page = await renderPage(stop, anonymous, '/reminders/stop/:token', link);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('No sign-in is needed.');
    const asPerson = await h.as({ bearerToken: await h.token(person.email) }, { locale: 'en' });
    expect((await getMyReminderPreference(asPerson)).stopped).toBe(false);
    expect(await send(stop.action, anonymous, link, {}, { token })).toEqual({ stopped: true });
    expect((await getMyReminderPreference(asPerson)).stopped).toBe(true);
    expect(await send(stop.action, anonymous, link, {}, { token })).toEqual({ stopped: true });
  });

  it('lets a person stop reminders and take them back', async () => {
    const path = '/account/reminders';
    expect(text((await renderPage(myReminders, retailer, path, path)).html)).toContain(
      'Vous recevez les rappels.',
    );
    await send(myReminders.action, retailer, path, { stopped: 'true' });
    const stopped = text((await renderPage(myReminders, retailer, path, path)).html);
    expect(stopped).toContain('Vous ne recevez plus les rappels depuis le 2027-01-15.');
    expect(stopped).toContain('Recevoir de nouveau les rappels');
    await send(myReminders.action, retailer, path, { stopped: 'false' });
    expect(text((await renderPage(myReminders, retailer, path, path)).html)).toContain(
      'Vous recevez les rappels.',
    );
  });
});
