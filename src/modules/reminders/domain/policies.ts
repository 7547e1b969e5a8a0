import { hasRole, type Policy, signedIn } from '../../../kernel/policy.ts';

export const reminderPolicies = {
  /** Sending due reminders: the job queue only (the system actor). */
  'reminder.send': { allow: () => false } satisfies Policy<void>,
  /** Which reminders a program sends, and when: the program team. */
  'reminder.configure': { allow: hasRole('coordinator', 'admin') } satisfies Policy<void>,
  /** One's own choice to receive no more reminders that may be stopped. */
  'reminder.preference': { allow: signedIn } satisfies Policy<void>,
  /** Stopping them from the link in a reminder: whoever holds the link, signed in or not (decision 38). */
  'reminder.stop_by_link': { anonymous: true, allow: () => true } satisfies Policy<void>,
};
