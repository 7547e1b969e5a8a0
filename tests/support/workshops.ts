import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import type { Harness } from './harness.ts';

/** What a workshop needs, in person in Montréal, open to every accepted business; override what a test needs. */
export function workshopInput(programId: string, overrides: Record<string, unknown> = {}) {
  return {
    programId,
    titleFr: 'Vendre sur les réseaux sociaux',
    titleEn: 'Selling on social media',
    descriptionFr: 'Trois outils pour publier, mesurer et vendre.',
    descriptionEn: 'Three tools to post, measure and sell.',
    topic: 'marketing',
    language: 'fr',
    format: 'in_person',
    place: '1000, rue Sherbrooke Ouest, Montréal',
    durationMinutes: 120,
    capacity: 2,
    audience: 'program',
    dates: [{ date: '2027-02-10', time: '13:30' }],
    ...overrides,
  };
}

/** The body of a change of a workshop (PUT /workshops/{id}): its fields and one date. */
export function workshopChange(overrides: Record<string, unknown> = {}) {
  const { programId: _p, dates, ...fields } = workshopInput('', overrides);
  return { ...fields, date: (dates as { date: string; time: string }[])[0], ...overrides };
}

/** A published workshop; returns its id. */
export async function publishedWorkshop(h: Harness, staffToken: string, input: Record<string, unknown>) {
  const created = await h.request('/api/v1/workshops', { method: 'POST', token: staffToken, json: input });
  if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`);
  const id = (await created.json()).items[0].id as string;
  const published = await h.request(`/api/v1/workshops/${id}/publish`, { method: 'POST', token: staffToken });
  if (published.status !== 200) throw new Error(`publish failed: ${await published.text()}`);
  return id;
}

/** The mails of a template (to one address, if given), oldest first (ids are time-ordered). */
export const mailsOf = async (h: Harness, template: string, to?: string) =>
  (
    await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.template, template), to ? eq(mailOutbox.toAddress, to) : undefined))
  ).sort((a, b) => (a.id < b.id ? -1 : 1));

/** A mail's `.ics` attachment read by ical.js (an independent implementation), timezones included. */
export function calendarOf(mail: { attachments: { content: string }[] | null }) {
  const text = Buffer.from(mail.attachments![0]!.content, 'base64').toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    localStart: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
    alarms: vevent.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
  };
}

/** A PDF's text, by pdftotext. */
export function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'virage-pdf-'));
  try {
    writeFileSync(path.join(dir, 'file.pdf'), Buffer.from(bytes));
    return spawnSync('pdftotext', [path.join(dir, 'file.pdf'), '-'], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
