/**
 * A workshop or webinar of the program (issue 12): who may register, how places are held, and the
 * attendance rule of its certificate. Pure rules; the use cases apply them with the workshop row locked.
 */
export const WORKSHOP_FORMATS = ['in_person', 'online'] as const;
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

/** Who may register: every accepted business of the program, those of a region, or those weak in the topic. */
export const WORKSHOP_AUDIENCES = ['program', 'region', 'weak_topic'] as const;
export type WorkshopAudience = (typeof WORKSHOP_AUDIENCES)[number];

export const WORKSHOP_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/**
 * A registration holds a place (`registered`), waits in line (`waitlisted`), holds a place for a time
 * while the person decides (`offered`), or no longer counts (`cancelled`, `expired`: an offer not taken).
 */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'offered', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that take one of the workshop's places: capacity bounds their count. */
export const HOLDS_PLACE: readonly RegistrationStatus[] = ['registered', 'offered'];
/** Statuses a person may still cancel. */
export const ACTIVE: readonly RegistrationStatus[] = ['registered', 'waitlisted', 'offered'];

export const DEFAULT_OFFER_HOURS = 24;
/** BigBlueButton users ask for 85 %; the program's default is 80 % of the scheduled duration (§6.1). */
export const DEFAULT_MINIMUM_ATTENDANCE_PERCENT = 80;

/** What the audience rule reads about a business. */
export type BusinessFacts = { programId: string; region: string | null; weakDimensions: string[] };
export type AudienceRule = {
  programId: string;
  audience: WorkshopAudience;
  region: string | null;
  topic: string;
};

export function isOpenTo(workshop: AudienceRule, business: BusinessFacts): boolean {
  if (workshop.programId !== business.programId) return false;
  if (workshop.audience === 'region') return business.region === workshop.region;
  if (workshop.audience === 'weak_topic') return business.weakDimensions.includes(workshop.topic);
  return true;
}

/** Recommended: the topic is one of the business's weakest dimensions in its entry diagnostic. */
export const isRecommendedFor = (topic: string, business: BusinessFacts) =>
  business.weakDimensions.includes(topic);

/** The certificate's rule: present for at least the workshop's minimum share of its scheduled duration. */
export function earnsCertificate(
  attendance: { present: boolean | null; minutesAttended: number | null },
  workshop: { durationMinutes: number; minimumAttendancePercent: number },
): boolean {
  if (!attendance.present || attendance.minutesAttended === null) return false;
  return attendance.minutesAttended * 100 >= workshop.durationMinutes * workshop.minimumAttendancePercent;
}

/**
 * An online attendance list (`email,minutes`, one row per connection) as minutes per address: the
 * reconnections of a person add up, capped at the workshop's duration.
 */
export function minutesByEmail(rows: { email: string; minutes: number }[], duration: number) {
  const total = new Map<string, number>();
  for (const row of rows) {
    const email = row.email.trim().toLowerCase();
    total.set(email, Math.min(duration, (total.get(email) ?? 0) + row.minutes));
  }
  return total;
}

/** What a workshop's (or several workshops') attendance and satisfaction figures are computed from. */
export type AttendanceTally = { recorded: number; present: number; answers: number; ratingSum: number };

const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/**
 * Attendance rate: present among those whose attendance was recorded, in percent (null before any is);
 * satisfaction: the mean rating (1 to 5) over the answers (null without any). Summed tallies give the
 * figures of several workshops together (each person counted once per workshop).
 */
export function attendanceFigures(t: AttendanceTally) {
  return {
    attendanceRate: t.recorded === 0 ? null : oneDecimal((t.present * 100) / t.recorded),
    satisfaction: { answers: t.answers, mean: t.answers === 0 ? null : oneDecimal(t.ratingSum / t.answers) },
  };
}
