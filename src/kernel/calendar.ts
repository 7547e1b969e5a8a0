/**
 * iCalendar (RFC 5545) invitations for coaching sessions and workshops, with times in America/Montreal. Written here
 * rather than with a library: the format is small, and the local times and the VTIMEZONE must be exact.
 */
import { montrealWallClock, TIME_ZONE } from './format.ts';

export type CalendarPerson = { name: string; email: string };

export type SessionInvitation = {
  /** Stable for the life of the session: updates and cancellations reuse it. */
  uid: string;
  /** Raised at every change; calendars keep the highest. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** When this version was produced (DTSTAMP). */
  stamp: Date;
  /** What the reminders say (a cancellation carries none). */
  reminder: string;
};

/** Reminders before a session: the day before (to prepare) and an hour before (to leave on time). */
export const REMINDER_TRIGGERS = ['-P1D', '-PT1H'] as const;

/** America/Montreal since 2007: daylight time from the second Sunday of March to the first Sunday of November. */
const MONTREAL_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values escape backslashes, semicolons, commas and line breaks. */
const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
/** Parameter values with characters that need it are quoted (a double quote cannot appear at all). */
const param = (value: string) =>
  /[;:,]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value.replace(/"/g, "'");
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const local = (d: Date) => {
  const { date, time } = montrealWallClock(d);
  return `${date.replace(/-/g, '')}T${time.replace(/:/g, '')}`;
};

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function sessionCalendar(s: SessionInvitation): string {
  const end = new Date(s.start.getTime() + s.durationMinutes * 60_000);
  const person = (p: CalendarPerson) => `CN=${param(p.name)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Virage//Calendar//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${s.method}`,
    ...MONTREAL_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${s.uid}`,
    `SEQUENCE:${s.sequence}`,
    `DTSTAMP:${utc(s.stamp)}`,
    `DTSTART;TZID=${TIME_ZONE}:${local(s.start)}`,
    `DTEND;TZID=${TIME_ZONE}:${local(end)}`,
    `SUMMARY:${text(s.summary)}`,
    `DESCRIPTION:${text(s.description)}`,
    ...(s.location ? [`LOCATION:${text(s.location)}`] : []),
    ...(s.url ? [`URL:${s.url}`] : []),
    `ORGANIZER;${person(s.organizer)}:mailto:${s.organizer.email}`,
    ...s.attendees.map(
      (a) => `ATTENDEE;${person(a)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`,
    ),
    `STATUS:${s.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(s.method === 'CANCEL'
      ? []
      : REMINDER_TRIGGERS.flatMap((trigger) => [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `TRIGGER:${trigger}`,
          `DESCRIPTION:${text(s.reminder)}`,
          'END:VALARM',
        ])),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
