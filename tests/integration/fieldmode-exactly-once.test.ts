import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingSessions } from '../../src/modules/coaching/db/tables.ts';
import { receivedCommands } from '../../src/modules/fieldmode/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { type ExpertFixture, expert } from '../support/coaching.ts';
import { command, fileForVisit } from '../support/fieldmode.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let coach: ExpertFixture;
let visit: Awaited<ReturnType<typeof fileForVisit>>;

beforeAll(async () => {
  h = await createHarness();
  const programId = await defaultProgramId(h);
  const coordinator = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinator);
  visit = await fileForVisit(h, programId, coordinator, coach);
});
afterAll(() => h?.close());

let run = 0;

describe(`field mode sync, exactly once (${engine})`, () => {
  it('applies each command at most once whatever the interleaving of replays and retries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        // Rounds of deliveries; a round sends one or two batches at once (two tabs, Background Sync and a
        // focus retry); a batch is any picks of the commands, repeats included.
        fc.array(fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 1, maxLength: 2 }), {
          maxLength: 4,
        }),
        async (n, rounds) => {
          run += 1;
          const notes = Array.from({ length: n }, (_, i) => `Note ${run}.${i} «${crypto.randomUUID()}»`);
          const commands = notes.map((text) =>
            command('add-session-note', visit.app.id, null, { sessionId: visit.sessionId, text }),
          );
          const send = (batch: typeof commands) =>
            h.request('/api/v1/sync/commands', {
              method: 'POST',
              token: coach.token,
              json: { commands: batch },
            });
          for (const round of rounds)
            await Promise.all(round.map((picks) => send(picks.map((p) => commands[p % n]!))));
          // The device keeps sending until every command has an answer: finally, all of them.
          const last = await send(commands);
          const results = (await last.json()).results as { status: string }[];
          expect(results.every((r) => r.status === 'applied')).toBe(true);

          const [session] = await h.services.database.db
            .select({ notes: coachingSessions.notes })
            .from(coachingSessions)
            .where(eq(coachingSessions.id, visit.sessionId));
          for (const text of notes) expect(session!.notes!.split(text)).toHaveLength(2);
          const ids = commands.map((c) => c.commandId);
          const [{ count }] = (await h.services.database.db
            .select({ count: sql<number>`count(*)::int` })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.action, 'fieldmode.command'),
                inArray(sql`${auditEvents.changes}->>'commandId'`, ids),
              ),
            )) as [{ count: number }];
          expect(count).toBe(n);
          const stored = await h.services.database.db
            .select()
            .from(receivedCommands)
            .where(inArray(receivedCommands.commandId, ids));
          expect(stored).toHaveLength(n);
        },
      ),
      { numRuns: 12 },
    );
  });
});
