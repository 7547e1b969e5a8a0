import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { HOLDS_PLACE } from '../domain/workshops.ts';
import { workshopRegistrations, workshops } from './tables.ts';

export type WorkshopRow = typeof workshops.$inferSelect;
export type RegistrationRow = typeof workshopRegistrations.$inferSelect;

export async function findWorkshop(db: Executor, id: string): Promise<WorkshopRow | undefined> {
  const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
  return row;
}

/**
 * Locks the workshop's row for the rest of the transaction: every change to who holds its places
 * (register, cancel, accept, expire) takes this lock first, so capacity is counted by one at a time.
 */
export async function lockWorkshop(tx: Tx, id: string): Promise<WorkshopRow | undefined> {
  const [row] = await tx.select().from(workshops).where(eq(workshops.id, id)).for('update');
  return row;
}

export async function findRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, id));
  return row;
}

/** How many places are taken (registered or held for an offer) and how many wait. */
export async function placesOf(db: Executor, workshopId: string) {
  const [row] = await db
    .select({
      taken: sql<number>`count(*) filter (where ${inArray(workshopRegistrations.status, [...HOLDS_PLACE])})::int`,
      waiting: sql<number>`count(*) filter (where ${workshopRegistrations.status} = 'waitlisted')::int`,
    })
    .from(workshopRegistrations)
    .where(eq(workshopRegistrations.workshopId, workshopId));
  return { taken: row?.taken ?? 0, waiting: row?.waiting ?? 0 };
}

/** The waitlist in order: first come, first offered. */
export async function waitlistOf(db: Executor, workshopId: string) {
  return db
    .select()
    .from(workshopRegistrations)
    .where(
      and(eq(workshopRegistrations.workshopId, workshopId), eq(workshopRegistrations.status, 'waitlisted')),
    )
    .orderBy(asc(workshopRegistrations.waitlistedAt), asc(workshopRegistrations.id));
}

/** Where a waiting registration stands in line (1 = next). */
export async function positionOf(db: Executor, registration: RegistrationRow): Promise<number | null> {
  if (registration.status !== 'waitlisted') return null;
  const line = await waitlistOf(db, registration.workshopId);
  return line.findIndex((r) => r.id === registration.id) + 1;
}

/** A workshop's registrations with the person's name, address and language, for the team and the facilitator. */
export async function registrationsWithPeople(db: Executor, workshopId: string) {
  return db
    .select({
      registration: workshopRegistrations,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(workshopRegistrations)
    .innerJoin(users, eq(users.id, workshopRegistrations.userId))
    .where(eq(workshopRegistrations.workshopId, workshopId))
    .orderBy(asc(users.name));
}

/** Offers whose time ran out, by workshop. */
export async function workshopsWithExpiredOffers(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: workshopRegistrations.workshopId })
    .from(workshopRegistrations)
    .where(and(eq(workshopRegistrations.status, 'offered'), lte(workshopRegistrations.offerExpiresAt, now)));
  return rows.map((r) => r.id);
}
