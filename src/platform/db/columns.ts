import { type SQL, sql } from 'drizzle-orm';
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A UTC instant (DESIGN §4: store UTC, display in America/Montreal). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at / updated_at pair shared by mutable tables. */
export const timestamps = () => ({
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** An instant as a parameter of raw SQL: typed, so both drivers compare it as a timestamp. */
export const instantParam = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

/** Binary content (a zip, in pieces or whole), kept in the database so any process may serve it. */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
