/**
 * What an event of an application's history says after its label, in the reader's language: the
 * message as written, except the words the application records as keys (a full program, the kind of
 * reminder sent, named by the reminders module's texts).
 */
export function eventMessage(t: (key: string) => string, event: { kind: string; message: string | null }) {
  if (event.kind === 'reminder_sent') return t(`reminders:kind.${event.message}.name`);
  return event.message === 'capacity_reached' ? t('ui.capacity_reached') : event.message;
}
