// Every table, for drizzle-kit (which generates the migrations from it). Modules own their tables.

export * from '../modules/coaching/db/tables.ts';
export * from '../modules/conversations/db/tables.ts';
export * from '../modules/diagnostic/db/tables.ts';
export * from '../modules/experts/db/tables.ts';
export * from '../modules/fieldmode/db/tables.ts';
export * from '../modules/funding/db/tables.ts';
export * from '../modules/identity/db/tables.ts';
export * from '../modules/intake/db/tables.ts';
export * from '../modules/outreach/db/tables.ts';
export * from '../modules/privacy/db/incident-tables.ts';
export * from '../modules/privacy/db/request-tables.ts';
export * from '../modules/privacy/db/tables.ts';
export * from '../modules/programs/db/tables.ts';
export * from '../modules/registry/db/tables.ts';
export * from '../modules/reminders/db/tables.ts';
export * from '../modules/reporting/db/tables.ts';
export * from '../modules/signals/db/tables.ts';
export * from '../modules/workshops/db/tables.ts';
export * from '../platform/audit/file-reads-table.ts';
export * from '../platform/audit/table.ts';
export * from '../platform/exports/jobs-table.ts';
export * from '../platform/mail/table.ts';
