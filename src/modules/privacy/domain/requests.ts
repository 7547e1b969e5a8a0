import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';

/** What a person may ask of the organisation about their personal information (P-39.1 ss.27–28.1, 30). */
export const REQUEST_KINDS = [
  'access',
  'correction',
  'deletion',
  'publication_withdrawal',
  'complaint',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['received', 'in_progress', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * P-39.1 s.32: an answer within 30 days of receipt, or the request is deemed refused. Unlike public
 * bodies (A-2.1 s.47, ten more days), the private sector's act grants no extension (decision 33).
 */
export const ANSWER_DAYS = 30;

/** The officers are reminded of an open request once, this many days before its due day. */
export const REMINDER_DAYS = 5;

/** The officer's moves: a request is taken up, then answered or refused; an answer is final. */
export const REQUEST_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['in_progress', 'answered', 'refused'],
  in_progress: ['answered', 'refused'],
  answered: [],
  refused: [],
};

export const isOpen = (status: RequestStatus) => REQUEST_MOVES[status].length > 0;

/** The last day to answer: 30 days after the Montréal day the request was received. */
export function answerDueOn(receivedDay: string): string {
  return formatDate(startOfMontrealDay(receivedDay, ANSWER_DAYS));
}

/** Whole calendar days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type RequestClock = { dueOn: string; daysLeft: number; overdue: boolean };

/** Where a request stands against its clock today; an answered or refused one has stopped it. */
export function requestClock(request: { status: RequestStatus; dueOn: string }, today: string): RequestClock {
  const daysLeft = daysBetween(today, request.dueOn);
  return { dueOn: request.dueOn, daysLeft, overdue: isOpen(request.status) && daysLeft < 0 };
}

/** The officer's order: open requests first, the nearest (or most overdue) due day first. */
export function byUrgency<R extends { status: RequestStatus; dueOn: string }>(a: R, b: R): number {
  const open = Number(isOpen(b.status)) - Number(isOpen(a.status));
  return open !== 0 ? open : a.dueOn.localeCompare(b.dueOn);
}
