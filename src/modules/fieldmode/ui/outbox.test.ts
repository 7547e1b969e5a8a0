import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLocally,
  keepMine,
  keepServer,
  newCommand,
  type OutboxItem,
  pendingCommands,
  type StoredPack,
  type SyncAnswer,
  settle,
} from './outbox.ts';

const V1 = '2027-01-15T15:00:00.000Z';
const V2 = '2027-01-15T16:00:00.000Z';
const APP = '01a25139-5ff7-7d05-9e54-9cc5a7b42099';

const pack = (): StoredPack => ({
  applicationId: APP,
  syncedAt: V1,
  bytes: 1000,
  business: {
    name: 'Chez Zoé',
    legalName: 'Boutique Zoé inc.',
    naics: '458',
    employees: 6,
    region: '06',
    municipality: 'Montréal',
    street: null,
    postalCode: null,
    goals: null,
  },
  diagnostic: {
    id: 'd1',
    phase: 'T0',
    status: 'in_progress',
    version: V1,
    questionnaire: { id: 'q', version: 1, dimensions: [], levels: [] },
    answers: { presence_website: 'none' },
  },
  plan: {
    status: 'approved',
    currentState: '',
    goals: '',
    timeline: '',
    actions: [
      {
        id: 'a1',
        version: V1,
        objective: 'Boutique',
        steps: '',
        owner: '',
        dueDate: null,
        status: 'todo',
        note: 'Devis demandé',
        supplierId: null,
      },
    ],
  },
  sessions: [
    {
      id: 's1',
      version: V1,
      startsAt: '2027-01-15T10:00:00-05:00',
      durationMinutes: 60,
      mode: 'in_store',
      location: null,
      status: 'scheduled',
      hours: null,
      notes: null,
      summary: null,
    },
  ],
  suppliers: [],
});

const answer = (value: string, baseValue: string | null = 'none') =>
  newCommand(
    'answer-diagnostic-question',
    APP,
    V1,
    { diagnosticId: 'd1', questionId: 'presence_website', value, baseValue },
    'Site Web?',
  );
const note = (text: string) => newCommand('add-session-note', APP, V1, { sessionId: 's1', text }, 'Séance');
const reply = (results: SyncAnswer['results'], wipe: string[] = []): SyncAnswer => ({
  results,
  wipe,
  syncedAt: V2,
});

describe('the device’s queue of offline changes', () => {
  it('shows a change on the pack at once and queues it in the order made', () => {
    const a = answer('basic');
    const b = note('Inventaire');
    expect(applyLocally(pack(), a).diagnostic!.answers.presence_website).toBe('basic');
    expect(
      applyLocally(pack(), newCommand('record-session-held', APP, V1, { sessionId: 's1', hours: 1.5 }, 'S'))
        .sessions[0],
    ).toMatchObject({
      status: 'held',
      hours: 1.5,
    });
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(pendingCommands([b, a]).map((c) => c.commandId)).toEqual([b.commandId, a.commandId]);
    expect(Object.keys(pendingCommands([a])[0]!).sort()).toEqual([
      'applicationId',
      'baseVersion',
      'commandId',
      'payload',
      'type',
    ]);
  });

  it('drops applied changes, keeps conflicts and refusals with what the server said, wipes packs', () => {
    const [a, b, c] = [answer('basic'), note('Inventaire'), note('Caisse')];
    const settled = settle(
      [pack()],
      [a, b, c],
      reply([
        { commandId: a.commandId, status: 'conflict', version: V2, server: 'updated', mine: 'basic' },
        { commandId: b.commandId, status: 'applied', version: V2 },
        { commandId: c.commandId, status: 'refused', reason: 'Fermé', errors: [], wipe: true },
      ]),
    );
    expect(settled.removed).toEqual([b.commandId]);
    expect(settled.outbox.map((i) => i.state)).toEqual(['conflict', 'refused']);
    expect(settled.outbox[0]!.conflict).toEqual({ version: V2, server: 'updated', mine: 'basic' });
    expect(settled.packs[0]!.sessions[0]).toMatchObject({ version: V2, notes: 'Inventaire' });
    const wiped = settle(settled.packs, settled.outbox, reply([], [APP]));
    expect(wiped.packs).toEqual([]);
    expect(wiped.wiped).toEqual([APP]);
    // The refused text is still there to copy.
    expect(wiped.outbox.find((i) => i.state === 'refused')!.payload.text).toBe('Caisse');
  });

  it('resolves a conflict either way', () => {
    const a = answer('basic');
    const [conflicted] = settle(
      [pack()],
      [a],
      reply([{ commandId: a.commandId, status: 'conflict', version: V2, server: 'updated', mine: 'basic' }]),
    ).outbox;
    const mine = keepMine(conflicted!);
    expect(mine.commandId).not.toBe(a.commandId);
    expect(mine).toMatchObject({
      state: 'pending',
      baseVersion: V2,
      payload: { value: 'basic', baseValue: 'updated' },
    });
    const theirs = keepServer(pack(), conflicted!);
    expect(theirs.diagnostic).toMatchObject({ version: V2, answers: { presence_website: 'updated' } });
  });

  it('changes an action’s note or its status alone, and resolves a conflict on either field', () => {
    const change = (payload: Record<string, string>) =>
      newCommand('update-plan-action', APP, V1, { actionId: 'a1', ...payload }, 'Boutique');
    const status = change({ status: 'done', baseStatus: 'todo' });
    const text = change({ note: 'Devis signé', baseNote: 'Devis demandé' });
    const both = [status, text].reduce(applyLocally, pack());
    expect(both.plan!.actions[0]).toMatchObject({ status: 'done', note: 'Devis signé' });
    const [conflicted] = settle(
      [pack()],
      [text],
      reply([
        { commandId: text.commandId, status: 'conflict', version: V2, server: 'Annulé', mine: 'Devis signé' },
      ]),
    ).outbox;
    expect(keepMine(conflicted!)).toMatchObject({
      baseVersion: V2,
      payload: { actionId: 'a1', note: 'Devis signé', baseNote: 'Annulé' },
    });
    expect(keepMine(conflicted!).payload).not.toHaveProperty('baseStatus');
    expect(keepServer(pack(), conflicted!).plan!.actions[0]).toMatchObject({
      version: V2,
      status: 'todo',
      note: 'Annulé',
    });
  });

  it('loses no change, whatever answers come back, lost, repeated or out of order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.constantFrom('applied', 'conflict', 'refused', 'lost'))), {
          maxLength: 5,
        }),
        (n, rounds) => {
          let items: OutboxItem[] = Array.from({ length: n }, (_, i) => note(`Note ${i}`));
          const made = items.map((i) => i.commandId);
          let packs = [pack()];
          const answered = new Map<string, string>();
          for (const round of rounds) {
            const sent = pendingCommands(items);
            if (sent.length === 0) break;
            const results = round.flatMap(([k, status]) => {
              const command = sent[k % sent.length]!;
              // The server answers a command the same way every time.
              const final = answered.get(command.commandId) ?? status;
              if (final === 'lost') return [];
              answered.set(command.commandId, final);
              return [
                final === 'applied'
                  ? { commandId: command.commandId, status: 'applied' as const, version: V2 }
                  : final === 'conflict'
                    ? {
                        commandId: command.commandId,
                        status: 'conflict' as const,
                        version: V2,
                        server: 1,
                        mine: 2,
                      }
                    : {
                        commandId: command.commandId,
                        status: 'refused' as const,
                        reason: 'Non',
                        errors: [],
                        wipe: false,
                      },
              ];
            });
            const settled = settle(packs, items, reply(results));
            ({ packs } = settled);
            items = settled.outbox;
          }
          // Each change is either still on the device or was applied by the server; never both, never gone.
          for (const id of made) {
            const kept = items.some((i) => i.commandId === id);
            expect(kept !== (answered.get(id) === 'applied')).toBe(true);
          }
          const notes = packs[0]!.sessions[0]!.notes ?? '';
          const appliedNotes = [...answered].filter(([, s]) => s === 'applied').length;
          expect(notes === '' ? 0 : notes.split('\n\n').length).toBe(appliedNotes);
        },
      ),
    );
  });
});
