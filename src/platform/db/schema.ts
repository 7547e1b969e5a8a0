// Every table, for drizzle-kit and for the typed database handle. Modules own their tables.

export * from '../../modules/coaching/db/tables.ts';
export * from '../../modules/diagnostic/db/tables.ts';
export * from '../../modules/experts/db/tables.ts';
export * from '../../modules/identity/db/tables.ts';
export * from '../../modules/intake/db/tables.ts';
export * from '../../modules/programs/db/tables.ts';
export * from '../audit/table.ts';
export * from '../mail/table.ts';
