/** Delivery states of an outbox message (kept apart from the table so pages can use it without the ORM). */
export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
