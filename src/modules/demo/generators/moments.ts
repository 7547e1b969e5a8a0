import { formatDate, montrealInstant } from '../../../kernel/format.ts';

const DAY = 86_400_000;

/** `days` days (fractions allowed) before `now`: the demo tells what happened over the past weeks. */
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** 10 a.m. in Montréal on the day `days` days before `now`: when the program team works through its queue. */
export const morningOf = (now: Date, days: number) =>
  montrealInstant(formatDate(daysAgo(now, days)), '10:00')!; // 10 a.m. always exists (the clock changes at 2 a.m.)
