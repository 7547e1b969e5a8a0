import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshopRegistrations } from '../../src/modules/workshops/db/tables.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { publishedWorkshop, workshopInput } from '../support/workshops.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const CAPACITY = 3;

/** How many registrations of the workshop are in each status. */
async function tally(workshopId: string) {
  const rows = await h.services.database.db
    .select({ status: workshopRegistrations.status })
    .from(workshopRegistrations)
    .where(eq(workshopRegistrations.workshopId, workshopId));
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { registered: count('registered'), offered: count('offered'), waitlisted: count('waitlisted') };
}

describe(`workshop places under concurrent changes (${engine})`, () => {
  it('never gives more places than the capacity, whatever registers, cancels and accepts at once', async () => {
    const id = await publishedWorkshop(h, coordinator, workshopInput(programId, { capacity: CAPACITY }));
    const retailers: Awaited<ReturnType<typeof acceptedApplication>>[] = [];
    for (let i = 0; i < 10; i++) retailers.push(await acceptedApplication(h, programId, coordinator));
    const register = (token: string) =>
      h.request(`/api/v1/workshops/${id}/registrations`, { method: 'POST', token }).then((r) => r.json());

    // Eight register at the same moment: three places, five in line with distinct positions.
    const first = await Promise.all(retailers.slice(0, 8).map((r) => register(r.token)));
    expect(first.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY);
    expect(
      first
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);

    // Two holders cancel while two newcomers register: the freed places go to the line as offers.
    const holders = retailers.slice(0, 8).filter((_, i) => first[i].status === 'registered');
    const holderRegs = first.filter((r) => r.status === 'registered');
    await Promise.all([
      ...holders.slice(0, 2).map((r, i) =>
        h.request(`/api/v1/workshops/${id}/registrations/${holderRegs[i].id}/cancel`, {
          method: 'POST',
          token: r.token,
        }),
      ),
      ...retailers.slice(8).map((r) => register(r.token)),
    ]);
    expect(await tally(id)).toEqual({ registered: 1, offered: 2, waitlisted: 5 });

    // The offered accept while the last holder cancels: three held at most, the freed one offered on.
    const offered = await h.services.database.db
      .select()
      .from(workshopRegistrations)
      .where(eq(workshopRegistrations.status, 'offered'));
    const tokenOf = (applicationId: string) => retailers.find((r) => r.id === applicationId)!.token;
    await Promise.all([
      ...offered.map((o) =>
        h.request(`/api/v1/workshops/${id}/registrations/${o.id}/accept`, {
          method: 'POST',
          token: tokenOf(o.applicationId),
        }),
      ),
      h.request(`/api/v1/workshops/${id}/registrations/${holderRegs[2].id}/cancel`, {
        method: 'POST',
        token: holders[2]!.token,
      }),
    ]);
    const end = await tally(id);
    expect(end.registered + end.offered).toBe(CAPACITY);
    expect(end).toEqual({ registered: 2, offered: 1, waitlisted: 4 });
  });
});
