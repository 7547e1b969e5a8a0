/**
 * The reminders the program sends, as data: when each comes due (days after or before its occasion),
 * who receives it, and whether the person may stop it (decision 38). What makes one due is read by
 * `db/occasions.ts` from the modules that own the facts; the program team may turn each off or change
 * its delay (`reminder_settings`).
 */
export const REMINDER_KINDS = [
  'draft-left-7-days',
  'information-request-unanswered-7-days',
  't0-not-finished-14-days-after-acceptance',
  'coaching-session-tomorrow',
  'plan-action-due-in-7-days',
  't1-diagnostic-at-closure',
  'workshop-tomorrow',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const RECIPIENTS = ['retailer', 'expert'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export type ReminderKindRule = {
  /** Days after the occasion (a draft's last change…) or, for `before`, ahead of it (a session, a due date). */
  defaultDays: number;
  timing: 'after' | 'before';
  recipients: readonly Recipient[];
  /**
   * Whether the person may stop it (« Ne plus recevoir de rappels »). None is a commercial message
   * (CASL s.6(6): they concern the person's own file); a nudge may still be refused, while the notice
   * of an appointment or of a request the team waits on is part of the service and always goes.
   */
  stoppable: boolean;
  /** Stops when the program's intake closes (a draft can no longer be submitted then). */
  endsWithIntake: boolean;
};

export const REMINDER_RULES: Record<ReminderKind, ReminderKindRule> = {
  'draft-left-7-days': {
    defaultDays: 7,
    timing: 'after',
    recipients: ['retailer'],
    stoppable: true,
    endsWithIntake: true,
  },
  'information-request-unanswered-7-days': {
    defaultDays: 7,
    timing: 'after',
    recipients: ['retailer'],
    stoppable: false,
    endsWithIntake: false,
  },
  't0-not-finished-14-days-after-acceptance': {
    defaultDays: 14,
    timing: 'after',
    recipients: ['retailer'],
    stoppable: true,
    endsWithIntake: false,
  },
  'coaching-session-tomorrow': {
    defaultDays: 1,
    timing: 'before',
    recipients: ['retailer', 'expert'],
    stoppable: false,
    endsWithIntake: false,
  },
  'plan-action-due-in-7-days': {
    defaultDays: 7,
    timing: 'before',
    recipients: ['retailer'],
    stoppable: true,
    endsWithIntake: false,
  },
  't1-diagnostic-at-closure': {
    defaultDays: 7,
    timing: 'after',
    recipients: ['retailer'],
    stoppable: true,
    endsWithIntake: false,
  },
  'workshop-tomorrow': {
    defaultDays: 1,
    timing: 'before',
    recipients: ['retailer'],
    stoppable: false,
    endsWithIntake: false,
  },
};

/** A delay or lead time the program team may set, in days. */
export const MAX_REMINDER_DAYS = 90;

export type ReminderSetting = { kind: ReminderKind; enabled: boolean; days: number };

/** A program's settings: what it stored, else each kind's default (on, its default delay). */
export function settingsWithDefaults(stored: readonly ReminderSetting[]): ReminderSetting[] {
  return REMINDER_KINDS.map(
    (kind) =>
      stored.find((s) => s.kind === kind) ?? { kind, enabled: true, days: REMINDER_RULES[kind].defaultDays },
  );
}
